"""The exports over the in-memory database, for the use cases' unit tests: the same columns, order and
scope as the PostgreSQL adapter. The fake world keeps no rollups, so a share's figures (``figures``)
are its last engagement snapshot's counts and no clicks; the adapter's are its integration tests'."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from uuid import UUID

from app.adapters.postgres.events.delivery_queue import first_id_at
from app.adapters.postgres.metrics.exports_sql import (
    CONVERSION_COLUMNS,
    LEADERBOARD_COLUMNS,
    POINT_COLUMNS,
    SHARE_COLUMNS,
    SHARE_FIGURE_COLUMNS,
)
from app.domain.rewards.periods import Period as BoardPeriod
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.employees import Employee
from app.ports.metrics import (
    Cell,
    ConversionExportQuery,
    ExportTable,
    LeaderboardExportQuery,
    PointsExportQuery,
    Rows,
    ShareExportQuery,
    ShareTime,
)
from tests.fake_recognition import PROGRAMME, ROLLUP
from tests.fake_storage import FakeDatabase


async def _stream(rows: Iterable[Sequence[Cell]]) -> Rows:
    for row in rows:
        yield row


class FakeMetricExports:
    def __init__(self, database: FakeDatabase) -> None:
        self._db = database

    def _employee(self, tenant_id: UUID, ambassador_id: UUID) -> Employee:
        member = self._db.ambassadors[(tenant_id, ambassador_id)]
        return self._db.employees[(tenant_id, member.employee_id)]

    def _in(self, tenant_id: UUID, ambassador_id: UUID, department: str | None) -> bool:
        return department is None or self._employee(tenant_id, ambassador_id).profile.department == department

    def _name(self, tenant_id: UUID, ambassador_id: UUID) -> str:
        profile = self._employee(tenant_id, ambassador_id).profile
        return f"{profile.given_name} {profile.family_name}"

    def shares(self, tenant_id: UUID, query: ShareExportQuery) -> ExportTable:
        period = query.period
        rows = []
        for (tenant, _), share in sorted(self._db.shares.items(), key=lambda item: (item[1].created_at, item[1].id)):
            at = share.created_at if query.on is ShareTime.CREATED else share.posted_at
            if tenant != tenant_id or at is None or not period.start <= at < period.end:
                continue
            if not self._in(tenant_id, share.ambassador_id, query.department):
                continue
            content = self._db.contents[(tenant_id, share.content_id)]
            campaign = self._db.campaigns.get((tenant_id, share.campaign_id)) if share.campaign_id else None
            row: list[Cell] = [
                share.id,
                share.ambassador_id,
                self._name(tenant_id, share.ambassador_id),
                share.content_id,
                content.fields.title,
                share.campaign_id,
                campaign.fields.name if campaign else None,
                share.network.value,
                share.language,
                share.status.value,
                share.created_at,
                share.posted_at,
                share.post_url,
                None,
            ]
            if query.figures:
                row += [0] * len(SHARE_FIGURE_COLUMNS)
            rows.append(row)
        if query.on is ShareTime.POSTED:
            rows.sort(key=lambda row: (row[11], row[0]))
        columns = SHARE_COLUMNS + (SHARE_FIGURE_COLUMNS if query.figures else ())
        return ExportTable(columns=columns, rows=_stream(rows))

    def conversions(self, tenant_id: UUID, query: ConversionExportQuery) -> ExportTable:
        period = query.period
        rows: list[Sequence[Cell]] = []
        records = sorted(
            (r for (tenant, _), r in self._db.conversions.items() if tenant == tenant_id),
            key=lambda r: (r.conversion.occurred_at, r.id),
        )
        for record in records:
            conversion, attribution = record.conversion, record.attribution
            if not period.start <= conversion.occurred_at < period.end:
                continue
            invalidated = (tenant_id, record.id) in self._db.conversion_invalidations
            head: list[Cell] = [
                record.id,
                conversion.type.value,
                conversion.external_id,
                conversion.occurred_at,
                record.recorded_at,
                conversion.value_minor,
                conversion.currency,
                bool(attribution.credits),
                attribution.reason.value if attribution.reason else None,
                invalidated,
                attribution.model.value,
                record.window_days,
            ]
            kept = [c for c in attribution.credits if self._in(tenant_id, c.ambassador_id, query.department)]
            if query.department is None and not attribution.credits:
                rows.append([*head, None, None, None, None, None])
            for credit in sorted(kept, key=lambda c: c.share_id):
                weight = Decimal(credit.weight.numerator) / credit.weight.denominator
                origin = credit.share
                rows.append(
                    [
                        *head,
                        origin.share_id,
                        origin.ambassador_id,
                        origin.content_id,
                        origin.campaign_id,
                        round(weight, 4),
                    ]
                )
        return ExportTable(columns=CONVERSION_COLUMNS, rows=_stream(rows))

    def points(self, tenant_id: UUID, query: PointsExportQuery) -> ExportTable:
        low, high = first_id_at(query.period.start), first_id_at(query.period.end)
        entries = sorted(
            (e for (tenant, _), e in self._db.points_entries.items() if tenant == tenant_id and low <= e.id < high),
            key=lambda e: e.id,
        )
        rows = [
            (
                e.id,
                e.ambassador_id,
                self._name(tenant_id, e.ambassador_id),
                e.points,
                e.kind.value,
                e.status.value,
                e.rule,
                e.rule_set_version,
                e.reason,
                e.multiplier,
                e.cap_hit.value if e.cap_hit else None,
                e.share_id,
                e.campaign_id,
                e.conversion_id,
                e.reverses,
                e.actor,
                e.occurred_at,
                e.recorded_at,
                e.reviewed_at,
            )
            for e in entries
        ]
        return ExportTable(columns=POINT_COLUMNS, rows=_stream(rows))

    def leaderboard(self, tenant_id: UUID, query: LeaderboardExportQuery) -> ExportTable:
        settings = self._db.settings.get(tenant_id)
        start = BoardPeriod.holding(query.kind, query.at, settings.time_zone if settings else "UTC").start
        campaign = query.campaign_id or PROGRAMME
        board = []
        for key, points in self._db.recognition.items():
            if key[:5] != (ROLLUP, tenant_id, query.kind.value, start, campaign):
                continue
            member = self._db.ambassadors[(tenant_id, key[5])]
            employee = self._employee(tenant_id, member.id)
            if member.status is not MembershipStatus.ACTIVE or not member.preferences.leaderboard_visible:
                continue
            if query.department is not None and employee.profile.department != query.department:
                continue
            board.append((points, member.id, employee))
        board.sort(key=lambda row: (-row[0], row[1]))
        rows = []
        for position, (points, ambassador_id, employee) in enumerate(board):
            rank = next(i for i, other in enumerate(board, start=1) if other[0] == points)
            profile = employee.profile
            rows.append(
                (
                    rank,
                    ambassador_id,
                    profile.given_name,
                    profile.family_name,
                    profile.department,
                    profile.location,
                    points,
                    start,
                )
            )
            del position
        return ExportTable(columns=LEADERBOARD_COLUMNS, rows=_stream(rows))
