"""The GraphQL API at /graphql: the same use cases as REST, typed for front-end clients.

The schema and its router are in ``schema``; this package imports nothing at import time, so
that its types (the error types the problem registry names) load without the whole schema.
"""
