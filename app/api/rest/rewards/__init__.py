"""REST routes of rewards: points, their review, reward rules and conversions reported invalid."""
