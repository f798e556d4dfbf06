"""Roster sync over GraphQL, for admins: integrations, their delivery logs, roster imports (the intake stays HTTP)."""
