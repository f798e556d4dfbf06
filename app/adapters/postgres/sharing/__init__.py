"""PostgreSQL storage of shares, clicks and engagement, and the redirect."""
