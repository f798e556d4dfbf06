"""GraphQL of content: contents, campaigns, the feed and their mutations."""
