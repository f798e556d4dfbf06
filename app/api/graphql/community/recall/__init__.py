"""GraphQL of recall: recalling a content, and the take-downs of its posts."""
