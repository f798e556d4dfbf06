"""Use cases of content: contents and their review, campaigns, and the feed."""
