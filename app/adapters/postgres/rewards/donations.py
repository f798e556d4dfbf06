"""PostgreSQL repositories of associations and the donations they receive; totals are one grouped read."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.rewards.catalogue_tables import associations, donations
from app.domain.rewards.donations import (
    Association,
    AssociationFields,
    AssociationStatus,
    Donation,
    DonationTotal,
)
from app.ports.pagination import Page, PageRequest

_a = associations.c
_g = donations.c


def association_values(association: Association) -> dict[str, Any]:
    return {
        "tenant_id": association.tenant_id,
        "id": association.id,
        "name": association.fields.name,
        "description": association.fields.description,
        "website": association.fields.website,
        "status": association.status.value,
        "version": association.version,
        "created_at": association.created_at,
        "updated_at": association.updated_at,
    }


def association_from_row(row: Any) -> Association:
    return Association(
        id=row.id,
        tenant_id=row.tenant_id,
        fields=AssociationFields(name=row.name, description=row.description, website=row.website),
        status=AssociationStatus(row.status),
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def donation_from_row(row: Any) -> Donation:
    return Donation(
        id=row.id,
        tenant_id=row.tenant_id,
        association_id=row.association_id,
        ambassador_id=row.ambassador_id,
        points=row.points,
        entry_id=row.entry_id,
        created_at=row.created_at,
    )


class PostgresAssociationRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(associations).where(_a.tenant_id == self._tenant_id)

    async def add(self, association: Association) -> None:
        self._require_own(association.tenant_id)
        await self._write(sa.insert(associations).values(association_values(association)), association)

    async def save(self, association: Association) -> None:
        self._require_own(association.tenant_id)
        values = {
            k: v for k, v in association_values(association).items() if k not in ("tenant_id", "id", "created_at")
        }
        statement = (
            sa.update(associations).where(_a.tenant_id == self._tenant_id, _a.id == association.id).values(values)
        )
        await self._write(statement, association)

    async def get(self, association_id: UUID, *, for_update: bool = False) -> Association | None:
        statement = self._select().where(_a.id == association_id)
        return await self._one(statement.with_for_update() if for_update else statement, association_from_row)

    async def list(self, status: AssociationStatus | None, page: PageRequest) -> Page[Association]:
        statement = self._select()
        if status is not None:
            statement = statement.where(_a.status == status.value)
        return await self._page(statement, _a.id, page, association_from_row)


class PostgresDonationRepository(_Repository):
    async def add(self, donation: Donation) -> None:
        self._require_own(donation.tenant_id)
        values = {
            "tenant_id": donation.tenant_id,
            "id": donation.id,
            "association_id": donation.association_id,
            "ambassador_id": donation.ambassador_id,
            "points": donation.points,
            "entry_id": donation.entry_id,
            "created_at": donation.created_at,
        }
        await self._write(sa.insert(donations).values(values), donation)

    async def totals(self) -> list[DonationTotal]:
        statement = (
            sa.select(
                _g.association_id,
                sa.func.sum(_g.points).label("points"),
                sa.func.count().label("donations"),
                sa.func.count(sa.distinct(_g.ambassador_id)).label("donors"),
            )
            .where(_g.tenant_id == self._tenant_id)
            .group_by(_g.association_id)
            .order_by(_g.association_id)
        )
        return [
            DonationTotal(
                association_id=row.association_id,
                points=int(row.points),
                donations=int(row.donations),
                donors=int(row.donors),
            )
            for row in (await self._session.execute(statement)).all()
        ]

    async def list(self, ambassador_id: UUID | None, page: PageRequest) -> Page[Donation]:
        statement = sa.select(donations).where(_g.tenant_id == self._tenant_id)
        if ambassador_id is not None:
            statement = statement.where(_g.ambassador_id == ambassador_id)
        return await self._page(statement, _g.id, page, donation_from_row)
