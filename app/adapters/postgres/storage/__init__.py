"""Storage on PostgreSQL: the monthly partitions of the event tables."""
