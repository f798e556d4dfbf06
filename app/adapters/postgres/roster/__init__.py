"""PostgreSQL storage of the roster."""
