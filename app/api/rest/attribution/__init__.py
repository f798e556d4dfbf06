"""REST routes of attribution: /v1/conversions."""
