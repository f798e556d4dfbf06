"""Caption checks over REST: the tenant's rules, offsets in the text as sent, the content's link."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.bootstrap import core_ports
from app.domain.content.content_fields import ContentFields
from app.domain.content.contents import Content
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, error_locations, nothing_written

RULES = {
    "link_domains": [{"domain": "acme.example"}],
    "disclosures": {"linkedin": "#employee"},
    "banned_terms": ["confidentiel"],
    "sensitive_terms": ["salaire"],
}
LINK = "https://acme.example/usine"


@pytest.fixture
async def rules(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    response = await client.patch("/v1/settings", json=RULES, headers=admin_a)
    assert response.status_code == 200, response.text


async def check(client: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> httpx.Response:
    return await client.post("/v1/compliance/check", json=body, headers=headers)


async def stored_content(engine: AsyncEngine, tenant_id: UUID, *, published: bool, author: str = "manager|1") -> str:
    """Content written through the unit of work, as the content API will write it."""
    uow, _, ids = core_ports(engine)
    now = datetime.now(UTC) - timedelta(minutes=1)
    async with uow(tenant_id) as work:
        settings = await work.settings.get()
        fields = ContentFields.compose(
            {"title": "Nouvelle usine", "body": "Visitez-la.", "link_url": LINK}, default_language="fr"
        )
        content = Content.create(
            id=ids.new_id(),
            tenant_id=tenant_id,
            fields=fields,
            author=author,
            proposed=False,
            rules=settings,
            now=now,
            shorthand=True,
        )
        if published:
            content.submit(actor=author, now=now)
            content.approve(reviewer="moderator|1", rules=settings, scheduled=[], now=now)
        await work.contents.add(content)
        await work.commit()
    return str(content.id)


@pytest.mark.parametrize("role", ["admin", "manager", "moderator", "analyst", "ambassador", "integrator"])
async def test_anyone_of_the_tenant_checks_a_caption_and_sees_where_each_problem_is(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, rules: None, engine: AsyncEngine, role: str
) -> None:
    text = "Le plan CONFIDENTIÉL et le salaire"

    async with nothing_written(engine):
        response = await check(client, bearer(mint(tenant_a, role)), network="linkedin", text=text)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is False
    located = [(v["code"], text[v["start"] : v["end"]], v["blocking"]) for v in body["violations"] if v["start"]]
    assert located == [("banned_term", "CONFIDENTIÉL", True), ("sensitive_term", "salaire", False)]
    assert body["violations"][-1]["code"] == "missing_disclosure"
    assert (body["violations"][-1]["start"], body["violations"][-1]["end"]) == (None, None)


async def test_a_compliant_caption_is_ok_with_warnings_only(
    client: httpx.AsyncClient, admin_a: dict[str, str], rules: None
) -> None:
    response = await check(client, admin_a, network="linkedin", text="Parlons salaire #Employee")

    assert response.json()["ok"] is True
    assert [v["code"] for v in response.json()["violations"]] == ["sensitive_term"]


async def test_the_length_is_counted_as_the_network_counts_it(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    text = "https://acme.example/" + "a" * 300 + " " + "b" * 256

    on_x = (await check(client, admin_a, network="x", text=text)).json()
    on_linkedin = (await check(client, admin_a, network="linkedin", text=text)).json()

    assert on_x == {"ok": True, "violations": [], "total_violations": 0}
    assert on_linkedin["ok"] is True
    too_long = (await check(client, admin_a, network="x", text=text + "c")).json()
    assert [(v["code"], v["start"], v["end"]) for v in too_long["violations"]] == [
        ("too_long", len(text), len(text) + 1)
    ]


async def test_with_a_content_its_link_must_appear(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, rules: None, engine: AsyncEngine
) -> None:
    content_id = await stored_content(engine, tenant_a, published=True)
    ambassador = bearer(mint(tenant_a, "ambassador"))

    missing = await check(client, ambassador, network="facebook", text="Bravo !", content_id=content_id)
    present = await check(client, ambassador, network="facebook", text=f"Bravo ! {LINK}.", content_id=content_id)

    assert [v["code"] for v in missing.json()["violations"]] == ["missing_link"]
    assert LINK in missing.json()["violations"][0]["detail"]
    assert present.json() == {"ok": True, "violations": [], "total_violations": 0}


async def test_a_content_not_yet_published_is_not_found_for_ambassadors(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], rules: None, engine: AsyncEngine
) -> None:
    content_id = await stored_content(engine, tenant_a, published=False)

    hidden = await check(client, bearer(mint(tenant_a, "ambassador")), network="x", text=LINK, content_id=content_id)
    staff = await check(client, admin_a, network="x", text=LINK, content_id=content_id)

    assert_problem(hidden, 404, "not-found")
    assert staff.json()["ok"] is True


async def test_another_tenants_content_is_not_found(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str], rules: None, engine: AsyncEngine
) -> None:
    response = await client.patch("/v1/settings", json=RULES, headers=admin_b)
    assert response.status_code == 200
    theirs = await stored_content(engine, UUID(str(await _tenant_of(client, admin_b))), published=True)

    for content_id in (theirs, str(uuid4())):
        problem = assert_problem(await check(client, admin_a, network="x", text=LINK, content_id=content_id), 404)
        assert content_id in problem["detail"]


async def _tenant_of(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    tenant: str = (await client.get("/v1/me", headers=headers)).json()["tenant_id"]
    return tenant


@pytest.mark.parametrize(
    ("body", "locations"),
    [
        ({"network": "myspace", "text": "x"}, [["body", "network"]]),
        ({"text": "x"}, [["body", "network"]]),
        ({"network": "x"}, [["body", "text"]]),
        ({"network": "x", "text": "x", "content_id": "not-an-id"}, [["body", "content_id"]]),
        ({"network": "x", "text": "x", "shared": True}, [["body", "shared"]]),
    ],
)
async def test_an_invalid_check_is_a_problem(
    client: httpx.AsyncClient, admin_a: dict[str, str], body: dict[str, Any], locations: list[list[str | int]]
) -> None:
    response = await client.post("/v1/compliance/check", json=body, headers=admin_a)
    assert error_locations(assert_problem(response, 422)) == locations


async def test_an_operator_without_a_tenant_cannot_check(
    client: httpx.AsyncClient, operator_headers: dict[str, str]
) -> None:
    assert_problem(await check(client, operator_headers, network="x", text="x"), 403, "forbidden")
