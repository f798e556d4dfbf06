"""PostgreSQL storage of recall: the take-downs of a recalled content's posts."""
