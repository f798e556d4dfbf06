"""Storage: how the event tables are cut into months, and how long each keeps them."""
