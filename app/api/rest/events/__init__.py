"""REST routes of the event worker, for operators: the parked events."""
