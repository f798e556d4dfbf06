"""Storage's use cases: the worker's upkeep of the event tables' partitions."""
