"""GraphQL of integrations, for admins: the integrations and their delivery logs (the intake stays HTTP)."""
