"""Reading shares: one with its figures, the tenant's (staff) and the caller's own."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.ports.sharing import ShareFilter
from app.services.sharing.share_access import (
    SHARE_READERS,
    SHARERS,
    ShareUseCase,
    ShareView,
    caller_ambassador_id,
    readable_share,
)


class GetShare(ShareUseCase):
    """A share with its counted and unique clicks (bots, HEAD, prefetches and the ambassador's own
    clicks excluded), its credited conversions by type and its latest engagement. Staff, analysts
    and integrators read any share of the tenant; an ambassador their own (others' read as missing)."""

    async def __call__(self, principal: Principal, share_id: UUID) -> ShareView:
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            share = await readable_share(uow, principal, share_id, now)
            stats = await uow.shares.stats([share.id])
        return self._view(share, stats.get(share.id))


class ListShares(ShareUseCase):
    """Every share of the tenant, oldest first, for staff, analysts and integrators; filtered by
    ambassador, content, campaign, network, status and creation period; each with its figures."""

    async def __call__(self, principal: Principal, criteria: ShareFilter, page: PageRequest) -> Page[ShareView]:
        principal.require_any(SHARE_READERS)
        _check_period(criteria)
        async with self._uow(principal.require_tenant()) as uow:
            found = await uow.shares.list(criteria, page)
            stats = await uow.shares.stats([share.id for share in found.items])
        return found.with_items([self._view(share, stats.get(share.id)) for share in found.items])


class ListMyShares(ShareUseCase):
    """The caller's own shares, oldest first, with the same filters (the ambassador's aside)."""

    async def __call__(self, principal: Principal, criteria: ShareFilter, page: PageRequest) -> Page[ShareView]:
        principal.require_any(SHARERS)
        _check_period(criteria)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            ambassador_id = await caller_ambassador_id(uow, principal, now)
            found = await uow.shares.list(replace(criteria, ambassador_id=ambassador_id), page)
            stats = await uow.shares.stats([share.id for share in found.items])
            await uow.commit()  # a first use may have linked the token to its employee
        return found.with_items([self._view(share, stats.get(share.id)) for share in found.items])


def _check_period(criteria: ShareFilter) -> None:
    start, end = criteria.created_from, criteria.created_to
    if start is not None and end is not None and end <= start:
        raise ValidationFailed(
            "The period is empty.", [FieldError(("query", "created_to"), "Must be after created_from.")]
        )
