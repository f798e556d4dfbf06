"""The worker's handler of referrals: a referred colleague who joins credits the referral made first,
and its ambassador earns the ``colleague_joined`` points, once per colleague."""

from __future__ import annotations

from uuid import UUID

from app.domain.community.recruiting import ReferralStatus, settle
from app.domain.events import EventType, RecordedEvent
from app.domain.rewards.policy import Occurrence
from app.domain.rewards.rules import RuleKind
from app.domain.roster.ambassadors import MembershipStatus
from app.ports.unit_of_work import UnitOfWork
from app.services.events.handlers import OncePerEvent
from app.services.rewards.judging import judge


class CreditReferrals(OncePerEvent):
    """On ``ambassador.joined``: the colleague's pending referrals made before they joined are settled,
    the earliest credited (unless one was credited before: a colleague counts once, ever) and the others
    passed over. The credited ambassador is awarded under the rules in force when the colleague joined,
    unless they left the programme since."""

    name = "referral-credits"
    event_types = frozenset({EventType.AMBASSADOR_JOINED.value})

    async def apply(self, uow: UnitOfWork, event: RecordedEvent) -> None:
        employee_id = UUID(event.data["employee_id"])
        found = await uow.recruiting.referrals_of_colleague(employee_id, for_update=True)
        before = [r for r in found if r.created_at <= event.occurred_at]
        pending = [r for r in before if r.status is ReferralStatus.PENDING]
        if not pending:
            return
        credited = settle(before, event.occurred_at)
        for referral in pending:
            await uow.recruiting.save_referral(referral)
        if credited is None:
            return
        referrer = await uow.ambassadors.get(credited.referrer_id)
        if referrer is None or referrer.status is MembershipStatus.LEFT:
            return
        occurrence = Occurrence(
            kind=RuleKind.COLLEAGUE_JOINED,
            source_event_id=event.id,
            source_event_type=event.type,
            ambassador_id=referrer.id,
            occurred_at=event.occurred_at,
        )
        await judge(uow, event.tenant_id, [occurrence], ids=self._ids, now=self._clock.now())
