"""PostgreSQL repository of recruiting, scoped to the unit of work's tenant: waves and referrals over
SQLAlchemy Core, prospects and cohorts in hand-written SQL."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.community.recruiting.recruiting_sql import (
    COHORTS,
    PROSPECT_FACETS,
    PROSPECT_IDS,
    PROSPECT_PAGE,
)
from app.adapters.postgres.community.recruiting.tables import (
    InvitationWaveMemberRow,
    InvitationWaveRow,
    ReferralRow,
)
from app.adapters.postgres.repository import _Repository
from app.domain.community.recruiting import (
    ACTIVE_AFTER,
    ACTIVE_WINDOW,
    CohortMember,
    InvitationWave,
    Prospect,
    ProspectStanding,
    Referral,
    ReferralStatus,
    WaveMember,
    WaveOutcome,
)
from app.ports.community_recruiting import Facet, ProspectFacets, ProspectFilter
from app.ports.pagination import Page, PageRequest

waves: sa.Table = InvitationWaveRow.__table__  # type: ignore[attr-defined]
wave_members: sa.Table = InvitationWaveMemberRow.__table__  # type: ignore[attr-defined]
referrals: sa.Table = ReferralRow.__table__  # type: ignore[attr-defined]
_w, _m, _r = waves.c, wave_members.c, referrals.c


def _wave(row: Any, members: Sequence[WaveMember]) -> InvitationWave:
    return InvitationWave(
        id=row.id,
        tenant_id=row.tenant_id,
        name=row.name,
        note=row.note,
        department=row.department,
        location=row.location,
        created_by=row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
        members=tuple(members),
        version=row.version,
    )


def _member(row: Any) -> WaveMember:
    return WaveMember(employee_id=row.employee_id, ambassador_id=row.ambassador_id, outcome=WaveOutcome(row.outcome))


def referral_from_row(row: Any) -> Referral:
    return Referral(
        id=row.id,
        tenant_id=row.tenant_id,
        referrer_id=row.referrer_id,
        employee_id=row.employee_id,
        status=ReferralStatus(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
        closed_at=row.closed_at,
        version=row.version,
    )


class PostgresRecruitingRepository(_Repository):
    def _filter(self, criteria: ProspectFilter) -> dict[str, Any]:
        return {
            "tenant_id": self._tenant_id,
            "department": criteria.department,
            "location": criteria.location,
            "standing": None if criteria.standing is None else criteria.standing.value,
        }

    async def prospects(self, criteria: ProspectFilter, page: PageRequest) -> Page[Prospect]:
        params = self._filter(criteria) | {"after": page.after, "limit": page.limit + 1}
        rows = (await self._session.execute(sa.text(PROSPECT_PAGE), params)).all()
        items = [
            Prospect(
                employee_id=row.id,
                given_name=row.given_name,
                family_name=row.family_name,
                department=row.department,
                location=row.location,
                standing=ProspectStanding(row.standing),
                invited_at=row.invited_at,
            )
            for row in rows[: page.limit]
        ]
        more = len(rows) > page.limit
        return Page(items=items, next_after=items[-1].employee_id if more else None)

    async def prospect_facets(self, criteria: ProspectFilter) -> ProspectFacets:
        rows = (await self._session.execute(sa.text(PROSPECT_FACETS), self._filter(criteria))).all()
        total = next((row.prospects for row in rows if row.no_department and row.no_location), 0)
        departments = [Facet(value=row.department, count=row.prospects) for row in rows if not row.no_department]
        locations = [Facet(value=row.location, count=row.prospects) for row in rows if not row.no_location]
        return ProspectFacets(total=total, departments=_ordered(departments), locations=_ordered(locations))

    async def prospect_ids(self, criteria: ProspectFilter, limit: int) -> list[UUID]:
        params = self._filter(criteria) | {"limit": limit}
        return [row.id for row in (await self._session.execute(sa.text(PROSPECT_IDS), params)).all()]

    async def add_wave(self, wave: InvitationWave) -> None:
        self._require_own(wave.tenant_id)
        values = {
            "tenant_id": wave.tenant_id,
            "id": wave.id,
            "name": wave.name,
            "note": wave.note,
            "department": wave.department,
            "location": wave.location,
            "created_by": wave.created_by,
            "version": wave.version,
            "created_at": wave.created_at,
            "updated_at": wave.updated_at,
        }
        await self._write(sa.insert(waves).values(values), wave)
        members = [
            {
                "tenant_id": wave.tenant_id,
                "wave_id": wave.id,
                "employee_id": m.employee_id,
                "ambassador_id": m.ambassador_id,
                "outcome": m.outcome.value,
            }
            for m in wave.members
        ]
        if members:
            await self._write(sa.insert(wave_members).values(members))

    async def get_wave(self, wave_id: UUID) -> InvitationWave | None:
        row = (
            await self._session.execute(sa.select(waves).where(_w.tenant_id == self._tenant_id, _w.id == wave_id))
        ).first()
        if row is None:
            return None
        found = await self._members_of([wave_id])
        return _wave(row, found[wave_id])

    async def list_waves(self, page: PageRequest) -> Page[InvitationWave]:
        statement = sa.select(waves).where(_w.tenant_id == self._tenant_id)
        rows = await self._page(statement, _w.id, page, lambda row: row)
        found = await self._members_of([row.id for row in rows.items]) if rows.items else {}
        return Page(
            items=[_wave(row, found.get(row.id, [])) for row in rows.items],
            next_after=rows.next_after,
            next_key=rows.next_key,
        )

    async def _members_of(self, wave_ids: Sequence[UUID]) -> Mapping[UUID, list[WaveMember]]:
        statement = (
            sa.select(wave_members)
            .where(_m.tenant_id == self._tenant_id, _m.wave_id.in_(wave_ids))
            .order_by(_m.wave_id, _m.employee_id)
        )
        found: defaultdict[UUID, list[WaveMember]] = defaultdict(list)
        for row in (await self._session.execute(statement)).all():
            found[row.wave_id].append(_member(row))
        return found

    async def cohorts(self, wave_ids: Sequence[UUID]) -> Mapping[UUID, list[CohortMember]]:
        found: dict[UUID, list[CohortMember]] = {wave_id: [] for wave_id in wave_ids}
        if not wave_ids:
            return found
        params = {
            "tenant_id": self._tenant_id,
            "wave_ids": list(wave_ids),
            "active_after": ACTIVE_AFTER,
            "window": ACTIVE_WINDOW,
        }
        for row in (await self._session.execute(sa.text(COHORTS), params)).all():
            found[row.wave_id].append(
                CohortMember(
                    joined_at=row.joined_at,
                    left_at=row.left_at,
                    first_share_at=row.first_share_at,
                    shared_in_window=row.shared_in_window,
                )
            )
        return found

    async def add_referral(self, referral: Referral) -> None:
        self._require_own(referral.tenant_id)
        await self._write(sa.insert(referrals).values(_referral_values(referral)), referral)

    async def save_referral(self, referral: Referral) -> None:
        self._require_own(referral.tenant_id)
        statement = (
            sa.update(referrals)
            .where(_r.tenant_id == referral.tenant_id, _r.id == referral.id)
            .values(_referral_values(referral))
        )
        await self._write(statement, referral)

    async def find_referral(self, referrer_id: UUID, employee_id: UUID) -> Referral | None:
        statement = sa.select(referrals).where(
            _r.tenant_id == self._tenant_id, _r.referrer_id == referrer_id, _r.employee_id == employee_id
        )
        return await self._one(statement, referral_from_row)

    async def referrals_made_since(self, referrer_id: UUID, since: datetime) -> int:
        statement = sa.select(sa.func.count()).where(
            _r.tenant_id == self._tenant_id, _r.referrer_id == referrer_id, _r.created_at >= since
        )
        return int((await self._session.execute(statement)).scalar_one())

    async def referrals_of_colleague(self, employee_id: UUID, *, for_update: bool = False) -> list[Referral]:
        statement = (
            sa.select(referrals)
            .where(_r.tenant_id == self._tenant_id, _r.employee_id == employee_id)
            .order_by(_r.created_at, _r.id)
        )
        if for_update:
            statement = statement.with_for_update()
        return [referral_from_row(row) for row in (await self._session.execute(statement)).all()]

    async def referrals_by(self, referrer_id: UUID, page: PageRequest) -> Page[Referral]:
        statement = sa.select(referrals).where(_r.tenant_id == self._tenant_id, _r.referrer_id == referrer_id)
        return await self._page(statement, _r.id, page, referral_from_row)


def _referral_values(referral: Referral) -> dict[str, Any]:
    return {
        "tenant_id": referral.tenant_id,
        "id": referral.id,
        "referrer_id": referral.referrer_id,
        "employee_id": referral.employee_id,
        "status": referral.status.value,
        "version": referral.version,
        "created_at": referral.created_at,
        "updated_at": referral.updated_at,
        "closed_at": referral.closed_at,
    }


def _ordered(facets: list[Facet]) -> tuple[Facet, ...]:
    """Largest first, then by value (none last)."""
    return tuple(sorted(facets, key=lambda f: (-f.count, f.value is None, f.value or "")))
