"""Roster sync on PostgreSQL: integrations, their credentials and delivery log, roster imports."""
