"""REST side of live updates: the event stream."""
