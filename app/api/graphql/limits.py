"""Cost limits checked before any resolver runs: tokens, depth and aliases.

They bound what one request can make the server do, whatever the schema grows into.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter, SchemaExtension

from app.api.runtime import ApiConfig


def limit_extensions(config: ApiConfig) -> list[Callable[[], SchemaExtension]]:
    """Factories, so every request gets fresh extension instances (as Strawberry expects)."""
    return [
        partial(MaxTokensLimiter, max_token_count=config.graphql_max_tokens),
        partial(QueryDepthLimiter, max_depth=config.graphql_max_depth),
        partial(MaxAliasesLimiter, max_alias_count=config.graphql_max_aliases),
    ]
