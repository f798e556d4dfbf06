"""The metric resource over REST."""
