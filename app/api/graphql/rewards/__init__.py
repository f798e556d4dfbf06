"""GraphQL of rewards: points, their adjustment and review, reward rules, conversions reported invalid,
badges, leaderboards, challenges, and the catalogue with its redemptions, donations and kudos."""
