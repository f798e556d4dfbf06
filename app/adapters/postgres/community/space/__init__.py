"""PostgreSQL storage of the community space: posts, comments, reactions and the feed's reads."""
