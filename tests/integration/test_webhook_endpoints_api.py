"""Webhook endpoints over REST on PostgreSQL: the secret shown once and kept sealed, internal addresses
refused with nothing written, changes under If-Match, rotation with an overlap, pings, replays, and
another organisation's endpoints out of reach."""

from __future__ import annotations

import socket
from uuid import UUID, uuid4

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine
from standardwebhooks.webhooks import Webhook

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, error_locations, etag_version, nothing_written
from tests.integration.webhook_helpers import register

HOOK = "http://localhost:9/hooks"
BASE = "/v1/webhook-endpoints"


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hooks",
        "https://127.8.9.10:8443/hooks",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.7/hooks",
        "https://192.168.1.20/hooks",
        "https://[::1]/hooks",
        "https://[::ffff:127.0.0.1]/hooks",
        "https://[fd00:ec2::254]/hooks",
        "https://100.64.0.1/hooks",
        "https://0.0.0.0/hooks",
        "http://crm.example.com/hooks",
        "https://user:password@crm.example.com/hooks",
        "ftp://crm.example.com/hooks",
        "https:///hooks",
    ],
)
async def test_an_internal_or_plain_http_url_is_refused_and_nothing_is_written(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, url: str
) -> None:
    async with nothing_written(engine):
        response = await client.post(BASE, json={"url": url, "event_types": ["*"]}, headers=admin_a)
    problem = assert_problem(response, 422, "webhook-url-refused")
    assert error_locations(problem) == [["body", "url"]]


async def test_a_name_that_resolves_to_a_loopback_address_is_refused_unless_allow_listed(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    # localhost is allow-listed in these tests; the machine's own name resolves to one of its addresses.
    async with nothing_written(engine):
        refused = await client.post(
            BASE, json={"url": f"https://{socket.gethostname()}:8443/hooks", "event_types": ["*"]}, headers=admin_a
        )
        unknown = await client.post(
            BASE, json={"url": "https://no-such-host.invalid/hooks", "event_types": ["*"]}, headers=admin_a
        )
    assert_problem(refused, 422, "webhook-url-refused")
    assert "no address" in assert_problem(unknown, 422, "webhook-url-refused")["errors"][0]["message"]
    assert (await client.post(BASE, json={"url": HOOK, "event_types": ["*"]}, headers=admin_a)).status_code == 201


async def test_unknown_event_types_are_refused(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    body = {"url": HOOK, "event_types": ["share.posted", "share.exploded", "nothing.*", "click.recorded"]}
    problem = assert_problem(await client.post(BASE, json=body, headers=admin_a), 422, "validation-failed")
    assert error_locations(problem) == [["body", "event_types", i] for i in (1, 2, 3)]
    assert_problem(await client.post(BASE, json={"url": HOOK, "event_types": []}, headers=admin_a), 422)


async def test_the_secret_is_shown_once_and_kept_sealed(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    created = await client.post(
        BASE, json={"url": HOOK, "event_types": ["share.*", "points.awarded"], "description": "CRM"}, headers=admin_a
    )
    assert created.status_code == 201
    endpoint = created.json()
    assert endpoint["secret"].startswith("whsec_")
    assert created.headers["Location"] == f"{BASE}/{endpoint['id']}"
    assert (endpoint["event_types"], endpoint["enabled"], endpoint["description"]) == (
        ["share.*", "points.awarded"],
        True,
        "CRM",
    )
    read = await client.get(f"{BASE}/{endpoint['id']}", headers=admin_a)
    assert read.status_code == 200
    assert "secret" not in read.json()
    assert endpoint["secret"] not in read.text
    assert len(read.json()["secrets"]) == 1
    async with engine.connect() as connection:
        stored = (await connection.execute(sa.text("SELECT sealed FROM webhook_endpoint_secrets"))).scalars().all()
    assert len(stored) == 1
    assert endpoint["secret"] not in stored[0]
    listed = (await client.get(BASE, headers=admin_a)).json()
    assert [item["id"] for item in listed["items"]] == [endpoint["id"]]
    assert listed["next_cursor"] is None


async def test_changes_honour_if_match_and_delete_takes_the_log_with_it(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    endpoint = await register(client, admin_a, HOOK)
    url = f"{BASE}/{endpoint['id']}"
    read = await client.get(url, headers=admin_a)
    version = etag_version(read)
    assert (await client.get(url, headers=admin_a | {"If-None-Match": read.headers["ETag"]})).status_code == 304
    changed = await client.patch(
        url, json={"enabled": False, "event_types": ["*"]}, headers=admin_a | {"If-Match": read.headers["ETag"]}
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["enabled"], changed.json()["disabled_reason"]) == (False, "admin")
    assert etag_version(changed) == version + 1
    stale = await client.patch(url, json={"enabled": True}, headers=admin_a | {"If-Match": read.headers["ETag"]})
    assert_problem(stale, 412, "precondition-failed")
    assert_problem(await client.patch(url, json={"enabled": None}, headers=admin_a), 422)
    assert_problem(
        await client.patch(url, json={"url": "https://10.1.2.3/"}, headers=admin_a), 422, "webhook-url-refused"
    )
    assert (await client.post(f"{url}/ping", headers=admin_a)).status_code == 202
    assert_problem(await client.delete(url, headers=admin_a | {"If-Match": '"v1"'}), 412)
    assert (await client.delete(url, headers=admin_a | {"If-Match": changed.headers["ETag"]})).status_code == 204
    assert_problem(await client.get(url, headers=admin_a), 404, "not-found")
    async with engine.connect() as connection:
        left = (await connection.execute(sa.text("SELECT count(*) FROM webhook_deliveries"))).scalar_one()
    assert left == 0


async def test_rotation_keeps_the_old_secret_signing_for_the_overlap(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    endpoint = await register(client, admin_a, HOOK)
    url = f"{BASE}/{endpoint['id']}"
    rotated = await client.post(f"{url}/rotate-secret", json={"overlap_seconds": 3600}, headers=admin_a)
    assert rotated.status_code == 200, rotated.text
    new = rotated.json()
    assert new["secret"].startswith("whsec_")
    assert new["secret"] != endpoint["secret"]
    assert len(new["secrets"]) == 2
    assert new["secrets"][0]["expires_at"] is None
    assert new["secrets"][1]["expires_at"] is not None
    at_once = (await client.post(f"{url}/rotate-secret", json={"overlap_seconds": 0}, headers=admin_a)).json()
    assert [secret["expires_at"] is None for secret in at_once["secrets"]] == [True, False, False]
    assert all(secret["expires_at"] <= at_once["updated_at"] for secret in at_once["secrets"][1:])
    assert_problem(await client.post(f"{url}/rotate-secret", json={"overlap_seconds": -1}, headers=admin_a), 422)


async def test_a_ping_and_replays_show_in_the_log(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    endpoint = await register(client, admin_a, HOOK, ["points.awarded"])
    url = f"{BASE}/{endpoint['id']}"
    ping = await client.post(f"{url}/ping", headers=admin_a)
    assert ping.status_code == 202
    assert (ping.json()["event_type"], ping.json()["state"], ping.json()["log"]) == (
        "webhook_endpoint.pinged",
        "pending",
        [],
    )
    log = (await client.get(f"{url}/deliveries", headers=admin_a)).json()
    assert [item["id"] for item in log["items"]] == [ping.json()["id"]]
    one = await client.post(f"{url}/deliveries/{ping.json()['id']}/replay", headers=admin_a)
    assert one.json()["state"] == "pending"
    since = await client.post(f"{url}/replay", json={"since": "2020-01-01T00:00:00Z"}, headers=admin_a)
    assert since.json() == {"replayed": 1}
    assert_problem(await client.post(f"{url}/replay", json={"since": 0}, headers=admin_a), 422)
    assert_problem(await client.post(f"{url}/deliveries/{uuid4()}/replay", headers=admin_a), 404)


async def test_deliveries_are_listed_newest_first_in_pages(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    endpoint = await register(client, admin_a, HOOK)
    url = f"{BASE}/{endpoint['id']}"
    pings = [(await client.post(f"{url}/ping", headers=admin_a)).json()["id"] for _ in range(3)]
    first = (await client.get(f"{url}/deliveries?limit=2", headers=admin_a)).json()
    second = (await client.get(f"{url}/deliveries?limit=2&cursor={first['next_cursor']}", headers=admin_a)).json()
    assert [item["id"] for item in first["items"] + second["items"]] == pings[::-1]
    assert second["next_cursor"] is None


async def test_only_admins_manage_webhooks(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID) -> None:
    for role in ("manager", "analyst", "integrator", "ambassador"):
        headers = bearer(mint(tenant_a, role))
        assert_problem(await client.get(BASE, headers=headers), 403)
        body = {"url": HOOK, "event_types": ["*"]}
        assert_problem(await client.post(BASE, json=body, headers=headers), 403)


async def test_another_organisations_endpoints_are_out_of_reach(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    endpoint = await register(client, admin_a, HOOK)
    ping = (await client.post(f"{BASE}/{endpoint['id']}/ping", headers=admin_a)).json()
    url = f"{BASE}/{endpoint['id']}"
    assert (await client.get(BASE, headers=admin_b)).json()["items"] == []
    for response in (
        await client.get(url, headers=admin_b),
        await client.patch(url, json={"enabled": False}, headers=admin_b),
        await client.delete(url, headers=admin_b),
        await client.post(f"{url}/rotate-secret", headers=admin_b),
        await client.post(f"{url}/ping", headers=admin_b),
        await client.get(f"{url}/deliveries", headers=admin_b),
        await client.get(f"{url}/deliveries/{ping['id']}", headers=admin_b),
        await client.post(f"{url}/deliveries/{ping['id']}/replay", headers=admin_b),
        await client.post(f"{url}/replay", json={"since": "2020-01-01T00:00:00Z"}, headers=admin_b),
    ):
        assert_problem(response, 404, "not-found")
    still = (await client.get(url, headers=admin_a)).json()
    assert still["enabled"] is True
    assert len(still["secrets"]) == 1
    assert Webhook(endpoint["secret"])  # the secret admin A holds is untouched
