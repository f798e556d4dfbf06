"""Expected failures as GraphQL types, and the forms domain errors take in them.

Mutations return a union of their success type and the failures they may meet, so clients
branch on ``__typename`` instead of parsing messages. ``code`` is the domain error's stable
code, the same string that ends REST's problem ``type``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

import strawberry
from strawberry import relay

from app.api.graphql.attribution.enums import ConversionType
from app.api.graphql.content.enums import ContentStatus
from app.api.graphql.global_ids import global_id
from app.api.graphql.programme.types import TOTAL_VIOLATIONS_HELP, ComplianceViolation
from app.api.graphql.roster.enums import Network
from app.api.graphql.sharing.enums import ShareStatus
from app.domain import errors as domain
from app.domain.programme.charter import CharterVersionNotCurrent
from app.domain.programme.compliance import MAX_REPORTED_VIOLATIONS
from app.domain.sharing import refusals as sharing

E = TypeVar("E", bound=domain.DomainError, contravariant=True)


# An error names the status of the record it is about `currentStatus` (`contentStatus` when that
# record is not the one the mutation changes), never `status`: the success type of the same union
# has a `status` of an enum type, and GraphQL refuses one selection asking both fields of the same
# name with different types. Values are spelled as the GraphQL enums spell them.
@strawberry.interface(description="An expected failure; `code` is stable, `message` is for people.")
class Error:
    message: str = strawberry.field(description="What went wrong and what to do, for people; it may change.")
    code: str = strawberry.field(description="Why, for programs: stable, the same as the end of REST's problem `type`.")


@strawberry.type(description="One invalid value in the input.")
class FieldError:
    path: list[str] = strawberry.field(description="Where the value is in the input; list positions are numbers.")
    message: str = strawberry.field(description="What is wrong with it and what would be accepted.")


@strawberry.type(description="The caller's roles or token do not allow this.")
class ForbiddenError(Error):
    pass


@strawberry.type(description="The access token is not linked to an employee of this organisation.")
class NotLinkedError(Error):
    pass


@strawberry.type(description="Nothing with this id exists in your organisation.")
class NotFoundError(Error):
    resource: str = strawberry.field(description="What was looked for: `employee`, `content`, `share`, ...")


@strawberry.type(description="The input is not valid; `fieldErrors` lists each invalid value.")
class ValidationError(Error):
    field_errors: list[FieldError] = strawberry.field(description="Each invalid value, and what is wrong with it.")


@strawberry.type(description="Another record already holds this unique value.")
class DuplicateValueError(Error):
    field: str = strawberry.field(description="The input field whose value is taken, as the input spells it.")


@strawberry.type(description="The record changed since it was read; read it again and retry with its version.")
class PreconditionFailedError(Error):
    pass


@strawberry.type(description="The record's current status does not allow this change.")
class InvalidTransitionError(Error):
    current_status: str = strawberry.field(
        description="The record's stored status, spelled as the GraphQL enums spell statuses (`IN_REVIEW`)."
    )
    allowed: list[str] = strawberry.field(
        description="What its status allows instead, spelled as the GraphQL enums spell them: the record's "
        "`allowedActions` (`SUBMIT`), or for a membership the statuses staff may set (`PAUSED`)."
    )


@strawberry.type(description="A terminated employee cannot join the ambassador programme.")
class EmployeeTerminatedError(Error):
    pass


@strawberry.type(description="This employee is already a member of the programme.")
class AlreadyAmbassadorError(Error):
    pass


@strawberry.type(description="The caller has not joined the programme; opt in first.")
class NotAnAmbassadorError(Error):
    pass


@strawberry.type(description="Only the charter in force can be accepted; `currentVersion` is its number.")
class CharterVersionNotCurrentError(Error):
    current_version: int | None = strawberry.field(description="The number of the version in force; null: none.")


@strawberry.type(
    description="Approving would put more shareable contents than the weekly budget in front of the same "
    "ambassadors within seven days; `conflictingContents` are the others in that window."
)
class CadenceExceededError(Error):
    conflicting_contents: list[relay.GlobalID] = strawberry.field(
        description="The `id`s of the contents approved for the same people in the window."
    )
    window_starts_at: datetime = strawberry.field(description="Where the seven days start.")
    window_ends_at: datetime = strawberry.field(description="Where they end.")
    weekly_content_budget: int = strawberry.field(description="The programme's budget for seven days.")


@strawberry.type(
    description="A conversion with this type and externalId was already recorded with other details; send the "
    "same details to repeat it, or a new externalId for a new conversion."
)
class ConversionConflictError(Error):
    conversion_type: ConversionType = strawberry.field(description="The type of the conversion reported.")
    external_id: str = strawberry.field(description="Its id in your systems, already recorded with other details.")


@strawberry.type(description="Accept the charter in force (`currentVersion`) before sharing.")
class CharterAcceptanceRequiredError(Error):
    current_version: int = strawberry.field(description="The number of the version to accept (`acceptCharter`).")


@strawberry.type(
    description="The content cannot be shared now: `code` says why (content-not-published, with its "
    "`contentStatus`; content-not-shareable; content-without-link)."
)
class ContentNotShareableError(Error):
    content_status: ContentStatus | None = strawberry.field(
        description="The content's status, when it is not published (`content-not-published`); null otherwise."
    )


@strawberry.type(description="The caption as posted (followed by the tracked link) breaks these rules.")
class CaptionNotCompliantError(Error):
    violations: list[ComplianceViolation] = strawberry.field(
        description=f"The problems, as `checkCaption` lists them: at most {MAX_REPORTED_VIOLATIONS}, "
        "those that block sharing first."
    )
    total_violations: int = strawberry.field(description=TOTAL_VIOLATIONS_HELP)
    field_errors: list[FieldError] = strawberry.field(
        description="The blocking problems, as field errors of `caption`."
    )


@strawberry.type(description="Today's shares on this network reached the programme's limit; it resets at `resetsAt`.")
class ShareLimitReachedError(Error):
    network: Network = strawberry.field(description="The network whose limit is reached.")
    limit: int = strawberry.field(description="The programme's limit of shares per network and UTC day.")
    resets_at: datetime = strawberry.field(description="When sharing on it is possible again (next UTC midnight).")


@strawberry.type(description="Engagement is recorded for posted shares only; confirm the share first.")
class ShareNotPostedError(Error):
    current_status: ShareStatus = strawberry.field(description="The share's status.")


def camel(name: str | int) -> str:
    """GraphQL spells input fields in camelCase; the domain names them in snake_case."""
    head, *rest = str(name).split("_")
    return head + "".join(part.title() for part in rest)


def enum_spelling(value: str) -> str:
    """How GraphQL enums spell the domain's lowercase values (``in_review`` is ``IN_REVIEW``)."""
    return value.upper()


def field_errors(error: domain.ValidationFailed) -> list[FieldError]:
    return [FieldError(path=[camel(part) for part in item.loc], message=item.message) for item in error.errors]


@dataclass(frozen=True, slots=True)
class GraphQLForm(Generic[E]):
    """How a domain error reads in GraphQL: the union member standing for it, and that type's own
    fields besides ``message`` and ``code``. The problem-type registry names one per error."""

    type: type[Error]
    fields: Callable[[E], dict[str, Any]] = lambda _: {}

    def build(self, error: E) -> Error:
        return self.type(message=error.detail, code=error.code, **self.fields(error))


def _violations(error: sharing.CaptionNotCompliant) -> list[ComplianceViolation]:
    return [
        ComplianceViolation(code=v.code, detail=v.detail, start=v.start, end=v.end, blocking=v.blocking)
        for v in error.violations
    ]


def _cadence(error: domain.CadenceExceeded) -> dict[str, Any]:
    return {
        "conflicting_contents": [global_id("Content", content_id) for content_id in error.conflicting],
        "window_starts_at": error.window_start,
        "window_ends_at": error.window_end,
        "weekly_content_budget": error.budget,
    }


FORBIDDEN: GraphQLForm[domain.DomainError] = GraphQLForm(ForbiddenError)
NOT_LINKED: GraphQLForm[domain.DomainError] = GraphQLForm(NotLinkedError)
NOT_FOUND: GraphQLForm[domain.NotFound] = GraphQLForm(NotFoundError, lambda e: {"resource": e.resource})
VALIDATION: GraphQLForm[domain.ValidationFailed] = GraphQLForm(
    ValidationError, lambda e: {"field_errors": field_errors(e)}
)
DUPLICATE_VALUE: GraphQLForm[domain.DuplicateValue] = GraphQLForm(
    DuplicateValueError, lambda e: {"field": camel(e.field)}
)
PRECONDITION_FAILED: GraphQLForm[domain.DomainError] = GraphQLForm(PreconditionFailedError)
INVALID_TRANSITION: GraphQLForm[domain.InvalidTransition] = GraphQLForm(
    InvalidTransitionError,
    lambda e: {"current_status": enum_spelling(e.current), "allowed": [enum_spelling(value) for value in e.allowed]},
)
EMPLOYEE_TERMINATED: GraphQLForm[domain.DomainError] = GraphQLForm(EmployeeTerminatedError)
ALREADY_AMBASSADOR: GraphQLForm[domain.DomainError] = GraphQLForm(AlreadyAmbassadorError)
NOT_AN_AMBASSADOR: GraphQLForm[domain.DomainError] = GraphQLForm(NotAnAmbassadorError)
CHARTER_VERSION_NOT_CURRENT: GraphQLForm[CharterVersionNotCurrent] = GraphQLForm(
    CharterVersionNotCurrentError, lambda e: {"current_version": e.current}
)
CADENCE_EXCEEDED: GraphQLForm[domain.CadenceExceeded] = GraphQLForm(CadenceExceededError, _cadence)
CONVERSION_CONFLICT: GraphQLForm[domain.ConversionConflict] = GraphQLForm(
    ConversionConflictError,
    lambda e: {"conversion_type": ConversionType(e.conversion_type), "external_id": e.external_id},
)
CHARTER_ACCEPTANCE_REQUIRED: GraphQLForm[sharing.CharterAcceptanceRequired] = GraphQLForm(
    CharterAcceptanceRequiredError, lambda e: {"current_version": e.current_version}
)
CONTENT_NOT_PUBLISHED: GraphQLForm[sharing.ContentNotPublished] = GraphQLForm(
    ContentNotShareableError, lambda e: {"content_status": ContentStatus(e.status)}
)
CONTENT_NOT_SHAREABLE: GraphQLForm[domain.DomainError] = GraphQLForm(
    ContentNotShareableError, lambda _: {"content_status": None}
)
CAPTION_NOT_COMPLIANT: GraphQLForm[sharing.CaptionNotCompliant] = GraphQLForm(
    CaptionNotCompliantError,
    lambda e: {"violations": _violations(e), "total_violations": e.total, "field_errors": field_errors(e)},
)
SHARE_LIMIT_REACHED: GraphQLForm[sharing.ShareLimitReached] = GraphQLForm(
    ShareLimitReachedError,
    lambda e: {"network": e.network, "limit": e.limit, "resets_at": e.resets_at},
)
SHARE_NOT_POSTED: GraphQLForm[sharing.ShareNotPosted] = GraphQLForm(
    ShareNotPostedError, lambda e: {"current_status": ShareStatus(e.status)}
)
