"""An in-memory click recorder that applies the domain's rules, as the redirect's SQL does."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID, uuid4

from app.domain.sharing.visitors import AmbassadorVisitor, ClickKind, day_start, is_capped, is_unique_visit
from app.ports.sharing import ClickToRecord, ResolvedLink


@dataclass(slots=True, kw_only=True)
class FakeLink:
    destination: str
    click_param: str = "rl_click"
    live: bool = True
    # Its content recalled (then never live), with the programme's notice page when it set one.
    recalled: bool = False
    notice_url: str | None = None
    share_id: UUID = field(default_factory=uuid4)
    ambassador_id: UUID = field(default_factory=uuid4)


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordedClick:
    """A click as stored: ``kind`` is the request's, or ``capped``."""

    share_id: UUID
    click: ClickToRecord
    kind: ClickKind
    unique: bool
    self_click: bool


class FakeClickRecorder:
    def __init__(self) -> None:
        self.links: dict[str, FakeLink] = {}
        self.clicks: list[RecordedClick] = []
        self.ambassador_visitors: dict[UUID, list[AmbassadorVisitor]] = {}
        self.calls = 0

    def remember(self, ambassador_id: UUID, visitor_hash: str, day: date) -> None:
        self.ambassador_visitors.setdefault(ambassador_id, []).append(
            AmbassadorVisitor(visitor_hash=visitor_hash, day=day)
        )

    async def record(self, click: ClickToRecord) -> ResolvedLink | None:
        self.calls += 1
        link = self.links.get(click.code.value)
        if link is None:
            return None
        if not link.live or link.recalled:
            return ResolvedLink(
                destination=link.destination,
                click_param=link.click_param,
                live=False,
                recorded=False,
                unique=False,
                self_click=False,
                capped=False,
                recalled=link.recalled,
                notice_url=link.notice_url if link.recalled else None,
            )
        # The network's other counted clicks on the link that are not the ambassador's own.
        others = [
            recorded
            for recorded in self.clicks
            if recorded.share_id == link.share_id and recorded.kind is ClickKind.COUNTED and not recorded.self_click
        ]
        sightings = [
            recorded.click.clicked_at for recorded in others if recorded.click.network_hash in click.network_hashes
        ]
        counted_today = sum(
            1
            for recorded in others
            if recorded.click.network_hash == click.network_hash and recorded.click.clicked_at >= day_start(click.day)
        )
        self_click = any(
            own.is_self(click.visitor_hash, click.clicked_at)
            for own in self.ambassador_visitors.get(link.ambassador_id, [])
        )
        kind = click.kind
        if kind.counted and not self_click and is_capped(counted_today, click.daily_cap):
            kind = ClickKind.CAPPED
        unique = kind.counted and not self_click and is_unique_visit(max(sightings, default=None), click.clicked_at)
        self.clicks.append(
            RecordedClick(share_id=link.share_id, click=click, kind=kind, unique=unique, self_click=self_click)
        )
        return ResolvedLink(
            destination=link.destination,
            click_param=link.click_param,
            live=True,
            recorded=True,
            unique=unique,
            self_click=self_click,
            capped=kind is ClickKind.CAPPED,
        )
