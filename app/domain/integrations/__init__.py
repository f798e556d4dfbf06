"""Roster sync: integrations, the records they send about employees, and what those records change."""
