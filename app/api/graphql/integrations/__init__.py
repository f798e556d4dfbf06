"""Roster sync over GraphQL, for admins: integrations, deliveries, roster imports."""
