"""Use cases: one class per module, each opening and committing its own unit of work."""
