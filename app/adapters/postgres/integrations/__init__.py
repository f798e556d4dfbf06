"""Roster sync on PostgreSQL: integrations, deliveries, roster imports."""
