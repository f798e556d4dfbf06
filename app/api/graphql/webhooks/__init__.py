"""GraphQL of outgoing webhooks."""
