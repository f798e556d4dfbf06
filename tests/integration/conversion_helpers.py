"""Shared steps of the conversion tests: a programme with a share, and its clicks written as the
redirect writes them (one row each, straight into ``clicks``)."""

from __future__ import annotations

import itertools
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.system import Uuid7Generator
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import create_employee, join_as_ambassador
from tests.integration.redirect_helpers import issued_code

_networks = itertools.cycle(["linkedin", "x", "facebook", "xing", "whatsapp"])


@dataclass(frozen=True, slots=True)
class Share:
    id: UUID
    code: str
    ambassador_id: UUID
    content_id: UUID
    campaign_id: UUID | None


@dataclass(frozen=True, slots=True)
class Programme:
    """A tenant with an integrator, an ambassador, a content and a campaign."""

    tenant_id: UUID
    admin: dict[str, str]
    integrator: dict[str, str]
    ambassador_id: UUID
    content_id: UUID
    campaign_id: UUID


async def programme(
    client: httpx.AsyncClient, mint: Mint, tenant_id: UUID, admin: dict[str, str], name: str = "Sam"
) -> Programme:
    employee = await create_employee(client, admin, given_name=name)
    member = await join_as_ambassador(client, mint, tenant_id, employee, subject=f"idp|{name.lower()}")
    me = (await client.get("/v1/me", headers=member)).json()
    content = await client.post(
        "/v1/contents",
        json={"title": "Nous recrutons", "body": "Rejoignez-nous.", "format": "job_offer"},
        headers=admin,
    )
    campaign = await client.post(
        "/v1/campaigns", json={"name": "Printemps", "slug": f"printemps-{uuid4().hex[:8]}"}, headers=admin
    )
    assert (content.status_code, campaign.status_code) == (201, 201), content.text + campaign.text
    return Programme(
        tenant_id=tenant_id,
        admin=admin,
        integrator=bearer(mint(tenant_id, "integrator", subject="crm-sync")),
        ambassador_id=UUID(me["ambassador"]["id"]),
        content_id=UUID(content.json()["id"]),
        campaign_id=UUID(campaign.json()["id"]),
    )


async def _insert(engine: AsyncEngine, table: str, row: dict[str, Any]) -> None:
    columns = ", ".join(row)
    values = ", ".join(f":{name}" for name in row)
    async with engine.begin() as connection:
        await connection.execute(sa.text(f"INSERT INTO {table} ({columns}) VALUES ({values})"), row)  # noqa: S608


async def insert_share(
    engine: AsyncEngine,
    programme: Programme,
    created_at: datetime,
    *,
    with_campaign: bool = True,
    posted_at: datetime | None = None,
) -> Share:
    """A posted share (by default when it was created) of the programme's content by its ambassador."""
    share = Share(
        id=uuid4(),
        code=await issued_code(engine, programme.tenant_id),
        ambassador_id=programme.ambassador_id,
        content_id=programme.content_id,
        campaign_id=programme.campaign_id if with_campaign else None,
    )
    row = {
        "tenant_id": programme.tenant_id,
        "id": share.id,
        "code": share.code,
        "ambassador_id": share.ambassador_id,
        "content_id": share.content_id,
        "campaign_id": share.campaign_id,
        "network": next(_networks),
        "language": "fr",
        "caption": "Nous recrutons",
        "status": "posted",
        "destination": "https://acme.example/jobs?utm_source=linkedin",
        "click_param": "rl_click",
        "created_at": created_at,
        "posted_at": posted_at or created_at,
        "version": 1,
    }
    await _insert(engine, "shares", row)
    return share


async def insert_click(
    engine: AsyncEngine,
    programme: Programme,
    share: Share,
    at: datetime,
    kind: str = "counted",
    *,
    is_self: bool = False,
) -> str:
    """A click row as the redirect writes it; returns its reference (its id as text)."""
    click_id = Uuid7Generator().new_id()  # made now, as the redirect makes it: in this month's partition
    row = {
        "tenant_id": programme.tenant_id,
        "id": click_id,
        "share_id": share.id,
        "clicked_at": at,
        "visitor_hash": secrets.token_hex(16),
        "network_hash": secrets.token_hex(16),
        "kind": kind,
        "is_unique": kind == "counted",
        "is_self": is_self,
    }
    await _insert(engine, "clicks", row)
    return str(click_id)


async def conversion_rows(engine: AsyncEngine) -> tuple[int, int]:
    """How many conversions and credits the database holds, all tenants together."""
    async with engine.connect() as connection:
        conversions = (await connection.execute(sa.text("SELECT count(*) FROM conversions"))).scalar_one()
        credits_ = (await connection.execute(sa.text("SELECT count(*) FROM conversion_credits"))).scalar_one()
    return conversions, credits_
