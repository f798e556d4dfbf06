"""PostgreSQL storage of integrations, their credentials and their delivery log."""
