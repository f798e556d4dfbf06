"""Domain errors: each carries a stable ``code`` and knows nothing of transports.

Their details and field messages are ``Message``s: English text that keeps its template and
parameters, so that an interface can give them in its reader's language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.messages import Message


@dataclass(frozen=True, slots=True)
class FieldError:
    """One invalid field: where it is (``loc``) and what is wrong with it."""

    loc: tuple[str | int, ...]
    message: str


class DomainError(Exception):
    """Base of every expected failure; ``code`` is stable and public."""

    code = "domain-error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class Unauthenticated(DomainError):
    code = "unauthenticated"


class MissingCredentials(Unauthenticated):
    """No access token was sent at all, as opposed to a token that was refused."""


class Forbidden(DomainError):
    code = "forbidden"


class RateLimited(DomainError):
    """A budget of requests is spent: ``policy`` names it, and it has room again in ``retry_after`` seconds."""

    code = "rate-limited"

    def __init__(self, detail: str, *, policy: str, retry_after: int) -> None:
        super().__init__(detail)
        self.policy = policy
        self.retry_after = retry_after


class NotFound(DomainError):
    code = "not-found"

    def __init__(self, resource: str, resource_id: object) -> None:
        # One template per resource, so that each language can say it with the right words.
        super().__init__(Message("No " + resource + " with id {resource_id} exists.", resource_id=resource_id))
        self.resource = resource


class Gone(DomainError):
    """The resource existed and was withdrawn for good."""

    code = "gone"


class Conflict(DomainError):
    code = "conflict"


class DuplicateValue(Conflict):
    code = "duplicate-value"

    def __init__(self, field: str, detail: str) -> None:
        super().__init__(detail)
        self.field = field


class InvalidTransition(Conflict):
    code = "invalid-transition"

    def __init__(self, resource: str, current: str, wanted: str, allowed: Sequence[str]) -> None:
        """``resource`` and ``wanted`` are words for people (``"content"``, ``"approved"``);
        ``current`` and ``allowed`` are the statuses and actions clients know by name."""
        super().__init__(
            Message(
                "A {resource} that is {current} cannot be {wanted}; allowed from {current}: {allowed}.",
                resource=Message(resource),
                current=current,
                wanted=wanted if isinstance(wanted, Message) else Message(wanted),
                allowed=", ".join(allowed) if allowed else Message("none"),
            )
        )
        self.current = current
        self.allowed = tuple(allowed)


class EmployeeTerminated(Conflict):
    code = "employee-terminated"


class AlreadyAmbassador(Conflict):
    code = "already-ambassador"


class EmployeeNotLinked(Forbidden):
    code = "employee-not-linked"


class NotAnAmbassador(Conflict):
    code = "not-an-ambassador"


class SelfApproval(Forbidden):
    code = "self-approval"


class CadenceExceeded(Conflict):
    """Approving would give some ambassadors more shareable contents in seven days than the budget allows."""

    code = "cadence-exceeded"

    def __init__(
        self, detail: str, *, conflicting: Sequence[UUID], window_start: datetime, window_end: datetime, budget: int
    ) -> None:
        super().__init__(detail)
        self.conflicting = tuple(conflicting)
        self.window_start = window_start
        self.window_end = window_end
        self.budget = budget


class ConversionConflict(Conflict):
    """A conversion was reported again under the same (type, external_id) with a different payload."""

    code = "conversion-conflict"

    def __init__(self, conversion_type: str, external_id: str) -> None:
        super().__init__(
            Message(
                "A {conversion_type} conversion with external_id '{external_id}' was already recorded with "
                "different details; send the same payload to repeat it, or a new external_id for a new conversion.",
                conversion_type=conversion_type,
                external_id=external_id,
            )
        )
        self.conversion_type = conversion_type
        self.external_id = external_id


class PreconditionFailed(DomainError):
    code = "precondition-failed"


class ValidationFailed(DomainError):
    code = "validation-failed"

    def __init__(self, detail: str, errors: Sequence[FieldError] = ()) -> None:
        super().__init__(detail)
        self.errors = tuple(errors)


class Unavailable(DomainError):
    """What the service stands on (its database) does not answer: nothing in the request is to
    blame, and the same request may well succeed in a few seconds. ``cause`` says why, for the
    operators' logs only; clients read the detail."""

    code = "unavailable"

    def __init__(self, cause: str, retry_after_seconds: int = 5) -> None:
        super().__init__(
            Message(
                "The service cannot reach its database at the moment; retry in {seconds} seconds.",
                seconds=retry_after_seconds,
            )
        )
        self.cause = cause
        self.retry_after_seconds = retry_after_seconds
