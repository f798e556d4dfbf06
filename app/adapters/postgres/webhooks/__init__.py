"""Outgoing webhooks on PostgreSQL."""
