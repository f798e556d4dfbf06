"""The programme's rules: settings, the charter, and caption compliance."""
