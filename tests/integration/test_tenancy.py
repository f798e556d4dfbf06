"""Tenant isolation: no route reaches, changes or lists another tenant's rows.

The id-taking routes are read from the application's route table, so a new route that takes an
id fails here until ``CASES`` (in ``tenancy_cases.py``) says how to build the other tenant's resource for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.routing import BaseRoute, Mount, compile_path
from uuid6 import uuid7

from app.bootstrap.api import build_app
from app.settings import Settings
from tests.integration.catalogue_helpers import seed_catalogue
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    error_locations,
    join_as_ambassador,
    outbox_events,
    person,
    row_counts,
    stored_row,
)
from tests.integration.integration_helpers import register_hris
from tests.integration.notification_helpers import seed_inbox
from tests.integration.recall_helpers import seed_takedown
from tests.integration.surveys_helpers import seed_surveys
from tests.integration.tenancy_cases import CAMPAIGN, CASES, CONTENT, SHAREABLE, Route
from tests.integration.training_helpers import create_module, published_module
from tests.integration.webhook_helpers import register as register_endpoint

PATH_PARAMETER = re.compile(r"\{[^}]+\}")


# Platform routes, for operators only: they reach every tenant by design, and a tenant's caller none
# (test_parked_events_api.py holds them to that).
PLATFORM_ROUTES: frozenset[Route] = frozenset({("POST", "/v1/parked-events/{parked_event_id}/replay")})
# Intakes proven by a signature, not a token: another organisation's secret is refused there (401), as
# test_integrations_api.py shows.
SIGNED_ROUTES: frozenset[Route] = frozenset({("POST", "/v1/integrations/{integration_id}/events")})


def _walk(routes: Iterable[BaseRoute], prefix: str = "") -> Iterator[Route]:
    # Included routers are resolved lazily; their route contexts carry the full path.
    for context in iter_route_contexts(list(routes)):
        route = context.original_route
        if isinstance(route, APIRoute):
            for method in sorted(context.methods or ()):
                # Without path convertors (``{ambassador_id:uuid}``): the contract's spelling.
                yield method, compile_path(prefix + (context.path or route.path))[1]
        elif isinstance(route, Mount):
            yield from _walk(route.routes, prefix + route.path)


def id_routes() -> list[Route]:
    """Every (method, path) of the API whose path names a resource by a parameter.

    Building the app opens nothing (its resources open in the lifespan), so this runs at collection.
    """
    app = build_app(Settings(database_url="postgresql://route-table.invalid/relais"))
    return [
        (method, path)
        for method, path in _walk(app.router.routes)
        if PATH_PARAMETER.search(path) and (method, path) not in PLATFORM_ROUTES | SIGNED_ROUTES
    ]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "id_route" in metafunc.fixturenames:
        routes = id_routes()
        metafunc.parametrize("id_route", routes, ids=[f"{method} {path}" for method, path in routes])


def aimed_at(path: str, resource_id: str, others: dict[str, str] | None = None) -> str:
    """The path with its first parameter set to ``resource_id`` and the others from ``others``."""
    first, *rest = PATH_PARAMETER.findall(path)
    others = others or {}
    missing = [name for name in rest if name.strip("{}") not in others]
    assert not missing, f"{path} takes more ids ({missing}); say which in CrossTenantCase.others."
    path = path.replace(first, resource_id)
    for name in rest:
        path = path.replace(name, others[name.strip("{}")])
    return path


@dataclass(frozen=True, slots=True)
class Side:
    """One tenant's programme: a member with a connected account, and callers of each role."""

    tenant_id: UUID
    ids: dict[str, str]
    headers: dict[str, dict[str, str]]


async def _populate(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_id: UUID, admin: dict[str, str]
) -> Side:
    # The same person, with the same identity-provider subject, works for both companies.
    employee = await create_employee(
        client,
        admin,
        given_name="Sam",
        family_name="Taylor",
        email="sam.taylor@shared.example",
        department="Sales",
        location="Paris",
    )
    member = await join_as_ambassador(client, mint, tenant_id, employee, subject="idp|sam")
    account = await client.post(
        "/v1/me/social-accounts", json={"network": "linkedin", "handle": "samtaylor"}, headers=member
    )
    assert account.status_code == 201, account.text
    me = (await client.get("/v1/me", headers=member)).json()
    content = await client.post("/v1/contents", json=CONTENT, headers=admin)
    in_review = await client.post("/v1/contents", json=CONTENT, headers=admin)
    campaign = await client.post("/v1/campaigns", json=CAMPAIGN, headers=admin)
    submitted = await client.post(f"/v1/contents/{in_review.json()['id']}/submit", headers=admin)
    # The same CRM key in both organisations: each has its own conversion.
    conversion = await client.post(
        "/v1/conversions",
        json={"type": "lead", "external_id": "crm-1", "occurred_at": "2030-03-02T10:00:00Z"},
        headers=bearer(mint(tenant_id, "integrator", subject="hris-sync")),
    )
    assert conversion.status_code == 201, conversion.text
    assert (content.status_code, campaign.status_code, submitted.status_code) == (201, 201, 200), submitted.text
    share, posted_share = await _shares(client, admin, member)
    recall = await seed_takedown(client, engine, member, posted_share)
    cost = {"budget_line": "platform", "incurred_on": "2030-03-01", "amount_minor": 5000, "currency": "EUR"}
    recorded_cost = await client.post("/v1/programme-costs", json=cost, headers=admin)
    assert recorded_cost.status_code == 201, recorded_cost.text
    catalogue = await seed_catalogue(client, engine, admin, member, tenant_id, me["ambassador"]["id"])
    inbox = await seed_inbox(client, engine, tenant_id, me["ambassador"]["id"], member)
    integration = await register_hris(client, admin)
    roster_file = b"external_id,department\nHR-404,Sales\n"
    roster_import = await client.post(
        "/v1/roster-imports", params={"mode": "partial"}, content=roster_file,
        headers=admin | {"Content-Type": "text/csv"},
    )  # fmt: skip
    assert roster_import.status_code == 201, roster_import.text
    endpoint = await register_endpoint(client, admin, "http://localhost:9/hooks")
    ping = await client.post(f"/v1/webhook-endpoints/{endpoint['id']}/ping", headers=admin)
    assert ping.status_code == 202, ping.text
    wave = await client.post(
        "/v1/recruiting/waves", json={"name": "Spring", "employee_ids": [employee["id"]]}, headers=admin
    )
    assert wave.status_code == 201, wave.text
    training = await published_module(client, admin)
    draft_training = await create_module(client, admin)
    incident = await client.post(
        "/v1/incidents", json={"summary": "Off message.", "severity": "minor", "share_id": posted_share}, headers=admin
    )
    assert incident.status_code == 201, incident.text
    surveys = await seed_surveys(client, bearer(mint(tenant_id, "manager", subject="programme-manager")), member)
    space = await seed_space(client, admin, member)
    return Side(
        tenant_id=tenant_id,
        ids={
            "employees": employee["id"],
            "ambassadors": me["ambassador"]["id"],
            "social_accounts": account.json()["id"],
            "contents": content.json()["id"],
            "in_review": submitted.json()["id"],
            "campaigns": campaign.json()["id"],
            "conversions": conversion.json()["id"],
            "shares": share,
            "posted_shares": posted_share,
            "programme_costs": recorded_cost.json()["id"],
            "integrations": integration["id"],
            "roster_imports": roster_import.json()["id"],
            "webhook_endpoints": endpoint["id"],
            "webhook_deliveries": ping.json()["id"],
            "invitation_waves": wave.json()["id"],
            "training_modules": training["id"],
            "draft_training_modules": draft_training["id"],
            "lesson_position": "1",
            "incidents": incident.json()["id"],
            **catalogue,
            **inbox,
            **surveys,
            **recall,
            **space,
        },
        headers={
            "admin": admin,
            "integrator": bearer(mint(tenant_id, "integrator", subject="hris-sync")),
            "manager": bearer(mint(tenant_id, "manager", subject="programme-manager")),
            "member": member,
        },
    )


async def seed_space(client: httpx.AsyncClient, admin: dict[str, str], member: dict[str, str]) -> dict[str, str]:
    """The member's question with their comment, a hidden comment on it, and a hidden post of theirs."""
    ids: dict[str, str] = {"reaction": "like"}
    for key in ("space_posts", "hidden_space_posts"):
        posted = await client.post("/v1/space/posts", json={"kind": "question", "body": "Why?"}, headers=member)
        assert posted.status_code == 201, posted.text
        ids[key] = posted.json()["id"]
    for key in ("space_comments", "hidden_space_comments"):
        path = f"/v1/space/posts/{ids['space_posts']}/comments"
        written = await client.post(path, json={"body": "Because."}, headers=member)
        assert written.status_code == 201, written.text
        ids[key] = written.json()["id"]
    hidden = (
        f"/v1/space/posts/{ids['hidden_space_posts']}/hide",
        f"/v1/space/posts/{ids['space_posts']}/comments/{ids['hidden_space_comments']}/hide",
    )
    for path in hidden:
        assert (await client.post(path, json={"reason": "Off topic"}, headers=admin)).status_code == 200
    return ids


async def _shares(client: httpx.AsyncClient, admin: dict[str, str], member: dict[str, str]) -> tuple[str, str]:
    """Two shares of the member: an intent, and one they posted."""
    settings = {"link_domains": [{"domain": "acme.example"}]}
    assert (await client.patch("/v1/settings", json=settings, headers=admin)).status_code == 200
    shares = []
    for _ in range(2):
        content = (await client.post("/v1/contents", json=SHAREABLE, headers=admin)).json()
        await client.post(f"/v1/contents/{content['id']}/submit", headers=admin)
        approved = await client.post(f"/v1/contents/{content['id']}/approve", headers=admin)
        assert approved.status_code == 200, approved.text
        share = await client.post(
            "/v1/shares", json={"content_id": content["id"], "network": "linkedin"}, headers=member
        )
        assert share.status_code == 201, share.text
        shares.append(share.json()["id"])
    posted = await client.post(f"/v1/shares/{shares[1]}/confirm", headers=member)
    assert posted.status_code == 200, posted.text
    return shares[0], shares[1]


async def _withheld_points(engine: AsyncEngine, side: Side) -> Side:
    """Points the velocity guard withheld, as the worker stores them (no request makes them)."""
    entry_id = uuid7()
    row = {
        "tenant_id": side.tenant_id,
        "id": entry_id,
        "ambassador_id": UUID(side.ids["ambassadors"]),
        "source_event_id": uuid7(),
    }
    statement = sa.text(
        "INSERT INTO points_entries (tenant_id, id, ambassador_id, points, kind, status, rule, source_event_id, "
        "multiplier, reason, occurred_at, recorded_at) VALUES (:tenant_id, :id, :ambassador_id, 2, 'award', "
        "'withheld', 'counted_click', :source_event_id, 1, 'Withheld.', now(), now())"
    )
    async with engine.begin() as connection:
        await connection.execute(statement, row)
    side.ids["points_entries"] = str(entry_id)
    return side


@pytest.fixture
async def side_a(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> Side:
    return await _withheld_points(engine, await _populate(client, engine, mint, tenant_a, admin_a))


@pytest.fixture
async def side_b(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_b: UUID, admin_b: dict[str, str]
) -> Side:
    return await _withheld_points(engine, await _populate(client, engine, mint, tenant_b, admin_b))


def test_every_route_that_takes_an_id_has_a_cross_tenant_case() -> None:
    routes = set(id_routes())
    assert routes, "The route table lists no id-taking route; the walk over it is broken."
    assert routes - CASES.keys() == set(), "Add a CrossTenantCase for each new id-taking route."
    assert CASES.keys() - routes == set(), "These cases name routes the API no longer has."


async def test_a_route_cannot_reach_another_tenants_resource(
    client: httpx.AsyncClient, engine: AsyncEngine, side_a: Side, side_b: Side, id_route: Route
) -> None:
    method, path = id_route
    case = CASES.get(id_route)
    if case is None:
        pytest.fail(f"{method} {path} takes an id but has no CrossTenantCase saying how to build one.")
    theirs = side_b.ids[case.key]
    ours = {name: side_a.ids[resource] for name, resource in case.others}
    row_before = await stored_row(engine, case.table, theirs)
    events_before = await outbox_events(engine, side_b.tenant_id)

    response = await client.request(
        method, aimed_at(path, theirs, ours), json=case.body, headers=side_a.headers[case.caller]
    )

    assert_problem(response, 404, "not-found")
    assert theirs in response.json()["detail"]
    assert await stored_row(engine, case.table, theirs) == row_before
    assert await outbox_events(engine, side_b.tenant_id) == events_before
    # The same call on the caller's own resource succeeds: the 404 is the tenant boundary, not a bad request.
    own = await client.request(
        method, aimed_at(path, side_a.ids[case.key], ours), json=case.body, headers=side_a.headers[case.caller]
    )
    assert own.status_code == case.success, own.text


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"department": "Sales"},
        {"location": "Paris"},
        {"status": "active"},
        {"q": "sam"},
        {"q": "TAYLOR"},
        {"q": "shared.example"},
        {"department": "Sales", "location": "Paris", "q": "sam taylor", "limit": "100"},
    ],
    ids=lambda query: "&".join(f"{name}={value}" for name, value in query.items()) or "unfiltered",
)
async def test_the_roster_lists_only_the_callers_tenant(
    client: httpx.AsyncClient, side_a: Side, side_b: Side, query: dict[str, str]
) -> None:
    response = await client.get("/v1/employees", params=query, headers=side_a.headers["admin"])
    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == [side_a.ids["employees"]]


@pytest.mark.parametrize(
    "query",
    [{}, {"status": "active"}, {"department": "Sales"}, {"location": "Paris"}, {"department": "Sales", "limit": "1"}],
    ids=lambda query: "&".join(f"{name}={value}" for name, value in query.items()) or "unfiltered",
)
async def test_the_membership_list_shows_only_the_callers_tenant(
    client: httpx.AsyncClient, side_a: Side, side_b: Side, query: dict[str, str]
) -> None:
    response = await client.get("/v1/ambassadors", params=query, headers=side_a.headers["manager"])
    assert response.status_code == 200, response.text
    assert [item["id"] for item in response.json()["items"]] == [side_a.ids["ambassadors"]]
    assert response.json()["next_cursor"] is None


async def test_a_member_sees_only_their_own_tenants_accounts_and_record(
    client: httpx.AsyncClient, side_a: Side, side_b: Side
) -> None:
    accounts = await client.get("/v1/me/social-accounts", headers=side_a.headers["member"])
    me = await client.get("/v1/me", headers=side_a.headers["member"])

    assert [account["id"] for account in accounts.json()] == [side_a.ids["social_accounts"]]
    assert me.json()["employee"]["id"] == side_a.ids["employees"]
    assert me.json()["ambassador"]["id"] == side_a.ids["ambassadors"]
    assert [account["id"] for account in me.json()["social_accounts"]] == [side_a.ids["social_accounts"]]


async def test_another_tenants_employee_cannot_be_invited(
    client: httpx.AsyncClient, engine: AsyncEngine, side_a: Side, tenant_b: UUID, admin_b: dict[str, str]
) -> None:
    newcomer = await create_employee(client, admin_b)
    before = await row_counts(engine)

    invited = await client.post(
        "/v1/ambassadors/invitations", json={"employee_id": newcomer["id"]}, headers=side_a.headers["manager"]
    )

    assert_problem(invited, 404, "not-found")
    assert await row_counts(engine) == before


async def test_another_tenants_employee_cannot_be_named_manager(
    client: httpx.AsyncClient, engine: AsyncEngine, side_a: Side, side_b: Side
) -> None:
    their_employee = side_b.ids["employees"]
    before = await row_counts(engine)

    created = await client.post(
        "/v1/employees", json=person(manager_id=their_employee), headers=side_a.headers["admin"]
    )
    patched = await client.patch(
        f"/v1/employees/{side_a.ids['employees']}", json={"manager_id": their_employee}, headers=side_a.headers["admin"]
    )

    assert error_locations(assert_problem(created, 422)) == [["body", "manager_id"]]
    assert error_locations(assert_problem(patched, 422)) == [["body", "manager_id"]]
    assert await row_counts(engine) == before
