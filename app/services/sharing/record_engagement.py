"""Engagement observed on a posted share, reported by an integrator or the share's ambassador."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.roster.identity import Principal, Role
from app.domain.sharing.engagement import EngagementSnapshot, EngagementSource, Reporter, engagement_recorded
from app.domain.sharing.refusals import ShareNotPosted
from app.domain.sharing.shares import Share, ShareStatus
from app.ports.unit_of_work import UnitOfWork
from app.services.sharing.share_access import ShareUseCase, audience_on, own_share

ENGAGEMENT_REPORTERS = frozenset({Role.INTEGRATOR})


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordEngagementCommand:
    share_id: UUID
    observed_at: datetime
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordedEngagement:
    """The snapshot stored, and the share's latest one (itself unless an earlier report was observed later)."""

    snapshot: EngagementSnapshot
    latest: EngagementSnapshot


class RecordEngagement(ShareUseCase):
    """Counts must be whole numbers from 0, observed no later than now; only posted shares have
    engagement (``share-not-posted``). Every snapshot is kept, marked with its source: the
    integration's (an integrator reports) or self-reported (the share's ambassador reports).

    - Reactions, comments and reshares are each at most the impressions (an integration may
      leave impressions at 0 when its network gives none).
    - An ambassador reports at most ``SELF_REPORTED_REACH`` times their audience on the share's
      network in impressions (never less than ``SELF_REPORTED_FLOOR``).
    - The share's current engagement is the integration's snapshot observed last; while there is
      none, the ambassador's observed last. A snapshot observed before it does not replace it.
    - Each snapshot stored records ``share.engagement_recorded`` with the share's current totals,
      from which the worker awards engagement milestones.
    """

    async def __call__(self, principal: Principal, command: RecordEngagementCommand) -> RecordedEngagement:
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            share = await _reported_share(uow, principal, command.share_id, now)
            if share.status is not ShareStatus.POSTED:
                raise ShareNotPosted(share.status.value)
            snapshot = EngagementSnapshot.record(
                id=self._ids.new_id(),
                tenant_id=share.tenant_id,
                share_id=share.id,
                observed_at=command.observed_at,
                counts=command.counts,
                reporter=await _reporter(uow, principal, share),
                now=now,
            )
            previous = await uow.shares.latest_engagement(share.id)
            latest = snapshot if snapshot.supersedes(previous) else previous or snapshot
            await uow.shares.add_engagement(snapshot)
            await uow.outbox.append([engagement_recorded(share, snapshot, latest)])
            await uow.commit()
        return RecordedEngagement(snapshot=snapshot, latest=latest)


async def _reporter(uow: UnitOfWork, principal: Principal, share: Share) -> Reporter:
    """An integrator reports for the integration; anyone else got here as the share's ambassador,
    whose audience on the network bounds what they may report."""
    if principal.roles & ENGAGEMENT_REPORTERS:
        return Reporter(subject=principal.subject, source=EngagementSource.INTEGRATION, network=share.network)
    audience = await audience_on(uow, share)
    return Reporter(
        subject=principal.subject, source=EngagementSource.SELF_REPORTED, network=share.network, audience=audience
    )


async def _reported_share(uow: UnitOfWork, principal: Principal, share_id: UUID, now: datetime) -> Share:
    if principal.roles & ENGAGEMENT_REPORTERS:
        share = await uow.shares.get(share_id, for_update=True)
        if share is None:
            raise NotFound("share", share_id)
        return share
    return await own_share(uow, principal, share_id, now, for_update=True)
