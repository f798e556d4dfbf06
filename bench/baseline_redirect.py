"""The redirect's baseline: a minimal Starlette + asyncpg app doing the same work as Relais.

It finds the code's tenant by its link prefix in a map read at start-up, looks the link up and
inserts the click with the same single statement (a fixed salt instead of the daily one, every
request a click to judge against its network's uniqueness and daily cap), then answers 302 with
the click reference. The network is the address's /24, cut from its text: no address parsing, no
bot detection, no middleware, no domain objects, no problem documents.

    BASELINE_DSN=postgresql://... uvicorn bench.baseline_redirect:app
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

import asyncpg
import uuid6
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.adapters.postgres.sharing.redirect import FOLLOW_LINK

SALT = b"baseline-salt-of-sixteen-bytes!!"
DAILY_CAP = 5


def lowest_id(instant: datetime) -> UUID:
    """The lowest UUIDv7 of the instant's millisecond: the clicks' partitions are bounded by such ids."""
    return UUID(int=int(instant.timestamp() * 1000) << 80 | 0x7 << 76 | 1 << 63)


@functools.lru_cache(maxsize=4)
def id_bounds(today: date) -> tuple[UUID, UUID]:
    """The look-back's id bounds, the same all day (as Relais keeps them): a day and a minute before the
    day's start, and the next month's first id."""
    start = datetime.combine(today, time(), tzinfo=UTC)
    next_month = datetime(start.year + start.month // 12, start.month % 12 + 1, 1, tzinfo=UTC)
    return lowest_id(start - timedelta(hours=24, minutes=1)), lowest_id(next_month)


async def follow(request: Request) -> Response:
    now = datetime.now(UTC)
    address = request.client.host if request.client else ""
    agent = request.headers.get("user-agent", "")
    digest = hashlib.blake2b(f"{address}\0{agent}".encode(), key=SALT, digest_size=16).hexdigest()
    network = hashlib.blake2b(address.rpartition(".")[0].encode(), key=SALT, digest_size=16).hexdigest()
    click_id = uuid6.uuid7()
    today = now.date()
    code = request.path_params["code"]
    tenant_id = request.app.state.prefixes.get(code[:4])
    if tenant_id is None:
        return Response(status_code=404)
    row = await request.app.state.pool.fetchrow(
        FOLLOW_LINK,
        code,
        click_id,
        now,
        digest,
        [network],
        "counted",
        today,
        now - timedelta(hours=24),
        datetime.combine(today, time(), tzinfo=UTC),
        DAILY_CAP,
        tenant_id,
        *id_bounds(today),
    )
    if row is None:
        return Response(status_code=404)
    destination, _, fragment = row["destination"].partition("#")
    location = f"{destination}&{row['click_param']}={click_id}" + (f"#{fragment}" if fragment else "")
    return Response(status_code=302, headers={"Location": location, "Cache-Control": "no-store"})


async def healthz(request: Request) -> Response:
    return Response("ok")


@asynccontextmanager
async def lifespan(application: Starlette) -> AsyncIterator[None]:
    async def keep(connection: asyncpg.Connection) -> None:
        """The same pool settings as Relais's: no reset statement on release."""

    application.state.pool = await asyncpg.create_pool(
        os.environ["BASELINE_DSN"], min_size=1, max_size=10, reset=keep, server_settings={"timezone": "UTC"}
    )
    # Each tenant's link prefix, read once: the code's first four characters name its tenant.
    rows = await application.state.pool.fetch("SELECT link_prefix, id FROM tenants")
    application.state.prefixes = {row["link_prefix"]: row["id"] for row in rows}
    yield
    await application.state.pool.close()


app = Starlette(
    routes=[Route("/r/{code}", follow, methods=["GET", "HEAD"]), Route("/healthz", healthz)], lifespan=lifespan
)
