"""What the share use cases have in common: who reads which share, and the share as clients see it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.roster.identity import ROSTER_READERS, Principal, Role
from app.domain.sharing.shares import Share
from app.ports.sharing import ShareFiguresReader, ShareStats
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.services.base import UseCase
from app.services.roster.linking import require_membership

# Who reads every share of the tenant: staff and analysts, and integrators (who report engagement).
SHARE_READERS = ROSTER_READERS | {Role.INTEGRATOR}
SHARERS = frozenset({Role.AMBASSADOR})


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareView:
    """A share with its links: ``tracked_url`` to post, ``share_url`` to open the network's
    composer (None where the network has none) and ``copy_text`` to paste."""

    share: Share
    tracked_url: str
    share_url: str | None
    copy_text: str
    stats: ShareStats | None = None

    @property
    def id(self) -> UUID:
        return self.share.id


class ShareUseCase(UseCase):
    """A use case that answers with shares, so it knows the public address tracked links start with."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, public_base_url: str) -> None:
        super().__init__(uow, clock, ids)
        self._public_base_url = public_base_url

    def _view(self, share: Share, stats: ShareStats | None = None) -> ShareView:
        intent = share.intent(self._public_base_url)
        return ShareView(
            share=share, tracked_url=intent.link, share_url=intent.url, copy_text=intent.copy_text, stats=stats
        )


class ShareReadingUseCase(ShareUseCase):
    """A use case that answers with shares and their figures, read through the figures' own reader."""

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        clock: Clock,
        ids: IdGenerator,
        public_base_url: str,
        figures: ShareFiguresReader,
    ) -> None:
        super().__init__(uow, clock, ids, public_base_url)
        self._figures = figures

    async def _views(self, tenant_id: UUID, shares: Sequence[Share]) -> list[ShareView]:
        """The shares with their figures, read once the unit of work has let its connection go."""
        figures = await self._figures.figures(tenant_id, [share.id for share in shares])
        return [self._view(share, figures.get(share.id, ShareStats())) for share in shares]


async def caller_ambassador_id(uow: UnitOfWork, principal: Principal, now: datetime) -> UUID:
    """The caller's membership (whatever its status): shares are theirs through it."""
    return (await require_membership(uow, principal, now, for_update=False)).id


async def own_share(
    uow: UnitOfWork, principal: Principal, share_id: UUID, now: datetime, *, for_update: bool = False
) -> Share:
    """The caller's own share (ambassadors); anyone else's reads as missing."""
    principal.require_any(SHARERS)
    ambassador_id = await caller_ambassador_id(uow, principal, now)
    share = await uow.shares.get(share_id, for_update=for_update)
    if share is None or share.ambassador_id != ambassador_id:
        raise NotFound("share", share_id)
    return share


async def readable_share(
    uow: UnitOfWork, principal: Principal, share_id: UUID, now: datetime, *, for_update: bool = False
) -> Share:
    """Any share of the tenant for its readers; their own share for ambassadors."""
    if not principal.roles & SHARE_READERS:
        return await own_share(uow, principal, share_id, now, for_update=for_update)
    share = await uow.shares.get(share_id, for_update=for_update)
    if share is None:
        raise NotFound("share", share_id)
    return share


async def audience_on(uow: UnitOfWork, share: Share) -> int:
    """The share's ambassador's audience on its network: the largest among their accounts there (0 without
    one), as they last gave it."""
    accounts = await uow.social_accounts.list_for(share.ambassador_id)
    return max((account.audience_size for account in accounts if account.network is share.network), default=0)
