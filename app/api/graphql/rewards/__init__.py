"""GraphQL types and entry points of rewards."""
