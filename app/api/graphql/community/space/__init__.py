"""GraphQL of the community space: its feed, posts, comments, reactions, moderation and live signals."""
