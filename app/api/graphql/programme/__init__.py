"""GraphQL of the programme's rules: settings, charter and caption checks."""
