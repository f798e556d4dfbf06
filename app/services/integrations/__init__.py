"""Roster sync: integrations, HRIS webhooks, roster imports."""
