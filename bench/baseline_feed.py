"""The feed's baseline: a minimal Starlette + asyncpg app serving the same page with the same SQL.

It verifies the bearer token as Relais does (signature, issuer, audience, expiry) with joserfc
against the same key, unless BASELINE_VERIFY=0, then serves the reader's first page: the same
two statements, the same JSON. No ORM, no validation layer, no dependency injection.

    BASELINE_DSN=postgresql://... BASELINE_JWKS=path BASELINE_ISSUER=... uvicorn bench.baseline_feed:app
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg
from joserfc import jwt
from joserfc.jwk import KeySet
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.adapters.postgres.content.feed_sql import FIRST_PAGE, READER_CONTEXT


def ranges(tag: str) -> list[str]:
    parts = tag.split("-")
    return ["-".join(parts[:end]) for end in range(len(parts), 0, -1)]


def item(row: asyncpg.Record) -> dict[str, Any]:
    campaigns = json.loads(row["campaigns"]) if row["campaigns"] else []
    return {
        "id": str(row["id"]),
        "language": row["language"],
        "title": row["title"],
        "body": row["body"],
        "format": row["format"],
        "topics": list(row["topics"]),
        "objective": row["objective"],
        "link_url": row["link_url"],
        "media": json.loads(row["media"]),
        "shareable": row["shareable"],
        "pinned": row["pinned"],
        "important": row["important"],
        "published_at": row["live_from"].isoformat().replace("+00:00", "Z"),
        "expires_at": row["expire_at"].isoformat().replace("+00:00", "Z") if row["expire_at"] else None,
        "captions": json.loads(row["captions"]) if row["captions"] else {},
        "campaigns": [{"id": c[0], "name": c[1], "slug": c[2], "is_challenge": c[3]} for c in campaigns],
        "already_shared": False,
    }


def claims_of(request: Request) -> dict[str, Any]:
    token = request.headers.get("authorization", "").removeprefix("Bearer ")
    if os.environ.get("BASELINE_VERIFY", "1") == "0":
        payload = token.split(".")[1]
        return dict(json.loads(base64.urlsafe_b64decode(payload + "==")))
    decoded = jwt.decode(token, request.app.state.keys, algorithms=["ES256", "EdDSA", "RS256"])
    jwt.JWTClaimsRegistry(
        now=int(time.time()),
        iss={"essential": True, "value": os.environ["BASELINE_ISSUER"]},
        aud={"essential": True, "value": os.environ.get("BASELINE_AUDIENCE", "relais")},
        exp={"essential": True},
    ).validate(decoded.claims)
    return decoded.claims


async def feed(request: Request) -> Response:
    claims = claims_of(request)
    pool: asyncpg.Pool = request.app.state.pool
    tenant_id = UUID(claims["tenant_id"])
    reader = await pool.fetchrow(READER_CONTEXT, tenant_id, claims["sub"])
    if reader is None or reader["membership"] != "active":
        return JSONResponse({"detail": "not an ambassador"}, status_code=409)
    languages = [tag for language in [*reader["languages"], reader["language"]] if language for tag in ranges(language)]
    limit = int(request.query_params.get("limit", "20"))
    rows = await pool.fetch(
        FIRST_PAGE,
        tenant_id,
        datetime.now(UTC),
        reader["department"],
        reader["location"],
        ranges(reader["language"]) if reader["language"] else [],
        limit + 1,
        list(dict.fromkeys(languages)),
        sorted(reader["networks"]),
        reader["ambassador_id"],
    )
    items = [item(row) for row in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    cursor = None if last is None else f"{last['pinned']}|{last['important']}|{last['live_from']}|{last['id']}"
    return JSONResponse({"items": items, "next_cursor": cursor})


async def healthz(request: Request) -> Response:
    return Response("ok")


@asynccontextmanager
async def lifespan(application: Starlette) -> AsyncIterator[None]:
    async def keep(connection: asyncpg.Connection) -> None:
        """The same pool settings as Relais's: no reset statement on release."""

    application.state.pool = await asyncpg.create_pool(
        os.environ["BASELINE_DSN"], min_size=1, max_size=10, reset=keep, server_settings={"timezone": "UTC"}
    )
    if os.environ.get("BASELINE_VERIFY", "1") != "0":
        document = await asyncio.to_thread(Path(os.environ["BASELINE_JWKS"]).read_text)
        application.state.keys = KeySet.import_key_set(json.loads(document))
    yield
    await application.state.pool.close()


app = Starlette(routes=[Route("/v1/me/feed", feed), Route("/healthz", healthz)], lifespan=lifespan)
