"""REST routes of rewards: points, their review, reward rules, conversions reported invalid, and the
catalogue with its redemptions, donations and kudos."""
