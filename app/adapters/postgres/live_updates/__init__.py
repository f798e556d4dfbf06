"""Live updates on PostgreSQL: signals sent with NOTIFY in the writing transaction, and one LISTEN
connection per process that receives them."""
