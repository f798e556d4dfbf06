"""How top-level GraphQL errors reach clients and the logs.

Domain errors keep their message and gain ``extensions.code`` (``forbidden``, ``not-found``,
...), as REST's problem types; a document refused before it runs is coded ``invalid-query``.
Anything unexpected is logged and masked, never shown.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext
from strawberry.types import ExecutionResult as StrawberryExecutionResult

from app.api.graphql.errors import field_errors
from app.domain.errors import DomainError, ValidationFailed

logger = logging.getLogger("relais.api")

INVALID_QUERY = "invalid-query"
UNEXPECTED = "Something went wrong on our side. Retry later, quoting the X-Request-ID of this response."
# graphql-core's suggestions (" Did you mean 'a', 'b', or 'c'?"), wherever its messages put them;
# names are GraphQL names, so the pattern cannot reach into the rest of a message.
_NAME = r"'[_A-Za-z][_0-9A-Za-z]*'"
SUGGESTION = re.compile(rf" Did you mean (?:the enum value )?{_NAME}(?:,? (?:or )?{_NAME})*\?")


# Strawberry's refusal of a null for a ``Maybe[T]`` input gives programmers advice about their
# Python types ("Use 'Maybe[str | None]' ..."); clients are told what to send instead.
STRAWBERRY_MAYBE = re.compile(
    r"Expected value of type '[^']*', found null\. (?P<what>Argument|Field) '(?P<name>[^']+)' of type "
    r"'Maybe\[[^']*\]' cannot be explicitly set to null\. Use 'Maybe\[[^']*\]' if you need to allow null values\."
)


def without_suggestions(message: str) -> str:
    return SUGGESTION.sub("", message)


def in_clients_words(message: str) -> str:
    """A message of Strawberry's own, reworded for clients; any other as it is."""
    return STRAWBERRY_MAYBE.sub(
        lambda found: f"{found['what']} '{found['name']}' cannot be null; omit it to leave it unchanged.", message
    )


def _unexpected(error: GraphQLError) -> bool:
    """A resolver failed for a reason no client can fix (syntax and validation errors have no path)."""
    original = error.original_error
    return error.path is not None and original is not None and not isinstance(original, DomainError | GraphQLError)


def public_error(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(original, DomainError):
        extensions: dict[str, Any] = {"code": original.code}
        if isinstance(original, ValidationFailed):
            extensions["fieldErrors"] = [
                {"path": item.path, "message": item.message} for item in field_errors(original)
            ]
        message = original.detail
    elif _unexpected(error):
        message, extensions = UNEXPECTED, {"code": "internal-error"}
    elif error.path is None and not (error.extensions or {}).get("code"):
        # Refused before anything ran: a syntax error, a field or argument the schema lacks, a value
        # of the wrong type or shape, or a limit exceeded. The message says which.
        message, extensions = in_clients_words(error.message), {"code": INVALID_QUERY}
    else:
        return error
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        # Kept for the HTTP layer, which answers an outage as REST does (``transport``).
        original_error=original if isinstance(original, DomainError) else None,
        extensions=extensions,
    )


class ErrorCodes(SchemaExtension):
    """Rewrites the errors of the finished operation (after ``RelaisSchema`` has logged them), and
    drops graphql-core's name suggestions when they are off: they spell out the schema to whoever
    probes it, which production keeps to the published SDL."""

    def __init__(self, *, suggestions: bool = True) -> None:
        super().__init__()
        self.suggestions = suggestions

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if isinstance(result, GraphQLExecutionResult | StrawberryExecutionResult) and result.errors:
            errors = [public_error(error) for error in result.errors]
            if not self.suggestions:
                for error in errors:
                    error.message = without_suggestions(error.message)
            result.errors = errors


class RelaisSchema(strawberry.Schema):
    """Logs only what went wrong on the server: expected failures and bad queries are the
    client's business, and Strawberry would otherwise log each one with a stack trace."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        for error in errors:
            if _unexpected(error):
                logger.error("unhandled GraphQL error at %s", error.path, exc_info=error.original_error)
