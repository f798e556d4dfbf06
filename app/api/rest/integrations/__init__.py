"""Roster sync over REST: registration and credentials (admins), the HRIS intake, the delivery log, roster imports."""
