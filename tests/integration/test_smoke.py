from __future__ import annotations

from uuid import UUID

import httpx

from tests.integration.conftest import Mint, bearer


async def test_admin_creates_employee_who_opts_in(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, mint: Mint
) -> None:
    created = await client.post(
        "/v1/employees",
        json={"email": "Ada@Acme.example", "given_name": "Ada", "family_name": "Lovelace", "department": "R&D"},
        headers=admin_a,
    )
    assert created.status_code == 201, created.text
    employee = created.json()
    invited = await client.post("/v1/ambassadors/invitations", json={"employee_id": employee["id"]}, headers=admin_a)
    assert invited.status_code == 201, invited.text
    assert invited.json()["status"] == "invited"
    ada = bearer(mint(tenant_a, "ambassador", email="ada@acme.example", subject="idp|ada"))
    joined = await client.post("/v1/me/opt-in", headers=ada)
    assert joined.status_code == 200, joined.text
    assert joined.json()["status"] == "active"
    me = await client.get("/v1/me", headers=ada)
    assert me.json()["employee"]["idp_subject"] == "idp|ada"
