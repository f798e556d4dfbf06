"""The extension members problem types add to an RFC 9457 body, as typed models.

Each model is one problem type's (or a family's) members and says how to read them off the
domain error; the OpenAPI ``Problem`` schema is the union of them all, each member optional.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

from app.api.rest.bodies import Text
from app.api.rest.programme.charter_schemas import TOTAL_VIOLATIONS_HELP, ViolationOut
from app.domain import errors as domain
from app.domain.networks import Network
from app.domain.programme.charter import CharterVersionNotCurrent
from app.domain.programme.compliance import MAX_REPORTED_VIOLATIONS
from app.domain.sharing import refusals as sharing

REQUEST_PARTS = frozenset({"body", "query", "path", "header", "cookie"})

# Written as ``datetime.isoformat()`` writes it (``+00:00``), as problem bodies always were.
Instant = Annotated[
    datetime,
    PlainSerializer(lambda value: value.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]


class ProblemMembers(BaseModel):
    """Members a problem type adds to the standard ones (type, title, status, detail)."""

    model_config = ConfigDict(frozen=True)


class FieldProblem(BaseModel):
    """One invalid value of the request."""

    loc: list[str | int] = Field(
        description="Where the value is: the part of the request (`body`, `query`, `path`, `header`), then the "
        "field's path in it; list positions are numbers.",
        examples=[["body", "email"]],
    )
    message: Text = Field(description="What is wrong with the value and how to fix it.")


def in_request(loc: tuple[str | int, ...]) -> list[str | int]:
    """Where a field error is in the request: the body, unless its location already names a part."""
    return list(loc) if loc and loc[0] in REQUEST_PARTS else ["body", *loc]


class FieldErrors(ProblemMembers):
    errors: list[FieldProblem] = Field(description="Each invalid value of the request, with what to fix.")

    @classmethod
    def of(cls, error: domain.ValidationFailed) -> FieldErrors:
        return cls(errors=[FieldProblem(loc=in_request(item.loc), message=item.message) for item in error.errors])

    @classmethod
    def of_duplicate(cls, error: domain.DuplicateValue) -> FieldErrors:
        return cls(errors=[FieldProblem(loc=["body", error.field], message=error.detail)])


class Transition(ProblemMembers):
    current_status: str = Field(description="The status the resource is in now.")
    allowed: list[str] = Field(description="The actions its current status allows (may be empty).")

    @classmethod
    def of(cls, error: domain.InvalidTransition) -> Transition:
        return cls(current_status=error.current, allowed=list(error.allowed))


class CurrentCharter(ProblemMembers):
    current_version: int | None = Field(
        description="The number of the charter version in force; null when none is published."
    )

    @classmethod
    def of_acceptance(cls, error: sharing.CharterAcceptanceRequired) -> CurrentCharter:
        return cls(current_version=error.current_version)

    @classmethod
    def of_version(cls, error: CharterVersionNotCurrent) -> CurrentCharter:
        return cls(current_version=error.current)


class ShareLimit(ProblemMembers):
    network: Network = Field(description="The network whose daily limit was reached.")
    limit: int = Field(description="The programme's daily limit of shares per network and ambassador.")
    resets_at: Instant = Field(description="When sharing on this network opens again (the next midnight UTC).")

    @classmethod
    def of(cls, error: sharing.ShareLimitReached) -> ShareLimit:
        return cls(network=error.network, limit=error.limit, resets_at=error.resets_at)


class SpentBudget(ProblemMembers):
    policy: str = Field(
        description="The budget that is spent, as the RateLimit headers name it: `caller`, `tenant`, `anonymous` "
        "or `tracked-links`, with its window (`caller-1s`) when that kind of traffic has several.",
        examples=["caller-60s"],
    )
    retry_after: int = Field(description="Seconds to wait before retrying, as the Retry-After header says.", ge=1)

    @classmethod
    def of(cls, error: domain.RateLimited) -> SpentBudget:
        return cls(policy=error.policy, retry_after=error.retry_after)


class ContentState(ProblemMembers):
    content_status: str = Field(description="The status of the content now (draft, submitted, approved...).")

    @classmethod
    def of(cls, error: sharing.ContentNotPublished) -> ContentState:
        return cls(content_status=error.status)


class CaptionViolations(FieldErrors):
    violations: list[ViolationOut] = Field(
        description="The rules the caption breaks, as POST /v1/compliance/check lists them (warnings included, "
        f"at most {MAX_REPORTED_VIOLATIONS}, those that block sharing first).",
        max_length=MAX_REPORTED_VIOLATIONS,
    )
    total_violations: int = Field(description=TOTAL_VIOLATIONS_HELP, ge=0)

    @classmethod
    def of_caption(cls, error: sharing.CaptionNotCompliant) -> CaptionViolations:
        violations = [
            ViolationOut(code=item.code, detail=item.detail, start=item.start, end=item.end, blocking=item.blocking)
            for item in error.violations
        ]
        return cls(errors=FieldErrors.of(error).errors, violations=violations, total_violations=error.total)


class CadenceWindow(BaseModel):
    """The seven days in which the weekly content budget would be exceeded."""

    starts_at: Instant = Field(description="The window's first instant.")
    ends_at: Instant = Field(description="The window's end (exclusive).")


class Cadence(ProblemMembers):
    conflicting_contents: list[UUID] = Field(
        description="The other contents live for the same ambassadors in that window."
    )
    window: CadenceWindow = Field(description="The seven days in which the budget would be exceeded.")
    weekly_content_budget: int = Field(description="The programme's most shareable contents per audience in 7 days.")

    @classmethod
    def of(cls, error: domain.CadenceExceeded) -> Cadence:
        return cls(
            conflicting_contents=list(error.conflicting),
            window=CadenceWindow(starts_at=error.window_start, ends_at=error.window_end),
            weekly_content_budget=error.budget,
        )


class ReadinessChecks(BaseModel):
    """What the readiness probe found."""

    database: bool = Field(description="The database answers.")
    schema_current: bool = Field(description="Its schema is at the latest migration.")


class NotReady(ProblemMembers):
    checks: ReadinessChecks = Field(description="Which check failed.")
