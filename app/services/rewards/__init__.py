"""Use cases of rewards: the points ledger's readers and writers, the catalogue, redemptions,
donations and kudos."""
