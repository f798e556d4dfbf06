"""Use cases of the roster: tenants, employees, memberships and social accounts."""
