"""The metric resource on PostgreSQL: the hourly rollups the worker keeps, and the reads over them."""
