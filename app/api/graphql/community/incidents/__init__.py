"""GraphQL of incidents (moderators and admins)."""
