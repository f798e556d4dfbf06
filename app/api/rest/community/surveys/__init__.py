"""REST of surveys (/v1/surveys) and of the idea box (/v1/ideas)."""
