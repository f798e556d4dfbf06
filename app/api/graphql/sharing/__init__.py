"""GraphQL of sharing: shares, their figures and their mutations."""
