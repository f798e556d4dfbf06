"""PostgreSQL storage of surveys, their answers, and the idea box."""
