"""GraphQL of rewards."""
