"""Cost limits checked before any resolver runs: tokens, depth and aliases.

They bound what one request can make the server do, whatever the schema grows into.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from graphql import ASTValidationRule
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, SchemaExtension
from strawberry.extensions.max_aliases import create_validator as aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule

from app.api.runtime import ApiConfig


def limit_extensions(config: ApiConfig) -> list[Callable[[], SchemaExtension]]:
    """Factories, so every request gets fresh extension instances (as Strawberry expects).

    The depth and alias rules are made once, not by each request's ``QueryDepthLimiter`` and
    ``MaxAliasesLimiter``: validated documents are cached under the rules they passed, and rule
    classes made anew for every request would never find their document in the cache.
    """
    rules: list[type[ASTValidationRule]] = [
        depth_rule(config.graphql_max_depth, None),
        aliases_rule(config.graphql_max_aliases),
    ]
    return [
        partial(MaxTokensLimiter, max_token_count=config.graphql_max_tokens),
        partial(AddValidationRules, rules),
    ]
