"""The redirect's store: resolve a share code and record the click, in one round trip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from uuid import UUID

from app.domain.tracked_links import ShareCode
from app.domain.visitors import ClickKind


@dataclass(frozen=True, slots=True, kw_only=True)
class ClickToRecord:
    """One request to ``/r/{code}``, as a click row would keep it (no address, no user agent).

    ``visitor_hashes`` are the visitor's digests under today's salt and yesterday's (today's
    first, the one stored): an earlier counted click on the link under either, less than
    ``UNIQUE_VISIT_WINDOW`` before, makes this one not unique. ``day`` is the UTC day of
    ``clicked_at``, the day the ambassador's own digests are looked up for.
    """

    code: ShareCode
    id: UUID
    clicked_at: datetime
    day: date
    kind: ClickKind
    visitor_hashes: tuple[str, ...]

    @property
    def visitor_hash(self) -> str:
        return self.visitor_hashes[0]


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolvedLink:
    """What the code leads to, and how the click was recorded.

    A link that is not ``live`` (its share cancelled, its content archived) records nothing:
    ``recorded`` is then false, and so are ``unique`` and ``self_click``.
    """

    destination: str
    click_param: str
    live: bool
    recorded: bool
    unique: bool
    self_click: bool


class ClickRecorder(Protocol):
    async def record(self, click: ClickToRecord) -> ResolvedLink | None:
        """Look the code up and, when its link is live, store the click, durably, before returning.
        None when no share has the code."""
        ...
