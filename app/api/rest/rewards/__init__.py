"""REST routes of rewards: points, their review, reward rules, conversions reported invalid, badges,
leaderboards, campaign progress, and the catalogue with its redemptions, donations and kudos."""
