"""GraphQL of the roster: employees, ambassadors, the caller, and their mutations."""
