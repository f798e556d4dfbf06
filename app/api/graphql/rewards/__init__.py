"""GraphQL of rewards: points, their adjustment and review, and conversions reported invalid."""
