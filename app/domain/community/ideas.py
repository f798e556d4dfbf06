"""The idea box: ambassadors suggest topics; staff accept one (it becomes a draft content, its author
credited) or decline it with a reason. An idea is decided once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import Conflict, FieldError, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message
from app.domain.values import has_control_characters, is_blank

MAX_TITLE = 200
MAX_BODY = 5_000
MAX_REASON = 2_000


class IdeaStatus(StrEnum):
    """Pending until staff accept it (it becomes a draft content) or decline it with a reason."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class IdeaAlreadyDecided(Conflict):
    code = "idea-already-decided"

    def __init__(self, status: IdeaStatus) -> None:
        super().__init__(Message("This idea was already {status}; an idea is decided once.", status=status.value))
        self.status = status


def _text(errors: list[FieldError], name: str, value: str, most: int, *, multiline: bool) -> str:
    text = value.strip()
    if is_blank(text) or len(text) > most or has_control_characters(text, multiline=multiline):
        errors.append(FieldError((name,), Message("Give 1-{most} characters, without control characters.", most=most)))
    return text


@dataclass(slots=True, kw_only=True)
class Idea(TenantAggregate):
    id: UUID
    tenant_id: UUID
    ambassador_id: UUID
    title: str
    body: str
    status: IdeaStatus = IdeaStatus.PENDING
    reason: str | None = None
    content_id: UUID | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    created_at: datetime
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def submit(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        ambassador_id: UUID,
        title: str,
        body: str,
        now: datetime,
    ) -> Idea:
        errors: list[FieldError] = []
        clean_title = _text(errors, "title", title, MAX_TITLE, multiline=False)
        clean_body = _text(errors, "body", body, MAX_BODY, multiline=True)
        if errors:
            raise ValidationFailed("The idea is not valid.", errors)
        idea = cls(
            id=id,
            tenant_id=tenant_id,
            ambassador_id=ambassador_id,
            title=clean_title,
            body=clean_body,
            created_at=now,
            updated_at=now,
        )
        idea._emit(EventType.IDEA_SUBMITTED, now, idea._facts())
        return idea

    def accept(self, *, content_id: UUID, by: str, now: datetime) -> None:
        """Accepted: the draft content made of it is ``content_id``."""
        self.require_pending()
        self.status = IdeaStatus.ACCEPTED
        self.content_id = content_id
        self._decided(by, now)
        self._emit(EventType.IDEA_ACCEPTED, now, self._facts() | {"content_id": str(content_id)})

    def decline(self, *, reason: str, by: str, now: datetime) -> None:
        self.require_pending()
        errors: list[FieldError] = []
        clean = _text(errors, "reason", reason, MAX_REASON, multiline=True)
        if errors:
            raise ValidationFailed("Say why the idea is declined.", errors)
        self.status = IdeaStatus.DECLINED
        self.reason = clean
        self._decided(by, now)
        self._emit(EventType.IDEA_DECLINED, now, self._facts() | {"reason": clean})

    def require_pending(self) -> None:
        if self.status is not IdeaStatus.PENDING:
            raise IdeaAlreadyDecided(self.status)

    def _decided(self, by: str, now: datetime) -> None:
        self.decided_by = by
        self.decided_at = now
        self._touch(now)

    def _facts(self) -> dict[str, str]:
        return {"id": str(self.id), "ambassador_id": str(self.ambassador_id), "title": self.title}
