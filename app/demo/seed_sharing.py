"""Tell the demo's sharing story (``app/demo/sharing_story.py``) through the use cases.

Shares are created and confirmed by their ambassadors (who say, now and then, how their audience
grew), engagement is reported by them or by the integration, conversions by the integration; clicks
go through the redirect's own use case and ports (the crawler detector, the daily visitor salts and
the click recorder), so they are judged and stored exactly as a request to ``/r/{code}`` would be.
Every step runs at its day on the story clock, all shares together in the order of their days: the
visitor salt of each day is then the one the redirect would have used, and a visitor back the next
day is recognised.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from uuid import UUID

from app.demo.sharing_story import (
    AUDIENCES,
    CONVERSIONS,
    SHARES,
    DemoAudience,
    DemoClick,
    DemoConversion,
    DemoEngagement,
    DemoShare,
)
from app.demo.story_clock import StoryClock
from app.domain.roster.identity import Principal, Role
from app.domain.sharing.shares import Share
from app.services.attribution import AttributionUseCases
from app.services.attribution.record_conversion import RecordConversionCommand
from app.services.roster import RosterUseCases
from app.services.roster.manage_social_accounts import UpdateSocialAccountCommand
from app.services.sharing import SharingUseCases
from app.services.sharing.create_share import CreateShareCommand
from app.services.sharing.follow_tracked_link import LinkVisit
from app.services.sharing.record_engagement import RecordEngagementCommand
from app.services.sharing.share_transitions import ConfirmShareCommand

# The demo's CRM and analytics integration, which reports conversions and engagement.
INTEGRATOR_SUBJECT = "demo|crm-sync"


@dataclass(frozen=True, slots=True)
class _Step:
    day: float
    rank: int  # at the same instant: create, confirm, click, engagement, conversion, audience
    run: Callable[[], Awaitable[None]]


class DemoSharingStory:
    """``members`` gives an ambassador's principal from their roster slug; ``contents`` the id of
    each written content by its key."""

    def __init__(
        self,
        sharing: SharingUseCases,
        attribution: AttributionUseCases,
        roster: RosterUseCases,
        story: StoryClock,
        *,
        tenant_id: UUID,
        members: Callable[[str], Principal],
        contents: Mapping[str, UUID],
    ) -> None:
        self._story = story
        self._members = members
        self._contents = contents
        self._integrator = Principal(
            tenant_id=tenant_id, subject=INTEGRATOR_SUBJECT, roles=frozenset({Role.INTEGRATOR})
        )
        self._create = sharing.create_share
        self._confirm = sharing.confirm_share
        self._engagement = sharing.record_engagement
        self._follow = sharing.follow_tracked_link
        self._conversion = attribution.record_conversion
        self._roster = roster
        self._shares: dict[str, Share] = {}
        self._clicks: dict[str, UUID] = {}

    async def tell(self) -> None:
        for step in sorted(self._steps(), key=lambda step: (step.day, step.rank)):
            self._story.go_to(step.day)
            await step.run()

    def _steps(self) -> Iterator[_Step]:
        for share in SHARES:
            yield _Step(share.created, 0, partial(self._share, share))
            yield _Step(share.posted, 1, partial(self._post, share))
            for click in share.clicks:
                yield _Step(click.day, 2, partial(self._click, share, click))
            for observed in share.engagement:
                yield _Step(observed.day, 3, partial(self._observe, share, observed))
        for conversion in CONVERSIONS:
            yield _Step(conversion.day, 4, partial(self._convert, conversion))
        for audience in AUDIENCES:
            yield _Step(audience.day, 5, partial(self._grow, audience))

    async def _share(self, share: DemoShare) -> None:
        """With the suggested caption, from the ambassador's own browser (so their clicks that day are theirs)."""
        command = CreateShareCommand(
            content_id=self._contents[share.content],
            network=share.network,
            client_ip=share.device.ip,
            user_agent=share.device.user_agent,
        )
        created = await self._create(self._members(share.ambassador), command)
        self._shares[share.key] = created.view.share

    async def _post(self, share: DemoShare) -> None:
        command = ConfirmShareCommand(share_id=self._shares[share.key].id, post_url=share.post_url)
        await self._confirm(self._members(share.ambassador), command)

    async def _click(self, share: DemoShare, click: DemoClick) -> None:
        visitor = click.visitor
        visit = LinkVisit(
            code=self._shares[share.key].code.value,
            method="GET",
            headers={"user-agent": visitor.user_agent},
            client_ip=visitor.ip,
            user_agent=visitor.user_agent,
        )
        followed = await self._follow(visit)
        if click.key is not None:
            self._clicks[click.key] = followed.click_id

    async def _observe(self, share: DemoShare, observed: DemoEngagement) -> None:
        reporter = self._members(share.ambassador) if observed.by_ambassador else self._integrator
        command = RecordEngagementCommand(
            share_id=self._shares[share.key].id, observed_at=self._story.now(), counts=observed.counts
        )
        await self._engagement(reporter, command)

    async def _convert(self, conversion: DemoConversion) -> None:
        reference = str(self._clicks[conversion.click]) if conversion.click is not None else conversion.unknown_ref
        command = RecordConversionCommand(
            type=conversion.type,
            external_id=conversion.external_id,
            occurred_at=self._story.now(),
            click_ref=reference,
            metadata=conversion.metadata,
        )
        await self._conversion(self._integrator, command)

    async def _grow(self, audience: DemoAudience) -> None:
        member = self._members(audience.ambassador)
        accounts = await self._roster.list_social_accounts(member)
        account = next(account for account in accounts if account.network is audience.network)
        command = UpdateSocialAccountCommand(account_id=account.id, audience_size=audience.audience_size)
        await self._roster.update_social_account(member, command)
