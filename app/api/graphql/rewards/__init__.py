"""GraphQL of rewards: points, their adjustment and review, reward rules, conversions reported invalid,
and the catalogue with its redemptions, donations and kudos."""
