"""The programme charter: versioned guidelines that ambassadors accept before they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from app.domain.errors import Conflict, DomainError, FieldError, NotFound, ValidationFailed
from app.domain.events import DomainEvent, EventSource, EventType
from app.domain.messages import Message
from app.domain.values import has_control_characters, is_blank

MAX_TITLE_LENGTH = 200
MAX_BODY_LENGTH = 100_000
MAX_SUMMARY_LENGTH = 2000


class CharterStatus(StrEnum):
    """Whether a member has accepted the current charter. With no charter published, nothing
    needs accepting: every member is ``accepted``."""

    ACCEPTED = "accepted"
    NEEDS_ACCEPTANCE = "needs_acceptance"


class CharterVersionNotCurrent(Conflict):
    code = "charter-version-not-current"

    def __init__(self, detail: str, current: int | None = None) -> None:
        super().__init__(detail)
        self.current = current


class CharterNotPublished(NotFound):
    code = "charter-not-published"

    def __init__(self) -> None:
        DomainError.__init__(self, "No charter has been published for this programme yet.")
        self.resource = "charter"


@dataclass(slots=True, kw_only=True)
class CharterVersion(EventSource):
    """One published version; versions are numbered 1, 2, ... and never change once published."""

    id: UUID
    tenant_id: UUID
    number: int
    title: str
    body: str
    summary: str | None
    published_by: str
    published_at: datetime
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def publish(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        previous: int | None,
        title: str,
        body: str,
        summary: str | None,
        published_by: str,
        now: datetime,
    ) -> CharterVersion:
        """The version after ``previous`` (the current number, None when there is none)."""
        errors: list[FieldError] = []
        title = title.strip()
        if is_blank(title) or len(title) > MAX_TITLE_LENGTH or has_control_characters(title):
            errors.append(
                FieldError(("title",), Message("Give 1-{most} characters on one line.", most=MAX_TITLE_LENGTH))
            )
        if is_blank(body) or len(body) > MAX_BODY_LENGTH or has_control_characters(body, multiline=True):
            errors.append(
                FieldError(("body",), Message("Give the text in Markdown, 1-{most} characters.", most=MAX_BODY_LENGTH))
            )
        summary = summary.strip() if summary is not None else None
        if summary is not None and (
            len(summary) > MAX_SUMMARY_LENGTH or has_control_characters(summary, multiline=True)
        ):
            errors.append(FieldError(("summary",), Message("At most {most} characters.", most=MAX_SUMMARY_LENGTH)))
        if errors:
            raise ValidationFailed("The charter version is not valid.", errors)
        version = cls(
            id=id,
            tenant_id=tenant_id,
            number=(previous or 0) + 1,
            title=title,
            body=body,
            summary=summary or None,
            published_by=published_by,
            published_at=now,
        )
        version.record(
            DomainEvent(
                type=EventType.CHARTER_PUBLISHED,
                tenant_id=tenant_id,
                occurred_at=now,
                data={"id": str(id), "number": version.number, "title": title},
            )
        )
        return version


def charter_status(accepted: int | None, current: int | None) -> CharterStatus:
    """The status of a member who accepted version ``accepted`` when ``current`` is in force."""
    if current is None or accepted == current:
        return CharterStatus.ACCEPTED
    return CharterStatus.NEEDS_ACCEPTANCE
