"""PostgreSQL storage of the programme's settings and charter."""
