"""Driving adapters: REST and GraphQL over the same use cases."""
