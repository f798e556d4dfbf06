"""REST routes of integrations: registration and credentials (admins), the HRIS intake, the delivery log."""
