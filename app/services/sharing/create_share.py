"""An ambassador starts sharing a content on a network: a share intent with its tracked link."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.networks import Network
from app.domain.roster.identity import Principal
from app.domain.sharing.policy import NewShare, SharePolicy, ShareRequest
from app.domain.sharing.rules import utc_day_bounds
from app.domain.sharing.shares import Share, require_caption_text, share_destination
from app.domain.sharing.tracked_links import ShareCode
from app.domain.sharing.visitors import utc_day
from app.ports.sharing import VisitorSaltStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.services.community.training.required import require_training
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
    """Refused, with nothing written, unless every rule of ``SharePolicy`` holds (the first one
    broken is reported); a caption given must first be some text without control characters. When the
    programme requires training, the caller must first have completed it (``training-required``).
    An open intent for the same content and network is answered again as it is (not created).
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
            request = await self._request(uow, principal, command, now)
            await require_training(uow, request.member.id, request.settings.required_training_modules)
            code = ShareCode.issue(await uow.shares.link_prefix())
            # The caption's compliance check grows with its length: off the event loop, as checking one is.
            decided = await asyncio.to_thread(SharePolicy.check, request, code.tracked_url(self._public_base_url))
            if isinstance(decided, NewShare):
                share = self._open(request, decided, code)
                await uow.shares.add(share)
            else:
                share = decided
            if visitor is not None:
                await uow.shares.remember_visitor(request.member.id, utc_day(now), visitor)
            await uow.commit()
        return CreatedShare(view=self._view(share), created=isinstance(decided, NewShare))

    def _open(self, request: ShareRequest, new: NewShare, code: ShareCode) -> Share:
        settings, campaign = request.settings, new.campaign
        return Share.open(
            id=self._ids.new_id(),
            tenant_id=request.member.tenant_id,
            code=code,
            ambassador_id=request.member.id,
            content_id=request.content_id,
            campaign_id=campaign.id if campaign else None,
            network=request.network,
            language=new.language,
            caption=new.caption,
            destination=share_destination(
                new.link_url,
                network=request.network,
                utm_medium=settings.utm_medium,
                campaign_slug=campaign.fields.slug if campaign else None,
                content_id=request.content_id,
                click_param=settings.click_param,
            ),
            click_param=settings.click_param,
            now=request.now,
        )

    async def _request(
        self, uow: UnitOfWork, principal: Principal, command: CreateShareCommand, now: datetime
    ) -> ShareRequest:
        """Everything the policy judges, read in the caller's transaction."""
        # Locked: one share at a time per member, so the daily limit and open intents hold.
        caller = await require_caller(uow, principal, now, for_update=True)
        member = caller.member
        start, end = utc_day_bounds(now)
        return ShareRequest(
            member=member,
            employee=caller.employee,
            network=command.network,
            caption=command.caption,
            content_id=command.content_id,
            content=await uow.contents.get(command.content_id),
            campaigns=(await uow.campaigns.campaigns_of([command.content_id])).get(command.content_id, []),
            charter_in_force=await uow.charter.current_number(),
            settings=await uow.settings.get(),
            connected=frozenset(account.network for account in await uow.social_accounts.list_for(member.id)),
            open_intent=await uow.shares.open_intent(member.id, command.content_id, command.network),
            started_today=await uow.shares.count_started(member.id, command.network, start, end),
            now=now,
        )

    async def _visitor_hash(self, command: CreateShareCommand, now: datetime) -> str | None:
        if not command.client_ip:
            return None
        salts = await self._salts.salts(utc_day(now))
        return salts.visitor_hash(command.client_ip, command.user_agent or "")
