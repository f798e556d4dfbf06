"""What a problem type is: its status, what it means, how to fix it, the members its REST body
carries and the GraphQL type standing for it. The types themselves are in ``exchange`` and ``rules``,
gathered in the package's ``REGISTRY``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from app.api.graphql import errors as gql
from app.api.rest.problem_members import ProblemMembers
from app.domain.errors import DomainError

E = TypeVar("E", bound=DomainError)

TYPE_PREFIX = "urn:relais:problem:"


@dataclass(frozen=True, slots=True)
class Sample:
    """What a request-level problem (one no domain error stands for) looks like, for the docs."""

    detail: str
    members: ProblemMembers | None = None


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class ProblemType(Generic[E]):
    """One problem type. ``error`` is None for problems of the HTTP exchange itself (a body that is
    not JSON, a method the path does not answer); ``example`` is a sample of it for the docs.
    Each type is one object, compared by identity."""

    slug: str
    status: int
    title: str
    means: str
    fix: str
    error: type[E] | None = None
    example: E | Sample
    rest: Callable[[E], ProblemMembers] | None = None
    graphql: gql.GraphQLForm[E] | None = None

    @property
    def uri(self) -> str:
        return TYPE_PREFIX + self.slug

    def members(self, error: E) -> dict[str, Any]:
        """The extension members of this type's REST body for ``error``."""
        return self.rest(error).model_dump(mode="json") if self.rest else {}

    def sample(self) -> tuple[str, dict[str, Any]]:
        """The detail and members of this type's example."""
        if isinstance(self.example, Sample):
            members = self.example.members
            return self.example.detail, members.model_dump(mode="json") if members else {}
        return self.example.detail, self.members(self.example)

    def member_model(self) -> type[ProblemMembers] | None:
        """The model of this type's extension members, read off its example."""
        if isinstance(self.example, Sample):
            return type(self.example.members) if self.example.members else None
        return type(self.rest(self.example)) if self.rest else None


def of_error(
    error: type[E],
    status: int,
    title: str,
    *,
    means: str,
    fix: str,
    example: E,
    rest: Callable[[E], ProblemMembers] | None = None,
    graphql: gql.GraphQLForm[E] | None = None,
) -> ProblemType[E]:
    """The problem type a domain error stands for; its slug is the error's stable ``code``."""
    return ProblemType(
        slug=error.code,
        status=status,
        title=title,
        means=means,
        fix=fix,
        error=error,
        example=example,
        rest=rest,
        graphql=graphql,
    )


def of_request(
    slug: str, status: int, title: str, *, means: str, fix: str, example: Sample
) -> ProblemType[DomainError]:
    """A problem of the HTTP exchange itself, answered before (or instead of) any use case."""
    return ProblemType(slug=slug, status=status, title=title, means=means, fix=fix, example=example)
