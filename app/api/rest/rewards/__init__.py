"""REST routes of rewards."""
