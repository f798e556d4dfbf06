"""REST routes of content: /v1/contents, /v1/campaigns and the feed."""
