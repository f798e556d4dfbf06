"""Rate limits on PostgreSQL: a caller's, an organisation's and an address's budgets, told in the
RateLimit headers and refused with a 429 that says when to retry, over REST, GraphQL and the redirect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.bootstrap.api import Overrides
from app.settings import Settings
from tests.integration.conftest import Mint, RawStatements, bearer
from tests.integration.helpers import assert_problem
from tests.integration.rate_limit_helpers import VISITOR, client_from, limited_app, remaining, retry_after
from tests.integration.redirect_helpers import BROWSER, clicks, live_share

ME = {"query": "{ me { subject } }"}


async def test_a_burst_on_one_token_is_refused_with_retry_after_and_the_rate_limit_headers(
    settings: Settings, admin_a: dict[str, str]
) -> None:
    async with limited_app(settings, caller="5/minute") as app, client_from(app) as client:
        served = [await client.get("/v1/me", headers=admin_a) for _ in range(5)]
        refused = await client.get("/v1/me", headers=admin_a)
        in_french = await client.get("/v1/me", headers=admin_a | {"Accept-Language": "fr"})

    assert [response.status_code for response in served] == [200] * 5
    assert {response.headers["RateLimit-Policy"] for response in served} == {'"caller";q=5;w=60'}
    assert [remaining(response) for response in served] == [{"caller": left} for left in (4, 3, 2, 1, 0)]
    body = assert_problem(refused, 429, "rate-limited")
    assert 1 <= retry_after(refused) <= 60
    assert (body["policy"], body["retry_after"]) == ("caller", retry_after(refused))
    assert body["detail"].startswith("You have sent more requests than your budget allows (5 in 60 seconds).")
    assert remaining(refused) == {"caller": 0}
    assert "Réessayez dans" in assert_problem(in_french, 429, "rate-limited")["detail"]


async def test_an_organisation_s_budget_holds_across_its_callers_while_another_organisation_is_unaffected(
    settings: Settings, mint: Mint, tenant_a: UUID, tenant_b: UUID, admin_b: dict[str, str]
) -> None:
    ada = bearer(mint(tenant_a, "admin", subject="idp|ada"))
    grace = bearer(mint(tenant_a, "manager", subject="idp|grace"))
    async with limited_app(settings, tenant="4/minute", caller="100/minute") as app, client_from(app) as client:
        served = [await client.get("/v1/me", headers=headers) for headers in (ada, grace, ada, grace)]
        refused = await client.get("/v1/me", headers=grace)
        other_tenant = await client.get("/v1/me", headers=admin_b)

    assert [response.status_code for response in served] == [200] * 4
    assert [remaining(response)["tenant"] for response in served] == [3, 2, 1, 0]
    assert remaining(served[3])["caller"] == 98
    assert assert_problem(refused, 429, "rate-limited")["policy"] == "tenant"
    assert refused.json()["detail"].startswith("Your organisation has sent more requests")
    assert other_tenant.status_code == 200
    assert remaining(other_tenant) == {"caller": 99, "tenant": 3}


async def test_graphql_and_rest_spend_one_budget_and_graphql_is_refused_with_an_error_of_the_same_type(
    settings: Settings, admin_a: dict[str, str]
) -> None:
    async with limited_app(settings, caller="2/minute") as app, client_from(app) as client:
        rest = await client.get("/v1/me", headers=admin_a)
        graphql = await client.post("/graphql", json=ME, headers=admin_a)
        refused = await client.post("/graphql", json=ME, headers=admin_a)

    assert (rest.status_code, graphql.status_code) == (200, 200)
    assert remaining(graphql) == {"caller": 0}
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/json"
    [error] = refused.json()["errors"]
    assert error["extensions"] == {"code": "rate-limited", "policy": "caller", "retryAfter": retry_after(refused)}
    assert error["message"].startswith("You have sent more requests than your budget allows (2 in 60 seconds).")
    assert "data" not in refused.json()
    assert remaining(refused) == {"caller": 0}


async def test_refused_tokens_count_against_the_address_while_a_valid_token_is_still_served(
    settings: Settings, admin_a: dict[str, str]
) -> None:
    forged = bearer("not-a-token")
    async with limited_app(settings, anonymous="3/minute") as app, client_from(app) as client:
        refused_tokens = [
            await client.get("/v1/me", headers=forged),
            await client.get("/v1/me"),
            await client.post("/graphql", json=ME, headers=forged),
        ]
        over_rest = await client.get("/v1/me", headers=forged)
        over_graphql = await client.post("/graphql", json=ME)
        valid = await client.get("/v1/me", headers=admin_a)
        async with client_from(app, "203.0.113.5") as elsewhere:
            other_address = await elsewhere.get("/v1/me", headers=forged)

    assert [response.status_code for response in refused_tokens] == [401, 401, 401]
    assert [remaining(response) for response in refused_tokens] == [{"anonymous": left} for left in (2, 1, 0)]
    assert assert_problem(over_rest, 429, "rate-limited")["policy"] == "anonymous"
    assert over_rest.json()["detail"].startswith("Too many requests without a valid access token came from your")
    assert over_graphql.status_code == 429
    assert over_graphql.json()["errors"][0]["extensions"]["code"] == "rate-limited"
    assert valid.status_code == 200
    assert other_address.status_code == 401


async def test_an_anonymous_burst_on_a_tracked_link_from_one_address_is_refused_and_records_nothing(
    settings: Settings, client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: Any
) -> None:
    share = await live_share(client, mint, engine, tenant_a, admin_a)
    browser = {"User-Agent": BROWSER}
    async with limited_app(settings, tracked_links="3/minute") as app, client_from(app) as visitor:
        followed = [await visitor.get(share.path, headers=browser) for _ in range(3)]
        refused = await visitor.get(share.path, headers=browser)
        checked = await visitor.head(share.path, headers=browser)
        async with client_from(app, "203.0.113.5") as neighbour:
            other_address = await neighbour.get(share.path, headers=browser)

    assert [response.status_code for response in followed] == [302] * 3
    assert [remaining(response) for response in followed] == [{"tracked-links": left} for left in (2, 1, 0)]
    assert followed[0].headers["RateLimit-Policy"] == '"tracked-links";q=3;w=60'
    body = assert_problem(refused, 429, "rate-limited")
    assert body["policy"] == "tracked-links"
    assert 1 <= retry_after(refused) <= 60
    assert "location" not in refused.headers
    assert refused.headers["cache-control"] == "no-store"
    assert checked.status_code == 429
    assert other_address.status_code == 302
    assert len(await clicks(engine, share.id)) == 4


async def test_a_visitor_cannot_leave_the_address_s_budget_by_claiming_another_address(
    settings: Settings, client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: Any
) -> None:
    """X-Forwarded-For is believed from the trusted proxy only (RELAIS_TRUSTED_PROXIES, 127.0.0.1 here)."""
    share = await live_share(client, mint, engine, tenant_a, admin_a)
    browser = {"User-Agent": BROWSER}
    async with limited_app(settings, tracked_links="1/minute") as app:
        async with client_from(app, "203.0.113.5") as spoofer:
            spoofed = [
                await spoofer.get(share.path, headers=browser | {"X-Forwarded-For": f"192.0.2.{n}"}) for n in (1, 2)
            ]
        async with client_from(app, "127.0.0.1") as proxy:
            proxied = [
                await proxy.get(share.path, headers=browser | {"X-Forwarded-For": visitor})
                for visitor in (VISITOR, "198.51.100.8", VISITOR)
            ]

    assert [response.status_code for response in spoofed] == [302, 429]
    assert [response.status_code for response in proxied] == [302, 302, 429]


async def test_the_development_sign_in_counts_against_the_address(settings: Settings) -> None:
    async with limited_app(settings, anonymous="2/minute") as app, client_from(app) as client:
        answers = [await client.get("/.well-known/openid-configuration") for _ in range(3)]

    assert [response.status_code for response in answers] == [200, 200, 429]
    assert assert_problem(answers[2], 429, "rate-limited")["policy"] == "anonymous"


async def test_with_rate_limits_on_a_redirect_is_still_one_statement(
    settings: Settings,
    client: httpx.AsyncClient,
    mint: Mint,
    engine: AsyncEngine,
    tenant_a: UUID,
    admin_a: Any,
    raw_statements: RawStatements,
    count_statements: Callable[[], Any],
) -> None:
    share = await live_share(client, mint, engine, tenant_a, admin_a)
    browser = {"User-Agent": BROWSER}
    overrides = Overrides(query_logger=raw_statements)
    async with limited_app(settings, overrides, tracked_links="100/minute") as app, client_from(app) as visitor:
        await visitor.get(share.path, headers=browser)  # the day's salts are read once per process
        with count_statements() as counter:
            response = await visitor.get(share.path, headers=browser)

    assert response.status_code == 302
    assert remaining(response) == {"tracked-links": 98}
    assert len(counter.statements) == 1


async def test_with_rate_limits_off_nothing_is_counted_nor_told(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    answers = [await client.get("/v1/me", headers=admin_a) for _ in range(3)]

    assert [response.status_code for response in answers] == [200] * 3
    assert not {"ratelimit", "ratelimit-policy"} & set(answers[-1].headers)
