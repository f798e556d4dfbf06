"""PostgreSQL storage of the event worker's work: deliveries, click positions, parked events and once-only markers."""
