"""GraphQL of the metric resource."""
