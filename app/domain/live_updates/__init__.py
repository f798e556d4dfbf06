"""Live updates: what a stream tells its client."""
