"""Expected failures as GraphQL types, and the one mapping from domain errors to them.

Mutations return a union of their success type and the failures they may meet, so clients
branch on ``__typename`` instead of parsing messages. ``code`` is the domain error's stable
code, the same string that ends REST's problem ``type``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.types.field import StrawberryField

from app.api.graphql.attribution.enums import ConversionType
from app.api.graphql.content.enums import ContentStatus
from app.api.graphql.global_ids import global_id
from app.api.graphql.programme.types import ComplianceViolation
from app.api.graphql.roster.enums import Network
from app.api.graphql.sharing.enums import ShareStatus
from app.domain import errors as domain
from app.domain.programme.charter import CharterVersionNotCurrent
from app.domain.sharing import refusals as sharing


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
    violations: list[ComplianceViolation] = strawberry.field(description="Every problem, as `checkCaption` lists them.")
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


def _sharing_error(error: domain.DomainError, message: str, code: str) -> Error | None:
    match error:
        case sharing.CharterAcceptanceRequired():
            return CharterAcceptanceRequiredError(message=message, code=code, current_version=error.current_version)
        case sharing.ContentNotPublished():
            return ContentNotShareableError(message=message, code=code, content_status=ContentStatus(error.status))
        case sharing.ContentCannotBeShared():
            return ContentNotShareableError(message=message, code=code, content_status=None)
        case sharing.CaptionNotCompliant():
            violations = [
                ComplianceViolation(code=v.code, detail=v.detail, start=v.start, end=v.end, blocking=v.blocking)
                for v in error.violations
            ]
            return CaptionNotCompliantError(
                message=message, code=code, violations=violations, field_errors=field_errors(error)
            )
        case sharing.ShareLimitReached():
            return ShareLimitReachedError(
                message=message,
                code=code,
                network=error.network,
                limit=error.limit,
                resets_at=error.resets_at,
            )
        case sharing.ShareNotPosted():
            return ShareNotPostedError(message=message, code=code, current_status=ShareStatus(error.status))
    return None


def camel(name: str | int) -> str:
    """GraphQL spells input fields in camelCase; the domain names them in snake_case."""
    head, *rest = str(name).split("_")
    return head + "".join(part.title() for part in rest)


def enum_spelling(value: str) -> str:
    """How GraphQL enums spell the domain's lowercase values (``in_review`` is ``IN_REVIEW``)."""
    return value.upper()


def field_errors(error: domain.ValidationFailed) -> list[FieldError]:
    return [FieldError(path=[camel(part) for part in item.loc], message=item.message) for item in error.errors]


def graphql_error(error: domain.DomainError) -> Error | None:
    """The one mapping from a domain error to its GraphQL type; None when it has none."""
    message, code = error.detail, error.code
    shared = _sharing_error(error, message, code)
    if shared is not None:
        return shared
    match error:
        case domain.EmployeeNotLinked():
            return NotLinkedError(message=message, code=code)
        case domain.Forbidden():
            return ForbiddenError(message=message, code=code)
        case domain.NotFound():
            return NotFoundError(message=message, code=code, resource=error.resource)
        case domain.ValidationFailed():
            return ValidationError(message=message, code=code, field_errors=field_errors(error))
        case domain.DuplicateValue():
            return DuplicateValueError(message=message, code=code, field=camel(error.field))
        case domain.PreconditionFailed():
            return PreconditionFailedError(message=message, code=code)
        case domain.InvalidTransition():
            return InvalidTransitionError(
                message=message,
                code=code,
                current_status=enum_spelling(error.current),
                allowed=[enum_spelling(value) for value in error.allowed],
            )
        case domain.EmployeeTerminated():
            return EmployeeTerminatedError(message=message, code=code)
        case domain.AlreadyAmbassador():
            return AlreadyAmbassadorError(message=message, code=code)
        case domain.NotAnAmbassador():
            return NotAnAmbassadorError(message=message, code=code)
        case domain.CadenceExceeded():
            return CadenceExceededError(
                message=message,
                code=code,
                conflicting_contents=[global_id("Content", content_id) for content_id in error.conflicting],
                window_starts_at=error.window_start,
                window_ends_at=error.window_end,
                weekly_content_budget=error.budget,
            )
        case domain.ConversionConflict():
            return ConversionConflictError(
                message=message,
                code=code,
                conversion_type=ConversionType(error.conversion_type),
                external_id=error.external_id,
            )
        case CharterVersionNotCurrent():
            return CharterVersionNotCurrentError(message=message, code=code, current_version=error.current)
    return None


# Which domain errors each GraphQL error type stands for, most specific first: Strawberry
# offers an exception to the first handler whose type is in the field's union.
HANDLED: tuple[tuple[type[Error], type[domain.DomainError]], ...] = (
    (NotLinkedError, domain.EmployeeNotLinked),
    (CaptionNotCompliantError, sharing.CaptionNotCompliant),
    (CharterAcceptanceRequiredError, sharing.CharterAcceptanceRequired),
    (ContentNotShareableError, sharing.ContentCannotBeShared),
    (ShareLimitReachedError, sharing.ShareLimitReached),
    (ShareNotPostedError, sharing.ShareNotPosted),
    (ForbiddenError, domain.Forbidden),
    (NotFoundError, domain.NotFound),
    (ValidationError, domain.ValidationFailed),
    (DuplicateValueError, domain.DuplicateValue),
    (PreconditionFailedError, domain.PreconditionFailed),
    (InvalidTransitionError, domain.InvalidTransition),
    (EmployeeTerminatedError, domain.EmployeeTerminated),
    (AlreadyAmbassadorError, domain.AlreadyAmbassador),
    (NotAnAmbassadorError, domain.NotAnAmbassador),
    (CharterVersionNotCurrentError, CharterVersionNotCurrent),
    (CadenceExceededError, domain.CadenceExceeded),
    (ConversionConflictError, domain.ConversionConflict),
)


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


def error_handlers() -> list[DomainErrorHandler]:
    return [DomainErrorHandler(error_type, exception_type) for error_type, exception_type in HANDLED]
