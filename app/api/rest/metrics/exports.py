"""/v1/exports: the programme's rows as CSV files, streamed as they are read.

Each answer is ``text/csv; charset=utf-8`` with a file name; the status and headers are sent once the
database has answered the first rows, so a refused or failed read is still a problem document. A read
that fails later ends the transfer without its last chunk: a client sees an incomplete download,
never a short file that looks whole.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any
from uuid import UUID

import anyio
from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from app.api import problem_types as problem
from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.guards import HEAD_ONLY
from app.api.rest.instants import Day
from app.api.rest.metrics.csv_tables import Separator, csv_chunks
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Grouping
from app.domain.rewards.periods import PeriodKind
from app.ports.metrics import ShareTime
from app.services.metrics.exports import (
    EXPORTERS,
    LEDGER_READERS,
    Export,
    LeaderboardExportRequest,
    PeriodRequest,
    ShareExportRequest,
)
from app.services.metrics.read_metrics import MetricsRequest

CSV = "text/csv"
router = APIRouter(prefix="/v1/exports", tags=["exports"], route_class=OperationRoute)


class CsvResponse(StreamingResponse):
    """A CSV stream whose chunks are closed (and the database connection given back) however the
    answer ends: read to the end, cut short by the client, or cancelled."""

    media_type = CSV

    def __init__(self, chunks: AsyncIterator[bytes], first: bytes, filename: str) -> None:
        self._chunks = chunks
        self._head_only = False
        super().__init__(_after(first, chunks), headers={"Content-Disposition": f'attachment; filename="{filename}"'})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self._head_only = bool(scope.get(HEAD_ONLY))
        await super().__call__(scope, receive, send)

    async def stream_response(self, send: Send) -> None:
        try:
            if self._head_only:  # the headers alone: no more rows are read for a body never sent
                await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
                await send({"type": "http.response.body", "body": b"", "more_body": False})
            else:
                await super().stream_response(send)
        finally:
            with anyio.CancelScope(shield=True):
                await self._chunks.aclose()  # type: ignore[attr-defined]


async def _after(first: bytes, rest: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    yield first
    async for chunk in rest:
        yield chunk


async def csv_answer(export: Export, file_format: CsvFormat) -> CsvResponse:
    """The export as a streamed answer, once its first chunk is read (errors before it are problems)."""
    chunks = csv_chunks(export.table, separator=file_format.separator, bom=file_format.bom)
    first = await anext(chunks)
    return CsvResponse(chunks, first, f"{export.name}.csv")


FILE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The CSV file (RFC 4180, UTF-8, CRLF line ends): a header line, then one line per row. "
        "Text cells a spreadsheet would run as a formula start with a single quote.",
        "content": {CSV: {"schema": {"type": "string"}}},
        "headers": {
            "Content-Disposition": {
                "description": "`attachment` with the file's name, e.g. `shares-2026-03-01-2026-03-31.csv`.",
                "schema": {"type": "string"},
            }
        },
    }
}

SeparatorQuery = Annotated[
    Separator,
    Query(
        description="`comma` (RFC 4180), or `semicolon` for spreadsheets set to French and most of continental "
        "Europe: decimals are then written with a comma (`0,25`)."
    ),
]
BomQuery = Annotated[
    bool, Query(description="Start the file with a UTF-8 byte-order mark, as Excel needs to read accents.")
]
FromQuery = Annotated[
    Day | None, Query(alias="from", description="The period's first local day (the month's first by default).")
]
ToQuery = Annotated[
    Day | None, Query(alias="to", description="The period's last local day, included (today by default).")
]
TzQuery = Annotated[
    str | None,
    Query(alias="tz", max_length=64, description="The IANA time zone the days are in (the programme's by default)."),
]


@dataclass(frozen=True, slots=True)
class CsvFormat:
    """How every export is written: its separator, and whether it starts with a byte-order mark."""

    separator: SeparatorQuery = Separator.COMMA
    bom: BomQuery = False


@dataclass(frozen=True, slots=True)
class PeriodQuery:
    """The local days an export covers, as a metrics read takes them."""

    first_day: FromQuery = None
    last_day: ToQuery = None
    time_zone: TzQuery = None

    def request(self) -> PeriodRequest:
        return PeriodRequest(first_day=self.first_day, last_day=self.last_day, time_zone=self.time_zone)


CsvFormatDep = Annotated[CsvFormat, Depends()]
PeriodDep = Annotated[PeriodQuery, Depends()]


@router.get(
    "/metrics.csv",
    dependencies=[allowed(EXPORTERS)],
    summary="Export metrics",
    response_class=CsvResponse,
    status_code=200,
    responses=FILE,
)
async def export_metrics(
    principal: PrincipalDep,
    services: ServicesDep,
    period: PeriodDep,
    file_format: CsvFormatDep,
    kpi: Annotated[
        list[Kpi] | None, Query(description="The KPIs, one column each, repeated (those of a metrics read by default).")
    ] = None,
    group_by: Annotated[Grouping | None, Query(description="One line per group (one line in all by default).")] = None,
) -> CsvResponse:
    """The metrics read as `ReadMetrics` reads them (same parameters, roles and department scope): a
    `key` and `label` column then one column per KPI; one line per group, then a `total` line. Money
    is in minor units of the programme's currency, ratios and credits have four decimals."""
    request = MetricsRequest(
        first_day=period.first_day,
        last_day=period.last_day,
        kpis=tuple(one.value for one in kpi or ()),
        group_by=group_by.value if group_by else None,
        time_zone=period.time_zone,
    )
    return await csv_answer(await services.metrics.export_metrics(principal, request), file_format)


@router.get(
    "/shares.csv",
    dependencies=[allowed(EXPORTERS)],
    summary="Export shares",
    response_class=CsvResponse,
    status_code=200,
    responses=FILE,
)
async def export_shares(
    principal: PrincipalDep,
    services: ServicesDep,
    period: PeriodDep,
    file_format: CsvFormatDep,
    on: Annotated[
        ShareTime, Query(description="Whether the period holds the shares `created` or `posted` in it.")
    ] = ShareTime.CREATED,
    figures: Annotated[
        bool,
        Query(
            description="Add each share's impressions, reactions, comments, reshares, clicks and unique visitors "
            "to date."
        ),
    ] = False,
) -> CsvResponse:
    """Admins, managers and analysts: the shares created (or posted) in the period, oldest first."""
    days = period.request()
    request = ShareExportRequest(
        first_day=days.first_day, last_day=days.last_day, time_zone=days.time_zone, on=on, figures=figures
    )
    return await csv_answer(await services.metrics.export_shares(principal, request), file_format)


@router.get(
    "/conversions.csv",
    dependencies=[allowed(EXPORTERS)],
    summary="Export conversions",
    response_class=CsvResponse,
    status_code=200,
    responses=FILE,
)
async def export_conversions(
    principal: PrincipalDep,
    services: ServicesDep,
    period: PeriodDep,
    file_format: CsvFormatDep,
) -> CsvResponse:
    """Admins, managers and analysts: the conversions that occurred in the period, one line per share
    credited with its fraction of the credit (`credit`), one line without a share when none is."""
    return await csv_answer(await services.metrics.export_conversions(principal, period.request()), file_format)


@router.get(
    "/points.csv",
    dependencies=[allowed(LEDGER_READERS)],
    summary="Export the points ledger",
    response_class=CsvResponse,
    status_code=200,
    responses=FILE,
)
async def export_points(
    principal: PrincipalDep,
    services: ServicesDep,
    period: PeriodDep,
    file_format: CsvFormatDep,
) -> CsvResponse:
    """Admins and analysts: every ledger entry recorded in the period, in the order it was recorded.
    Points taken away (reversals, redemptions, donations) are negative numbers."""
    return await csv_answer(await services.metrics.export_points(principal, period.request()), file_format)


@router.get(
    "/leaderboard.csv",
    dependencies=[allowed(EXPORTERS)],
    summary="Export a leaderboard",
    response_class=CsvResponse,
    status_code=200,
    responses={**FILE, **problems(problem.NOT_FOUND)},
)
async def export_leaderboard(
    principal: PrincipalDep,
    services: ServicesDep,
    file_format: CsvFormatDep,
    period: Annotated[
        PeriodKind,
        Query(
            description="`week`, `month`, `quarter` (the current one, in the programme's time zone), `all_time`, or "
            "`campaign` (the campaign's own period)."
        ),
    ] = PeriodKind.MONTH,
    campaign_id: Annotated[UUID | None, Query(description="The campaign, for `period=campaign`.")] = None,
) -> CsvResponse:
    """Admins, managers and analysts: the whole board, ranked as `GET /v1/leaderboards` ranks it (ties
    share a rank: 1, 1, 3), members who chose to appear only."""
    request = LeaderboardExportRequest(period=period, campaign_id=campaign_id)
    return await csv_answer(await services.metrics.export_leaderboard(principal, request), file_format)
