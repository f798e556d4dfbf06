"""The ambassador confirms a share as posted, or cancels it."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.community.recall_refusals import ContentRecalled
from app.domain.content.review_status import ContentStatus
from app.domain.roster.identity import Principal
from app.domain.sharing.shares import ShareStatus
from app.ports.unit_of_work import UnitOfWork
from app.services.sharing.share_access import ShareUseCase, ShareView, audience_on, own_share


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfirmShareCommand:
    share_id: UUID
    post_url: str | None = None
    expected_version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CancelShareCommand:
    share_id: UUID
    expected_version: int | None = None


class ConfirmShare(ShareUseCase):
    """The share's ambassador posted it (``share.posted``), optionally with the post's https
    address. Their audience on the network (their largest account's there) is kept as the share's
    potential reach, as it is at this moment. Confirming again changes nothing, or adds the address
    the first one lacked; a cancelled share cannot be confirmed (``invalid-transition``), nor an intent
    whose content was recalled since (``content-recalled``). Others' shares read as missing."""

    async def __call__(self, principal: Principal, command: ConfirmShareCommand) -> ShareView:
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            share = await own_share(uow, principal, command.share_id, now, for_update=True)
            share.require_version(command.expected_version)
            before = share.version
            if share.status is ShareStatus.INTENT:
                await _require_not_recalled(uow, share.content_id)
            audience = await audience_on(uow, share) if share.status is ShareStatus.INTENT else 0
            share.confirm(post_url=command.post_url, audience=audience, now=now)
            if share.version != before:
                await uow.shares.save(share)
                await uow.commit()
        return self._view(share)


async def _require_not_recalled(uow: UnitOfWork, content_id: UUID) -> None:
    """A recalled content's posts are being taken down: an intent opened before the recall is not posted now."""
    content = await uow.contents.get(content_id)
    if content is not None and content.status is ContentStatus.RECALLED:
        raise ContentRecalled()


class CancelShare(ShareUseCase):
    """The share's ambassador gives up an intent (``share.cancelled``); its tracked link then
    leads nowhere. Cancelling again changes nothing; a posted share cannot be cancelled."""

    async def __call__(self, principal: Principal, command: CancelShareCommand) -> ShareView:
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            share = await own_share(uow, principal, command.share_id, now, for_update=True)
            share.require_version(command.expected_version)
            before = share.version
            share.cancel(now=now)
            if share.version != before:
                await uow.shares.save(share)
                await uow.commit()
        return self._view(share)
