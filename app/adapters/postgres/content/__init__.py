"""PostgreSQL storage of contents and campaigns, and the feed's read model."""
