"""REST routes of sharing: /v1/shares and the public redirect /r/{code}."""
