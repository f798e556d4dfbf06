"""PostgreSQL repositories of conversions (with their credits) and of the touches their references
resolve to; every query is scoped to the unit of work's tenant."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSON, aggregate_order_by, insert
from sqlalchemy.exc import IntegrityError

from app.adapters.postgres.attribution.mappers import conversion_from_row, conversion_values, credit_values
from app.adapters.postgres.attribution.tables import ConversionCreditRow, ConversionRow
from app.adapters.postgres.errors import translate_integrity_error
from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.sharing.tables import ClickRow, ShareRow
from app.domain.attribution.conversion_records import ConversionRecord
from app.domain.attribution.conversions import ConversionKey
from app.domain.attribution.policy import ClickTouch, LinkTouch, ShareOrigin
from app.domain.sharing.tracked_links import ShareCode
from app.domain.sharing.visitors import ClickKind
from app.ports.attribution import ConversionFilter
from app.ports.pagination import Page, PageRequest

conversions: sa.Table = ConversionRow.__table__  # type: ignore[attr-defined]
conversion_credits: sa.Table = ConversionCreditRow.__table__  # type: ignore[attr-defined]
clicks: sa.Table = ClickRow.__table__  # type: ignore[attr-defined]
shares: sa.Table = ShareRow.__table__  # type: ignore[attr-defined]

CONVERSION_KEY = ("tenant_id", "type", "external_id")
CREDIT_COLUMNS = (
    "share_id",
    "ambassador_id",
    "content_id",
    "campaign_id",
    "weight_numerator",
    "weight_denominator",
)


def _credits_column() -> sa.Label[Any]:
    """Each conversion's credits as one JSON array, in share order, so a read is one statement."""
    cc = conversion_credits.c
    item = sa.func.json_build_object(*[part for name in CREDIT_COLUMNS for part in (name, cc[name])])
    aggregated = sa.func.json_agg(aggregate_order_by(item, cc.share_id))
    return (
        sa.select(sa.func.coalesce(aggregated, sa.text("'[]'::json"), type_=JSON))
        .where(cc.tenant_id == conversions.c.tenant_id, cc.conversion_id == conversions.c.id)
        .scalar_subquery()
        .label("credits")
    )


class PostgresConversionRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(conversions, _credits_column()).where(conversions.c.tenant_id == self._tenant_id)

    async def add(self, record: ConversionRecord) -> bool:
        """One statement: the conversion, and its credits in a data-modifying CTE that only inserts
        when the conversion was (``ON CONFLICT DO NOTHING`` waits for a concurrent report of the
        same key and then leaves it be)."""
        self._require_own(record.tenant_id)
        inserted = (
            insert(conversions)
            .values(conversion_values(record))
            .on_conflict_do_nothing(index_elements=list(CONVERSION_KEY))
            .returning(conversions.c.tenant_id, conversions.c.id)
        )
        statement: sa.Executable = inserted
        if record.credits:
            new = inserted.cte("new_conversion")
            given = sa.values(
                *[sa.column(name, conversion_credits.c[name].type) for name in CREDIT_COLUMNS], name="credit"
            ).data([tuple(credit_values(credit)[name] for name in CREDIT_COLUMNS) for credit in record.credits])
            # Cast: a column of NULLs (no credit with a campaign) would otherwise read as text.
            typed = [sa.cast(given.c[name], conversion_credits.c[name].type) for name in CREDIT_COLUMNS]
            rows = sa.select(new.c.tenant_id, new.c.id, *typed).select_from(new.join(given, sa.true()))
            statement = (
                sa.insert(conversion_credits)
                .from_select(["tenant_id", "conversion_id", *CREDIT_COLUMNS], rows)
                .returning(conversion_credits.c.conversion_id)
            )
        try:
            stored = (await self._session.execute(statement)).first() is not None
        except IntegrityError as error:
            translated = translate_integrity_error(error)
            if translated is None:
                raise
            raise translated from error
        if stored:
            self._tracker.track(record)
        return stored

    async def get(self, conversion_id: UUID) -> ConversionRecord | None:
        return await self._one(self._select().where(conversions.c.id == conversion_id), conversion_from_row)

    async def get_by_key(self, key: ConversionKey) -> ConversionRecord | None:
        c = conversions.c
        statement = self._select().where(c.type == key.type.value, c.external_id == key.external_id)
        return await self._one(statement, conversion_from_row)

    async def list(self, criteria: ConversionFilter, page: PageRequest) -> Page[ConversionRecord]:
        c = conversions.c
        statement = self._select()
        if criteria.type is not None:
            statement = statement.where(c.type == criteria.type.value)
        if criteria.attributed is not None:
            statement = statement.where(c.attributed.is_(criteria.attributed))
        if criteria.occurred_from is not None:
            statement = statement.where(c.occurred_at >= criteria.occurred_from)
        if criteria.occurred_to is not None:
            statement = statement.where(c.occurred_at < criteria.occurred_to)
        if criteria.campaign_id is not None or criteria.ambassador_id is not None:
            cc = conversion_credits.c
            credited = sa.exists().where(cc.tenant_id == c.tenant_id, cc.conversion_id == c.id)
            if criteria.campaign_id is not None:
                credited = credited.where(cc.campaign_id == criteria.campaign_id)
            if criteria.ambassador_id is not None:
                credited = credited.where(cc.ambassador_id == criteria.ambassador_id)
            statement = statement.where(credited)
        return await self._page(statement, c.id, page, conversion_from_row)


def _origin(row: Any) -> ShareOrigin:
    return ShareOrigin(
        share_id=row.share_id, ambassador_id=row.ambassador_id, content_id=row.content_id, campaign_id=row.campaign_id
    )


def _click_ids(references: Sequence[str]) -> dict[str, UUID]:
    """The references that can be click ids; any other text names no click, so it is never looked up."""
    found: dict[str, UUID] = {}
    for reference in references:
        try:
            found[reference] = UUID(reference)
        except ValueError:
            continue
    return found


class PostgresTouchRepository(_Repository):
    async def clicks(self, references: Sequence[str]) -> dict[str, ClickTouch]:
        wanted = _click_ids(references)
        if not wanted:
            return {}
        k, s = clicks.c, shares.c
        statement = (
            sa.select(
                k.id,
                k.clicked_at,
                k.kind,
                k.is_self,
                s.id.label("share_id"),
                s.ambassador_id,
                s.content_id,
                s.campaign_id,
            )
            .join_from(clicks, shares, sa.and_(s.tenant_id == k.tenant_id, s.id == k.share_id))
            .where(k.tenant_id == self._tenant_id, k.id.in_(set(wanted.values())))
        )
        rows = {row.id: row for row in (await self._session.execute(statement)).all()}
        return {
            reference: ClickTouch(
                click_id=row.id,
                share=_origin(row),
                clicked_at=row.clicked_at,
                # Only people's clicks earn credit (HEAD and prefetch requests earn no more than bots);
                # a click beyond its network's daily cap is not counted, but a person made it.
                is_bot=not ClickKind(row.kind).by_person,
                is_self=row.is_self,
            )
            for reference, click_id in wanted.items()
            if (row := rows.get(click_id)) is not None
        }

    async def link(self, code: str) -> LinkTouch | None:
        try:
            ShareCode.parse(code)
        except ValueError:
            return None
        s = shares.c
        statement = sa.select(
            s.id.label("share_id"), s.ambassador_id, s.content_id, s.campaign_id, s.created_at, s.posted_at
        ).where(s.tenant_id == self._tenant_id, s.code == code)
        row = (await self._session.execute(statement)).one_or_none()
        if row is None:
            return None
        return LinkTouch(share=_origin(row), created_at=row.created_at, posted_at=row.posted_at)
