"""GET|HEAD /r/{code} on PostgreSQL: where a click lands, what is recorded, and what is counted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.types import Message, Receive, Scope, Send

from app.bootstrap.api import build_app
from app.settings import Settings
from tests.integration.conftest import Mint
from tests.integration.helpers import assert_problem
from tests.integration.redirect_helpers import (
    BROWSER,
    Share,
    clicks,
    insert_share,
    live_share,
    remember_ambassador_visitor,
)

LINKEDIN_PREVIEW = "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"


@pytest.fixture
async def share(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> Share:
    return await live_share(client, mint, engine, tenant_a, admin_a)


async def follow(client: httpx.AsyncClient, share: Share, method: str = "GET", **headers: str) -> httpx.Response:
    sent = {"user-agent": BROWSER} | {name.replace("_", "-"): value for name, value in headers.items()}
    return await client.request(method, share.path, headers=sent)


async def test_a_click_lands_on_the_content_with_its_tags_the_click_reference_and_the_fragment(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    response = await follow(client, share)

    assert response.status_code == 302
    assert response.headers["cache-control"] == "no-store"
    location = urlsplit(response.headers["location"])
    [click] = await clicks(engine, share.id)
    assert (location.scheme, location.netloc, location.path, location.fragment) == (
        "https",
        "jobs.acme.example",
        "/lyon",
        "apply",
    )
    assert parse_qsl(location.query) == [
        ("ref", "feed"),
        ("utm_source", "linkedin"),
        ("utm_medium", "employee_advocacy"),
        ("utm_campaign", "always-on"),
        ("utm_content", share.content_id),
        ("rl_click", str(click["id"])),
    ]
    assert response.headers["location"].endswith(f"&rl_click={click['id']}#apply")
    assert (click["kind"], click["is_unique"], click["is_self"]) == ("counted", True, False)


async def test_head_is_redirected_too_but_recorded_as_not_counted(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    response = await follow(client, share, "HEAD")

    assert response.status_code == 302
    assert "rl_click=" in response.headers["location"]
    [click] = await clicks(engine, share.id)
    assert (click["kind"], click["is_unique"]) == ("head", False)


@pytest.mark.parametrize(
    "headers",
    [{"sec_purpose": "prefetch"}, {"purpose": "prefetch"}, {"sec_purpose": "prefetch;prerender"}],
    ids=["sec-purpose", "purpose", "prerender"],
)
async def test_a_prefetch_is_redirected_but_not_counted(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share, headers: dict[str, str]
) -> None:
    response = await follow(client, share, **headers)

    assert response.status_code == 302
    [click] = await clicks(engine, share.id)
    assert (click["kind"], click["is_unique"]) == ("prefetch", False)


@pytest.mark.parametrize(
    "user_agent",
    [LINKEDIN_PREVIEW, "Twitterbot/1.0", "facebookexternalhit/1.1", "Googlebot/2.1 (+http://www.google.com/bot.html)"],
)
async def test_crawlers_and_link_previews_are_redirected_but_not_counted(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share, user_agent: str
) -> None:
    response = await follow(client, share, user_agent=user_agent)

    assert response.status_code == 302
    [click] = await clicks(engine, share.id)
    assert (click["kind"], click["is_unique"]) == ("bot", False)


async def test_the_same_network_again_within_a_day_is_counted_but_not_unique(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    await follow(client, share, x_forwarded_for="198.51.100.7")
    await follow(client, share, x_forwarded_for="198.51.100.7")
    await follow(client, share, x_forwarded_for="198.51.100.7", user_agent=BROWSER + " other")
    await follow(client, share, x_forwarded_for="198.51.100.99")
    await follow(client, share, x_forwarded_for="203.0.113.7")

    first, again, other_agent, same_network, elsewhere = await clicks(engine, share.id)
    assert {c["kind"] for c in (first, again, other_agent, same_network, elsewhere)} == {"counted"}
    assert [c["is_unique"] for c in (first, again, other_agent, same_network, elsewhere)] == [
        True,
        False,
        False,
        False,
        True,
    ]
    assert first["visitor_hash"] == again["visitor_hash"] != other_agent["visitor_hash"]
    assert first["network_hash"] == other_agent["network_hash"] == same_network["network_hash"]
    assert first["network_hash"] != elsewhere["network_hash"]


async def test_fifteen_user_agents_from_one_address_are_one_unique_visitor_and_capped_clicks(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    """The reproducer: 15 requests from one address with 15 user agents counted 15 unique visitors."""
    for number in range(15):
        response = await follow(client, share, x_forwarded_for="203.0.113.50", user_agent=f"{BROWSER} build/{number}")
        assert response.status_code == 302
        assert "rl_click=" in response.headers["location"]

    recorded = await clicks(engine, share.id)
    read = await client.get(f"/v1/shares/{share.id}", headers=share.manager)

    assert len(recorded) == 15
    assert len({click["visitor_hash"] for click in recorded}) == 15
    assert [click["kind"] for click in recorded] == ["counted"] * 5 + ["capped"] * 10
    assert sum(click["is_unique"] for click in recorded) == 1
    assert (read.json()["stats"]["clicks"], read.json()["stats"]["unique_clicks"]) == (5, 1)


async def test_an_ipv6_visitor_is_one_network_across_its_48(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    for address in ("2001:db8:1:1::1", "2001:db8:1:ff00::2", "2001:db8:2::1"):
        await follow(client, share, x_forwarded_for=address)

    first, same_48, other_48 = await clicks(engine, share.id)
    assert [c["is_unique"] for c in (first, same_48, other_48)] == [True, False, True]


async def test_the_ambassadors_own_clicks_are_never_capped_nor_take_a_visitors_place(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    await follow(client, share, x_forwarded_for="198.51.100.20")
    [own_visit] = await clicks(engine, share.id)
    async with engine.begin() as connection:
        await connection.execute(sa.text("DELETE FROM clicks WHERE share_id = :s"), {"s": share.id})
    await remember_ambassador_visitor(engine, share, own_visit["visitor_hash"])

    for _ in range(7):
        await follow(client, share, x_forwarded_for="198.51.100.20")
    await follow(client, share, x_forwarded_for="198.51.100.21")

    *own, neighbour = await clicks(engine, share.id)
    assert {(c["kind"], c["is_self"], c["is_unique"]) for c in own} == {("counted", True, False)}
    assert (neighbour["kind"], neighbour["is_self"], neighbour["is_unique"]) == ("counted", False, True)


async def test_the_cap_comes_from_the_settings(
    settings: Settings, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    application = build_app(settings.model_copy(update={"daily_click_cap": 2}))
    async with LifespanManager(application) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
            share = await live_share(client, mint, engine, tenant_a, admin_a)
            for number in range(4):
                assert (await follow(client, share, user_agent=f"{BROWSER} {number}")).status_code == 302

    assert [click["kind"] for click in await clicks(engine, share.id)] == ["counted", "counted", "capped", "capped"]


async def test_a_bot_before_a_visitor_does_not_take_their_unique_click(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    await follow(client, share, "HEAD")
    await follow(client, share, sec_purpose="prefetch")
    await follow(client, share)

    *_, click = await clicks(engine, share.id)
    assert (click["kind"], click["is_unique"]) == ("counted", True)


async def test_the_ambassadors_own_click_is_flagged(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    await follow(client, share, x_forwarded_for="198.51.100.20", user_agent=BROWSER)
    [visit] = await clicks(engine, share.id)
    await remember_ambassador_visitor(engine, share, visit["visitor_hash"])

    await follow(client, share, x_forwarded_for="198.51.100.20", user_agent=BROWSER)
    await follow(client, share, x_forwarded_for="198.51.100.21", user_agent=BROWSER)

    _, own, other = await clicks(engine, share.id)
    assert (own["kind"], own["is_self"]) == ("counted", True)
    assert other["is_self"] is False


async def test_a_click_row_keeps_no_address_no_user_agent_and_no_employee(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    await follow(client, share, x_forwarded_for="198.51.100.77", user_agent=BROWSER)

    [click] = await clicks(engine, share.id)
    assert set(click) == {
        "tenant_id",
        "id",
        "share_id",
        "clicked_at",
        "visitor_hash",
        "network_hash",
        "kind",
        "is_unique",
        "is_self",
    }
    stored = " ".join(str(value) for value in click.values())
    assert "198.51.100.77" not in stored
    assert "198.51.100." not in stored
    assert "Safari" not in stored
    assert len(click["visitor_hash"]) == len(click["network_hash"]) == 32


async def test_forwarded_addresses_are_believed_only_from_a_trusted_proxy(
    app: FastAPI, engine: AsyncEngine, share: Share
) -> None:
    async def visit(peer: str, forwarded_for: str | None = None) -> str:
        headers = {"user-agent": BROWSER} | ({"x-forwarded-for": forwarded_for} if forwarded_for else {})
        transport = httpx.ASGITransport(app=app, client=(peer, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as direct:
            assert (await direct.get(share.path, headers=headers)).status_code == 302
        return str((await clicks(engine, share.id))[-1]["visitor_hash"])

    # The default configuration trusts the loopback proxy only.
    through_proxy = await visit("127.0.0.1", "198.51.100.7")
    direct_visitor = await visit("198.51.100.7")
    spoofed = await visit("203.0.113.5", "198.51.100.7")
    spoofer = await visit("203.0.113.5")

    assert through_proxy == direct_visitor
    assert spoofed == spoofer != direct_visitor


async def test_an_unknown_code_is_not_found_without_a_location(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    response = await client.get("/r/Zz9Zz9Zz9")

    problem = assert_problem(response, 404, "tracked-link-not-found")
    assert "location" not in response.headers
    assert response.headers["cache-control"] == "no-store"
    assert problem["detail"]
    assert await clicks(engine, share.id) == []


@pytest.mark.parametrize("code", ["abc", "with-dash1", "a" * 17, "%C3%A9t%C3%A9%C3%A9t%C3%A9", "1234567'--"])
async def test_a_malformed_code_is_not_found_without_touching_the_database(
    client: httpx.AsyncClient, count_statements: Callable[[], Any], code: str
) -> None:
    with count_statements() as counter:
        response = await client.get(f"/r/{code}")
        head = await client.head(f"/r/{code}")

    assert_problem(response, 404, "tracked-link-not-found")
    assert head.status_code == 404
    assert "location" not in response.headers
    assert "location" not in head.headers
    assert counter.statements == []


async def test_a_link_to_an_archived_content_is_gone_and_records_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine, share: Share
) -> None:
    archived = await client.post(f"/v1/contents/{share.content_id}/archive", json={}, headers=share.manager)
    assert archived.status_code == 200, archived.text

    response = await follow(client, share)

    assert_problem(response, 410, "tracked-link-gone")
    assert "location" not in response.headers
    assert response.headers["cache-control"] == "no-store"
    assert await clicks(engine, share.id) == []


async def test_a_cancelled_share_is_gone(client: httpx.AsyncClient, engine: AsyncEngine, share: Share) -> None:
    async with engine.begin() as connection:
        await connection.execute(sa.text("DELETE FROM shares WHERE id = :id"), {"id": share.id})
    await insert_share(engine, share, status="cancelled")

    response = await follow(client, share)

    assert_problem(response, 410, "tracked-link-gone")
    assert await clicks(engine, share.id) == []


async def test_a_redirect_is_one_sql_statement(
    client: httpx.AsyncClient, count_statements: Callable[[], Any], share: Share
) -> None:
    await follow(client, share)  # the day's salts are read once per process, then kept

    with count_statements() as counter:
        for method in ("GET", "HEAD", "GET"):
            assert (await follow(client, share, method)).status_code == 302
        # Past the network's daily cap too: the judgement is part of the same statement.
        for number in range(6):
            assert (await follow(client, share, user_agent=f"{BROWSER} {number}")).status_code == 302
        # An unknown code of a known tenant: the same one statement finds nothing.
        assert (await client.get(f"/r/{share.code[:4]}Zz9Zz9Zz")).status_code == 404

    assert len(counter.statements) == 10
    assert all("INSERT INTO clicks" in statement for statement in counter.statements)


async def test_the_click_is_committed_before_the_redirect_starts(
    app: FastAPI, engine: AsyncEngine, share: Share
) -> None:
    """A crash right after the response loses no click.

    The application is wrapped so that, at the moment it starts sending the 302 (and before any
    byte of it leaves), the clicks table is read from another connection, of another pool. Under
    READ COMMITTED that connection sees committed rows only: finding the click there means it is
    already durable (the statement ran in autocommit), whatever happens to the process next.
    """
    seen_before_response: list[int] = []

    async def observed(scope: Scope, receive: Receive, send: Send) -> None:
        async def send_after_checking(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen_before_response.append(len(await clicks(engine, share.id)))
            await send(message)

        await app(scope, receive, send_after_checking)

    transport = httpx.ASGITransport(app=observed)
    async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
        first = await client.get(share.path, headers={"user-agent": BROWSER})
        second = await client.get(share.path, headers={"user-agent": BROWSER})

    assert (first.status_code, second.status_code) == (302, 302)
    assert seen_before_response == [1, 2]


async def test_other_methods_are_not_allowed(client: httpx.AsyncClient, share: Share) -> None:
    response = await client.post(share.path, json={})

    assert_problem(response, 405)
    assert response.headers["allow"] == "GET, HEAD"
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_redirects_carry_a_request_id_and_are_counted_under_their_route_template(
    client: httpx.AsyncClient, share: Share, operator_headers: dict[str, str]
) -> None:
    response = await follow(client, share)
    await client.get("/r/Zz9Zz9Zz9")

    assert response.headers["x-request-id"]
    metrics = (await client.get("/metrics", headers=operator_headers)).text
    assert 'relais_http_requests_total{method="GET",route="/r/{code}",status="302"}' in metrics
    assert 'relais_http_requests_total{method="GET",route="/r/{code}",status="404"}' in metrics
    assert share.code not in metrics


async def test_redirects_and_their_refusals_forbid_sniffing_and_storing(
    client: httpx.AsyncClient, share: Share
) -> None:
    redirected = await follow(client, share)
    unknown = await client.get("/r/Zz9Zz9Zz9")
    assert (redirected.status_code, unknown.status_code) == (302, 404)
    for response in (redirected, unknown):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["cache-control"] == "no-store"
