"""GraphQL of training: modules, progress and completions."""
