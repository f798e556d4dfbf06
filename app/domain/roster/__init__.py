"""The roster: tenants, employees, programme memberships and who is calling."""
