"""Roster sync over REST: integrations, HRIS webhooks, roster imports."""
