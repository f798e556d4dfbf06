"""REST routes of the roster: /v1/tenants, /v1/employees, /v1/ambassadors, /v1/me."""
