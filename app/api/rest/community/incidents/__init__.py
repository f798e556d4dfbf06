"""REST of incidents (moderators and admins)."""
