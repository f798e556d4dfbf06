"""The GraphQL API at /graphql: the same use cases as REST, typed for front-end clients."""

from app.api.graphql.schema import build_schema, graphql_router

__all__ = ["build_schema", "graphql_router"]
