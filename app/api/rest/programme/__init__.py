"""REST routes of the programme: /v1/settings, /v1/charter, /v1/compliance."""
