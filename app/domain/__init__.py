"""Pure business rules of Relais: entities, value objects, policies, events and errors."""
