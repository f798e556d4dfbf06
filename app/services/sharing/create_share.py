"""An ambassador starts sharing a content on a network: a share intent with its tracked link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.networks import Network
from app.domain.roster.identity import Principal
from app.domain.sharing.rules import (
    require_compliant,
    require_network,
    require_shareable,
    require_sharing_member,
    require_under_daily_limit,
    serving_language,
    share_campaign,
    suggested_caption,
    utc_day_bounds,
)
from app.domain.sharing.shares import Share, require_caption_text, share_destination, shared_caption
from app.domain.sharing.tracked_links import ShareCode
from app.domain.sharing.visitors import utc_day
from app.ports.sharing import VisitorSaltStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.roster.linking import require_caller
from app.services.sharing.share_access import SHARERS, ShareUseCase, ShareView


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateShareCommand:
    """``client_ip`` and ``user_agent`` are the caller's own request's, so that their clicks on
    their own link are recognised today; neither is stored, only their salted digest."""

    content_id: UUID
    network: Network
    caption: str | None = None
    client_ip: str | None = None
    user_agent: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreatedShare:
    view: ShareView
    created: bool


class CreateShare(ShareUseCase):
    """Refused, with nothing written, unless every rule holds, checked in this order:

    - the caller is an active member (``not-an-ambassador``) who accepted the charter in
      force (``charter-acceptance-required``);
    - the programme shares on the network (``network-not-enabled``) and the caller has
      connected an account there (``network-not-connected``);
    - the content exists (``not-found``), is published now (``content-not-published``), shareable
      (``content-not-shareable``), targeted to the caller (``content-not-targeted``)
      and has a link to track (``content-without-link``);
    - an open intent for the same content and network is answered again as it is (not created);
    - fewer shares than the tenant's daily limit were started today (UTC) on the network, cancelled
      ones aside (``share-limit-reached``);
    - the text as posted, the caption followed by the tracked link, breaks no blocking rule
      (``caption-not-compliant``). Without a caption, the content's suggested caption for
      the network in the language the feed serves (else that locale's title) is used.

    The caller's visitor digest is remembered for the day in both cases.
    """

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdGenerator,
        public_base_url: str,
        salts: VisitorSaltStore,
    ) -> None:
        super().__init__(uow, clock, ids, public_base_url)
        self._salts = salts

    async def __call__(self, principal: Principal, command: CreateShareCommand) -> CreatedShare:
        principal.require_any(SHARERS)
        if command.caption is not None:
            require_caption_text(command.caption)
        now = self._clock.now()
        visitor = await self._visitor_hash(command, now)
        async with self._uow(principal.require_tenant()) as uow:
            # Locked: one share at a time per member, so the daily limit and open intents hold.
            caller = await require_caller(uow, principal, now, for_update=True)
            employee, ambassador = caller.employee, caller.member
            require_sharing_member(ambassador, await uow.charter.current_number())
            settings = await uow.settings.get()
            accounts = await uow.social_accounts.list_for(ambassador.id)
            require_network(command.network, settings, (account.network for account in accounts))
            content = await uow.contents.get(command.content_id)
            if content is None:
                raise NotFound("content", command.content_id)
            link_url = require_shareable(content, employee, now)
            share = await uow.shares.open_intent(ambassador.id, content.id, command.network)
            created = share is None
            if share is None:
                start, end = utc_day_bounds(now)
                started = await uow.shares.count_started(ambassador.id, command.network, start, end)
                require_under_daily_limit(started, command.network, settings, now)
                language = serving_language(content, ambassador.preferences.languages, employee.profile.language)
                campaign = share_campaign((await uow.campaigns.campaigns_of([content.id])).get(content.id, []), now)
                code = ShareCode.generate()
                tracked_url = code.tracked_url(self._public_base_url)
                caption = shared_caption(
                    command.caption
                    if command.caption is not None
                    else suggested_caption(content, language, command.network),
                    content_link=link_url,
                    tracked_url=tracked_url,
                )
                share = Share.open(
                    id=self._ids.new_id(),
                    tenant_id=content.tenant_id,
                    code=code,
                    ambassador_id=ambassador.id,
                    content_id=content.id,
                    campaign_id=campaign.id if campaign else None,
                    network=command.network,
                    language=language,
                    caption=caption,
                    destination=share_destination(
                        link_url,
                        network=command.network,
                        utm_medium=settings.utm_medium,
                        campaign_slug=campaign.fields.slug if campaign else None,
                        content_id=content.id,
                        click_param=settings.click_param,
                    ),
                    click_param=settings.click_param,
                    now=now,
                )
                require_compliant(share.intent(self._public_base_url), settings)
                await uow.shares.add(share)
            if visitor is not None:
                await uow.shares.remember_visitor(ambassador.id, utc_day(now), visitor)
            await uow.commit()
        return CreatedShare(view=self._view(share), created=created)

    async def _visitor_hash(self, command: CreateShareCommand, now: datetime) -> str | None:
        if not command.client_ip:
            return None
        salts = await self._salts.salts(utc_day(now))
        return salts.visitor_hash(command.client_ip, command.user_agent or "")
