"""REST routes of recall: /v1/contents/{id}/recall, the take-downs of /v1/me and of a content."""
