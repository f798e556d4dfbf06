"""Follow a tracked link: record the click, then say where to send the visitor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple
from uuid import UUID

from app.domain.community.recall_refusals import TrackedLinkRecalled
from app.domain.sharing.tracked_links import ShareCode, TrackedLinkGone, TrackedLinkNotFound, with_click_reference
from app.domain.sharing.visitors import CLICKS_COUNTED_PER_NETWORK, ClickKind, ClickVerdict, utc_day
from app.ports.sharing import BotDetector, ClickRecorder, ClickToRecord, VisitorSaltStore
from app.ports.system import Clock, IdGenerator


class LinkVisit(NamedTuple):
    """One request to ``/r/{code}``: ``client_ip`` is the visitor's address once trusted proxies
    are accounted for; it is hashed, never stored. A named tuple, as what it leads to and the
    ports' click and link: one of each is made on every redirect, at a third of a frozen
    dataclass's cost."""

    code: str
    method: str
    # Those that may say the load is speculative (``PURPOSE_HEADERS``) are the ones read; others may be left out.
    headers: Mapping[str, str]
    client_ip: str
    user_agent: str


class LinkFollowed(NamedTuple):
    location: str
    click_id: UUID
    verdict: ClickVerdict


class FollowTrackedLink:
    """Where a tracked link leads, with the click recorded before the answer leaves.

    - A text that cannot be a share code is not found, without any lookup; a code no share has
      is not found either. A cancelled share, or one whose content was archived, is gone (and
      records nothing). A recalled content's link records nothing either: it is gone
      (``tracked-link-recalled``), or leads to the programme's ``recall_notice_url`` when set. An
      expired content's links still lead to it: what was shared stays valid.
    - Every other request is recorded, then redirected to the share's destination with the
      click's id as the click reference (the tenant's click parameter, ``rl_click`` by default).
    - Only clicks are counted: ``HEAD`` requests, prefetches and previews, and crawlers (link
      previews included, and requests with no user agent) are recorded with their kind.
    - The visitor is a digest of (address, user agent) under the day's salt, their network a
      digest of the address's /24 (IPv4) or /48 (IPv6) prefix under the same salt. A click from
      the visitor digest the ambassador had when they created a share that day is flagged as
      their own: it is never unique nor capped, and the rules below leave it out of the clicks
      they look at.
    - A counted click is unique unless the same network made a counted click on the same link
      less than 24 hours before (under today's or yesterday's salt): a user agent costs nothing
      to change, an address does.
    - A network's counted clicks on a link are capped at ``daily_cap`` per UTC day: the next
      ones are recorded as ``capped``, and not counted.
    - Click rows hold no address, no user agent and no employee id.
    """

    def __init__(
        self,
        clock: Clock,
        ids: IdGenerator,
        salts: VisitorSaltStore,
        bots: BotDetector,
        clicks: ClickRecorder,
        daily_cap: int = CLICKS_COUNTED_PER_NETWORK,
    ) -> None:
        if daily_cap < 1:
            raise ValueError("At least one click a day is counted per network.")
        self._clock = clock
        self._ids = ids
        self._salts = salts
        self._bots = bots
        self._clicks = clicks
        self._daily_cap = daily_cap

    async def __call__(self, visit: LinkVisit) -> LinkFollowed:
        try:
            code = ShareCode.parse(visit.code)
        except ValueError:
            raise TrackedLinkNotFound from None
        now = self._clock.now()
        day = utc_day(now)
        salts = await self._salts.salts(day)
        kind = ClickKind.classify(
            method=visit.method, headers=visit.headers, is_bot=self._bots.is_bot(visit.user_agent)
        )
        visitor_hash, network_hashes = salts.digests(visit.client_ip, visit.user_agent)
        click = ClickToRecord(
            code=code,
            id=self._ids.new_id(),
            clicked_at=now,
            day=day,
            kind=kind,
            visitor_hash=visitor_hash,
            network_hashes=network_hashes,
            daily_cap=self._daily_cap,
        )
        link = await self._clicks.record(click)
        if link is None:
            raise TrackedLinkNotFound
        if link.recalled:
            raise TrackedLinkRecalled(link.notice_url)
        if not link.live:
            raise TrackedLinkGone
        click_ref = str(click.id)
        return LinkFollowed(
            location=with_click_reference(link.destination, link.click_param, click_ref),
            click_id=click.id,
            verdict=ClickVerdict(
                kind=ClickKind.CAPPED if link.capped else kind, unique=link.unique, self_click=link.self_click
            ),
        )
