"""Integrations through HTTP on PostgreSQL: credentials shown once and kept sealed, rotation with an
overlap, revocation at once, and another organisation's integration out of reach."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.helpers import assert_problem, nothing_written
from tests.integration.integration_helpers import deliver, event, register_hris

ADA = {"external_id": "HR-1", "email": "ada@acme.example", "given_name": "Ada", "family_name": "Lovelace"}


def hire(number: int) -> dict[str, Any]:
    return event(
        "hired",
        "2026-03-02T08:00:00Z",
        external_id=f"HR-{number}",
        email=f"person{number}@acme.example",
        given_name="Person",
        family_name=str(number),
    )


async def test_each_kind_gets_its_credential_once(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    hris = await register_hris(client, admin_a)
    scim = (await client.post("/v1/integrations", json={"kind": "scim", "name": "Entra"}, headers=admin_a)).json()
    files = (await client.post("/v1/integrations", json={"kind": "file", "name": "Nightly"}, headers=admin_a)).json()

    assert hris["credential"].startswith("whsec_")
    assert len(scim["credential"]) >= 40
    assert files["credential"] is None
    assert hris["key"] == "external_id"
    assert "email" in hris["owned_fields"]
    read = await client.get(f"/v1/integrations/{hris['id']}", headers=admin_a)
    assert read.status_code == 200
    assert "credential" not in read.json()
    assert hris["credential"] not in read.text
    listed = (await client.get("/v1/integrations", headers=admin_a)).json()
    assert [item["kind"] for item in listed["items"]] == ["hris_webhook", "scim", "file"]
    assert hris["credential"] not in str(listed)


async def test_secrets_are_never_stored_in_clear(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    hris = await register_hris(client, admin_a)
    scim = (await client.post("/v1/integrations", json={"kind": "scim", "name": "Entra"}, headers=admin_a)).json()

    async with engine.connect() as connection:
        rows = (await connection.execute(sa.text("SELECT * FROM integration_credentials"))).mappings().all()
    stored = " ".join(str(dict(row)) for row in rows)
    webhook_secret = hris["credential"].removeprefix("whsec_")
    assert webhook_secret not in stored
    assert scim["credential"] not in stored
    assert all(row["sealed_secret"] is None or row["sealed_secret"].startswith("gAAAA") for row in rows)


async def test_during_a_rotation_both_secrets_work_and_after_a_revocation_none(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    hris = await register_hris(client, admin_a)
    old = hris["credential"]

    rotated = await client.post(
        f"/v1/integrations/{hris['id']}/rotate", json={"overlap_seconds": 3600}, headers=admin_a
    )

    assert rotated.status_code == 200, rotated.text
    new = rotated.json()["credential"]
    assert new.startswith("whsec_")
    assert new != old
    [fresh, ending] = rotated.json()["credentials"]
    assert (fresh["expires_at"], ending["expires_at"] is not None) == (None, True)
    assert (await deliver(client, hris, hire(1), secret=old)).json()["outcome"] == "applied"
    assert (await deliver(client, hris, hire(2), secret=new)).json()["outcome"] == "applied"

    revoked = await client.post(f"/v1/integrations/{hris['id']}/revoke", headers=admin_a)

    assert revoked.status_code == 200, revoked.text
    async with nothing_written(engine):
        for secret in (old, new):
            assert_problem(await deliver(client, hris, hire(3), secret=secret), 401, "unverified-delivery")


async def test_a_rotation_without_overlap_ends_the_old_secret_at_once(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    hris = await register_hris(client, admin_a)

    rotated = await client.post(f"/v1/integrations/{hris['id']}/rotate", json={"overlap_seconds": 0}, headers=admin_a)

    assert_problem(await deliver(client, hris, hire(1)), 401, "unverified-delivery")
    assert (await deliver(client, hris, hire(1), secret=rotated.json()["credential"])).status_code == 200


async def test_another_organisation_can_neither_read_nor_post_to_an_integration(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str], engine: AsyncEngine
) -> None:
    theirs = await register_hris(client, admin_a)
    ours = await register_hris(client, admin_b)
    url = f"/v1/integrations/{theirs['id']}"

    for response in (
        await client.get(url, headers=admin_b),
        await client.get(f"{url}/deliveries", headers=admin_b),
        await client.patch(url, json={"name": "Mine"}, headers=admin_b),
        await client.post(f"{url}/rotate", headers=admin_b),
        await client.post(f"{url}/revoke", headers=admin_b),
    ):
        assert_problem(response, 404, "not-found")
    assert [item["id"] for item in (await client.get("/v1/integrations", headers=admin_b)).json()["items"]] == [
        ours["id"]
    ]
    async with nothing_written(engine):
        signed_by_us = await deliver(client, theirs, hire(1), secret=ours["credential"])
        assert_problem(signed_by_us, 401, "unverified-delivery")


async def test_only_admins_manage_integrations(
    client: httpx.AsyncClient, mint: Any, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    integrator = {"Authorization": f"Bearer {mint(tenant_a, 'integrator')}"}

    refused = await client.post("/v1/integrations", json={"kind": "file", "name": "Nightly"}, headers=integrator)

    assert_problem(refused, 403, "forbidden")


async def test_a_stale_if_match_is_refused(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    hris = await register_hris(client, admin_a)
    await client.patch(f"/v1/integrations/{hris['id']}", json={"name": "Workday EU"}, headers=admin_a)

    stale = await client.patch(
        f"/v1/integrations/{hris['id']}", json={"name": "Workday US"}, headers=admin_a | {"If-Match": '"v1"'}
    )

    assert_problem(stale, 412, "precondition-failed")
