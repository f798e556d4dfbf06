"""PostgreSQL storage of conversions and their credits."""
