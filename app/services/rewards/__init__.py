"""Use cases of rewards: points, badges, leaderboards, challenges and the catalogue."""
