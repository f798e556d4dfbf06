"""Shared steps of the share tests: a programme with a charter, a member ready to share, content."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

import httpx

from tests.integration.conftest import Mint
from tests.integration.feed_helpers import Programme, ambassador, programme, publish

LINK = "https://acme.example/jobs"


@dataclass(frozen=True, slots=True)
class Sharing:
    setup: Programme
    member: dict[str, str]

    @property
    def tenant_id(self) -> UUID:
        return self.setup.tenant_id


async def sharing_programme(
    client: httpx.AsyncClient, mint: Mint, tenant_id: UUID, admin: dict[str, str], **changes: Any
) -> Sharing:
    """Settings allowing acme.example links, a charter the member accepted, LinkedIn and X connected."""
    setup = await programme(client, mint, tenant_id, admin)
    if changes:
        assert (await client.patch("/v1/settings", json=changes, headers=admin)).status_code == 200
    charter = {"title": "Charter", "body": "Be kind."}
    assert (await client.post("/v1/charter/versions", json=charter, headers=admin)).status_code == 201
    member = await member_who_accepted(client, mint, setup, "idp|ada", department="Sales")
    return Sharing(setup, member)


async def member_who_accepted(
    client: httpx.AsyncClient, mint: Mint, setup: Programme, subject: str, **employee: Any
) -> dict[str, str]:
    headers = await ambassador(client, mint, setup, subject, networks=("linkedin", "x"), **employee)
    current = (await client.get("/v1/charter", headers=headers)).json()["number"]
    accepted = await client.post("/v1/me/charter-acceptance", json={"charter_version": current}, headers=headers)
    assert accepted.status_code == 200, accepted.text
    return headers


async def published(client: httpx.AsyncClient, sharing: Sharing, **fields: Any) -> str:
    fields.setdefault("link_url", LINK)
    return await publish(client, sharing.setup, **fields)


async def create_share(
    client: httpx.AsyncClient, headers: dict[str, str], content_id: str, network: str = "linkedin", **body: Any
) -> httpx.Response:
    return await client.post("/v1/shares", json={"content_id": content_id, "network": network, **body}, headers=headers)


async def new_share(client: httpx.AsyncClient, sharing: Sharing, **fields: Any) -> dict[str, Any]:
    response = await create_share(client, sharing.member, await published(client, sharing, **fields))
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created
