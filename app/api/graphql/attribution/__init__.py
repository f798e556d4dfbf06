"""GraphQL of attribution: conversions and their credits."""
