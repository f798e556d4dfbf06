"""The leaderboard's baseline: a minimal Starlette + asyncpg app serving the same page with the same
SQL. It verifies the bearer token as Relais does with joserfc (unless BASELINE_VERIFY=0), runs the
board's one statement and answers the same JSON. No ORM, no validation layer, no dependency injection.

    BASELINE_DSN=postgresql://... BASELINE_JWKS=path BASELINE_ISSUER=... uvicorn bench.baseline_leaderboard:app
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from uuid import UUID

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.adapters.postgres.rewards.leaderboard_sql import PAGE
from bench.baseline_feed import claims_of, healthz
from bench.baseline_feed import lifespan as feed_lifespan

PROGRAMME = UUID(int=0)


async def board(request: Request) -> Response:
    claims = claims_of(request)
    pool: asyncpg.Pool = request.app.state.pool
    period = request.query_params.get("period", "month")
    limit = int(request.query_params.get("limit", "20"))
    row = await pool.fetchrow(
        PAGE,
        UUID(claims["tenant_id"]),
        period,
        datetime.now(UTC),
        claims["sub"],
        PROGRAMME,
        "programme",
        None,
        None,
        limit + 1,
        None,
        None,
    )
    ids, points = row["ids"] or [], row["points"] or []
    items, rank, previous = [], 0, None
    for n in range(min(limit, len(ids))):
        if points[n] != previous:
            rank = n + 1
        previous = points[n]
        items.append(
            {
                "rank": rank,
                "ambassador_id": str(ids[n]),
                "given_name": row["given_names"][n],
                "family_name": row["family_names"][n],
                "points": points[n],
            }
        )
    me = None
    if row["me_id"] is not None:
        me = {
            "ambassador_id": str(row["me_id"]),
            "rank": row["me_above"] + 1,
            "points": row["me_points"],
            "visible": row["me_visible"],
        }
    return JSONResponse({"items": items, "me": me})


@asynccontextmanager
async def lifespan(application: Starlette) -> AsyncIterator[None]:
    async with feed_lifespan(application):
        yield


app = Starlette(routes=[Route("/v1/leaderboards", board), Route("/healthz", healthz)], lifespan=lifespan)
