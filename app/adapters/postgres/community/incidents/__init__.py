"""Incidents on PostgreSQL: the incident and its timeline, scoped to the unit of work's tenant."""
