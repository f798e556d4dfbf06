"""Content: what ambassadors may share, its review, campaigns, cadence and the feed."""
