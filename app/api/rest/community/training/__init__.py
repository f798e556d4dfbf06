"""REST routes of training: modules, progress and completions."""
