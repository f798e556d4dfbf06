"""Domain errors as members of mutations' result unions, derived from the problem-type registry."""

from __future__ import annotations

from typing import Any

from strawberry.types.field import StrawberryField

from app.api.graphql.errors import Error
from app.api.problem_types import REGISTRY, ProblemType, problem_type_of
from app.domain import errors as domain


def graphql_error(error: domain.DomainError) -> Error | None:
    """The GraphQL type standing for ``error`` (its registered form), or None when it has none."""
    form = problem_type_of(error).graphql
    return form.build(error) if form is not None else None


class DomainErrorHandler:
    """Returns a domain error as a union member when the mutation's union lists its type.

    Anything else is declined and surfaces as a top-level GraphQL error with its code.
    """

    def __init__(self, error_type: type[Error], exception_type: type[domain.DomainError]) -> None:
        self.error_type = error_type
        self.exception_type = exception_type

    def handle(self, exception: Exception, *, field: StrawberryField, info: Any) -> Error | None:
        mapped = graphql_error(exception) if isinstance(exception, domain.DomainError) else None
        return mapped if isinstance(mapped, self.error_type) else None


def _depth(kind: ProblemType[Any]) -> int:
    return len(kind.error.__mro__) if kind.error else 0


# Most specific first: Strawberry offers an exception to the first handler whose exception type
# matches among those whose error type is in the field's union.
HANDLED: tuple[tuple[type[Error], type[domain.DomainError]], ...] = tuple(
    (kind.graphql.type, kind.error)
    for kind in sorted(REGISTRY, key=_depth, reverse=True)
    if kind.graphql is not None and kind.error is not None
)


def error_handlers() -> list[DomainErrorHandler]:
    return [DomainErrorHandler(error_type, exception_type) for error_type, exception_type in HANDLED]
