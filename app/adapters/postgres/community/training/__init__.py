"""PostgreSQL storage of training: modules and progress."""
