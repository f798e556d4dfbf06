"""/v1/reports/programme: the month's programme report, a page for the programme's leadership."""

from __future__ import annotations

from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.metrics.report_page import render
from app.api.rest.operations import OperationRoute, allowed
from app.services.metrics.programme_report import MONTH_PATTERN
from app.services.metrics.read_metrics import METRIC_READERS

router = APIRouter(prefix="/v1/reports", tags=["reports"], route_class=OperationRoute)

# The page needs nothing from anywhere: no script runs, nothing is fetched, styles are its own.
# Inline styles are allowed (the charts' SVG carries style attributes, which no hash can allow).
POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
HEADERS = {"Content-Security-Policy": POLICY, "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"}

PAGE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A self-contained HTML page (inline styles and SVG charts, no script, nothing fetched).",
        "content": {"text/html": {"schema": {"type": "string"}}},
        "headers": {
            "Content-Security-Policy": {
                "description": "Forbids every script and every resource from elsewhere.",
                "schema": {"type": "string"},
            }
        },
    }
}


@router.get(
    "/programme",
    dependencies=[allowed(METRIC_READERS)],
    summary="Read the monthly programme report",
    response_class=HTMLResponse,
    responses=PAGE,
)
async def read_programme_report(
    principal: PrincipalDep,
    services: ServicesDep,
    month: Annotated[
        str,
        Query(
            pattern=MONTH_PATTERN,
            description="The month, `YYYY-MM`, in the programme's time zone.",
            examples=["2026-03"],
        ),
    ],
) -> HTMLResponse:
    """Admins, managers and analysts: the month at a glance, against the month before; active
    ambassadors, potential reach, clicks and conversions over the twelve months up to it; earned media
    value against cost; the month's top ten contents and ambassadors by clicks. Ambassadors are named
    only when they chose to appear on boards (`leaderboard_visible`). A manager limited to their
    department reads their department's report."""
    report = await services.metrics.read_programme_report(principal, month)
    # Drawing is CPU work (a few hundred milliseconds): off the event loop, which keeps serving.
    page = await anyio.to_thread.run_sync(render, report)
    return HTMLResponse(page, headers=HEADERS)
