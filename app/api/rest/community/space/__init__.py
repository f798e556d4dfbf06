"""REST routes of the community space: posts, comments, reactions, moderation and its event stream."""
