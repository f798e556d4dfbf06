"""REST routes of outgoing webhooks."""
