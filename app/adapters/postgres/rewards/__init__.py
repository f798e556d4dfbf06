"""PostgreSQL adapters of rewards: the points ledger and the reward rules."""
