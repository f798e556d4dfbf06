"""In-memory twin of recruiting's repository: prospects, waves with their cohorts' facts and referrals,
refusing what the tables' keys and constraints refuse."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import UUID

from app.domain.community.recruiting import (
    ACTIVE_AFTER,
    ACTIVE_WINDOW,
    CohortMember,
    InvitationWave,
    Prospect,
    ProspectStanding,
    Referral,
    ReferralStatus,
)
from app.domain.roster.ambassadors import Ambassador, MembershipStatus
from app.domain.roster.employees import Employee
from app.domain.sharing.shares import ShareStatus
from app.ports.community_recruiting import Facet, ProspectFacets, ProspectFilter
from app.ports.pagination import Page, PageRequest
from tests.fake_pages import keyset_page
from tests.fake_storage import IntegrityViolationError, _Repository


class FakeRecruitingRepository(_Repository):
    def _membership(self, employee_id: UUID) -> Ambassador | None:
        mine = (a for a in self._tx.ambassadors.rows() if a.tenant_id == self._tenant_id)
        return next((a for a in mine if a.employee_id == employee_id), None)

    def _standing(self, employee: Employee) -> ProspectStanding | None:
        member = self._membership(employee.id)
        if member is None:
            return ProspectStanding.NEVER_INVITED
        if member.status is MembershipStatus.INVITED:
            return ProspectStanding.INVITED
        if member.status is MembershipStatus.LEFT:
            return ProspectStanding.LEFT
        return None

    def _matching(self, criteria: ProspectFilter) -> list[Prospect]:
        found = []
        for employee in self._tx.employees.rows():
            standing = self._standing(employee) if employee.tenant_id == self._tenant_id else None
            profile = employee.profile
            if (
                standing is None
                or not employee.is_active
                or (criteria.department is not None and profile.department != criteria.department)
                or (criteria.location is not None and profile.location != criteria.location)
                or (criteria.standing is not None and standing is not criteria.standing)
            ):
                continue
            member = next(
                (
                    a
                    for a in self._tx.ambassadors.rows()
                    if a.tenant_id == self._tenant_id and a.employee_id == employee.id
                ),
                None,
            )
            found.append(
                Prospect(
                    employee_id=employee.id,
                    given_name=profile.given_name,
                    family_name=profile.family_name,
                    department=profile.department,
                    location=profile.location,
                    standing=standing,
                    invited_at=None if member is None else member.invited_at,
                )
            )
        return sorted(found, key=lambda p: p.employee_id)

    async def prospects(self, criteria: ProspectFilter, page: PageRequest) -> Page[Prospect]:
        return keyset_page(self._matching(criteria), page)

    async def prospect_facets(self, criteria: ProspectFilter) -> ProspectFacets:
        matching = self._matching(criteria)
        departments = Counter(p.department for p in matching)
        locations = Counter(p.location for p in matching)

        def ordered(counts: Counter[str | None]) -> tuple[Facet, ...]:
            facets = [Facet(value=value, count=count) for value, count in counts.items()]
            return tuple(sorted(facets, key=lambda f: (-f.count, f.value is None, f.value or "")))

        return ProspectFacets(total=len(matching), departments=ordered(departments), locations=ordered(locations))

    async def prospect_ids(self, criteria: ProspectFilter, limit: int) -> list[UUID]:
        return [p.employee_id for p in self._matching(criteria)][:limit]

    async def add_wave(self, wave: InvitationWave) -> None:
        self._require_own(wave.tenant_id)
        self._require_tenant_row(wave.tenant_id)
        for member in wave.members:
            if self._tx.employees.get((wave.tenant_id, member.employee_id)) is None:
                raise IntegrityViolationError(f"No employee {member.employee_id}.")
            if self._tx.ambassadors.get((wave.tenant_id, member.ambassador_id)) is None:
                raise IntegrityViolationError(f"No ambassador {member.ambassador_id}.")
        self._tx.recruiting.put(("wave", wave.tenant_id, wave.id), replace(wave, pending_events=[]))
        self._tracker.track(wave)

    async def get_wave(self, wave_id: UUID) -> InvitationWave | None:
        found = self._tx.recruiting.get(("wave", self._tenant_id, wave_id))
        return None if found is None else replace(found, pending_events=[])

    async def list_waves(self, page: PageRequest) -> Page[InvitationWave]:
        rows = [replace(w, pending_events=[]) for w in self._waves()]
        return keyset_page(rows, page)

    def _waves(self) -> list[InvitationWave]:
        return [
            w for w in self._tx.recruiting.rows() if isinstance(w, InvitationWave) and w.tenant_id == self._tenant_id
        ]

    async def cohorts(self, wave_ids: Sequence[UUID]) -> Mapping[UUID, list[CohortMember]]:
        found: dict[UUID, list[CohortMember]] = {wave_id: [] for wave_id in wave_ids}
        for wave in self._waves():
            if wave.id not in found:
                continue
            for member in wave.invited:
                ambassador = self._tx.ambassadors.get((self._tenant_id, member.ambassador_id))
                if ambassador is None:
                    continue
                consented = ambassador.consented_at
                joined = consented if consented is not None and consented >= wave.created_at else None
                found[wave.id].append(self._cohort_member(member.ambassador_id, joined, ambassador.left_at))
        return found

    def _cohort_member(self, ambassador_id: UUID, joined: datetime | None, left_at: datetime | None) -> CohortMember:
        if joined is None:
            return CohortMember(joined_at=None, left_at=left_at)
        posted = sorted(
            s.posted_at
            for s in self._tx.shares.rows()
            if s.tenant_id == self._tenant_id
            and s.ambassador_id == ambassador_id
            and s.status is ShareStatus.POSTED
            and s.posted_at is not None
            and s.posted_at >= joined
        )
        start, end = joined + ACTIVE_AFTER, joined + ACTIVE_AFTER + ACTIVE_WINDOW
        return CohortMember(
            joined_at=joined,
            left_at=left_at,
            first_share_at=posted[0] if posted else None,
            shared_in_window=any(start <= at < end for at in posted),
        )

    async def add_referral(self, referral: Referral) -> None:
        self._require_own(referral.tenant_id)
        self._check(referral)
        if await self.find_referral(referral.referrer_id, referral.employee_id) is not None:
            raise IntegrityViolationError("One referral per ambassador and colleague.")
        self._put(referral)

    async def save_referral(self, referral: Referral) -> None:
        self._require_own(referral.tenant_id)
        self._check(referral)
        self._put(referral)

    def _check(self, referral: Referral) -> None:
        if self._tx.ambassadors.get((referral.tenant_id, referral.referrer_id)) is None:
            raise IntegrityViolationError(f"No ambassador {referral.referrer_id}.")
        if self._tx.employees.get((referral.tenant_id, referral.employee_id)) is None:
            raise IntegrityViolationError(f"No employee {referral.employee_id}.")
        if (referral.status is ReferralStatus.PENDING) != (referral.closed_at is None):
            raise IntegrityViolationError("A referral is closed exactly when it is no longer pending.")
        credited = [
            r
            for r in self._referrals()
            if r.employee_id == referral.employee_id and r.status is ReferralStatus.CREDITED and r.id != referral.id
        ]
        if referral.status is ReferralStatus.CREDITED and credited:
            raise IntegrityViolationError("A colleague is credited to one referral, ever.")

    def _put(self, referral: Referral) -> None:
        self._tx.recruiting.put(("referral", referral.tenant_id, referral.id), replace(referral, pending_events=[]))
        self._tracker.track(referral)

    def _referrals(self) -> list[Referral]:
        return [r for r in self._tx.recruiting.rows() if isinstance(r, Referral) and r.tenant_id == self._tenant_id]

    async def find_referral(self, referrer_id: UUID, employee_id: UUID) -> Referral | None:
        found = [r for r in self._referrals() if r.referrer_id == referrer_id and r.employee_id == employee_id]
        return replace(found[0], pending_events=[]) if found else None

    async def referrals_made_since(self, referrer_id: UUID, since: datetime) -> int:
        return sum(1 for r in self._referrals() if r.referrer_id == referrer_id and r.created_at >= since)

    async def referrals_of_colleague(self, employee_id: UUID, *, for_update: bool = False) -> list[Referral]:
        found = [replace(r, pending_events=[]) for r in self._referrals() if r.employee_id == employee_id]
        return sorted(found, key=lambda r: (r.created_at, r.id))

    async def referrals_by(self, referrer_id: UUID, page: PageRequest) -> Page[Referral]:
        rows: list[Any] = [replace(r, pending_events=[]) for r in self._referrals() if r.referrer_id == referrer_id]
        return keyset_page(rows, page)
