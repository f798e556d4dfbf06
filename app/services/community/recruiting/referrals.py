"""Referrals: an ambassador invites a colleague, and is credited when the colleague joins."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.community.recruiting import Referral, check_referral
from app.domain.errors import NotFound
from app.domain.rewards.policy import utc_day
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.employees import Employee
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase
from app.services.roster.linking import require_caller, require_membership


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferralView:
    """A referral with the colleague it names (None if they are no longer on the roster)."""

    referral: Referral
    colleague: Employee | None

    @property
    def id(self) -> UUID:
        return self.referral.id


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferralMade:
    view: ReferralView
    created: bool


class ReferColleague(UseCase):
    """An active ambassador invites an active colleague who is not a member (an open invitation or a
    departure is none), at most ``REFERRALS_PER_DAY`` a UTC day (``referral-limit-reached``). The
    colleague gets the roster's normal invitation, once: an invitation already standing is left as it
    is, with no reminder, and joining stays their choice. Inviting the same colleague again answers the
    referral already made."""

    async def __call__(self, principal: Principal, employee_id: UUID) -> ReferralMade:
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            referrer = (await require_caller(uow, principal, now)).member
            existing = await uow.recruiting.find_referral(referrer.id, employee_id)
            if existing is not None:
                colleague = await uow.employees.get(employee_id)
                return ReferralMade(view=ReferralView(referral=existing, colleague=colleague), created=False)
            # Locking the colleague serialises this with their opt-in, another invitation or a termination.
            colleague = await uow.employees.get(employee_id, for_update=True)
            if colleague is None:
                raise NotFound("employee", employee_id)
            membership = await uow.ambassadors.get_by_employee(employee_id, for_update=True)
            made = await uow.recruiting.referrals_made_since(referrer.id, utc_day(now)[0])
            check_referral(referrer=referrer, colleague=colleague, membership=membership, made_today=made)
            if membership is None:
                membership = Ambassador.invite(
                    id=self._ids.new_id(), employee=colleague, invited_by=principal.subject, now=now
                )
                await uow.ambassadors.add(membership)
            elif membership.reinvite(invited_by=principal.subject, employee=colleague, now=now):
                await uow.ambassadors.save(membership)
            referral = Referral.make(
                id=self._ids.new_id(),
                tenant_id=referrer.tenant_id,
                referrer_id=referrer.id,
                employee_id=employee_id,
                now=now,
            )
            await uow.recruiting.add_referral(referral)
            await uow.commit()
        return ReferralMade(view=ReferralView(referral=referral, colleague=colleague), created=True)


class ListMyReferrals(UseCase):
    """The colleagues you invited, the latest first, each with where it stands: two statements a page."""

    async def __call__(self, principal: Principal, page: PageRequest) -> Page[ReferralView]:
        async with self._uow(principal.require_tenant()) as uow:
            member = await require_membership(uow, principal, self._clock.now(), for_update=False)
            found = await uow.recruiting.referrals_by(member.id, page.newest_first())
            colleagues = {e.id: e for e in await uow.employees.get_many([r.employee_id for r in found.items])}
        return found.with_items(
            [ReferralView(referral=r, colleague=colleagues.get(r.employee_id)) for r in found.items]
        )
