"""Recruiting's tables, repository and hand-written SQL."""
