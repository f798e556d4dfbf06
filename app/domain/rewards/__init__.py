"""Rewards: the rules that turn events into points, and the ledger that keeps them."""
