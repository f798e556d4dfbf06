"""GraphQL of surveys and of the idea box."""
