"""Programme settings over REST: defaults, partial changes, validation, roles, If-Match, tenants."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, error_locations, nothing_written, outbox_events

DEFAULTS = {
    "networks": ["linkedin", "x", "facebook", "instagram", "xing", "tiktok", "whatsapp"],
    "link_domains": [],
    "disclosures": {},
    "sensitive_terms": [],
    "banned_terms": [],
    "weekly_content_budget": 4,
    "four_eyes_review": False,
    "default_language": "en",
    "utm_medium": "employee_advocacy",
    "share_daily_limit": 5,
    "click_param": "rl_click",
    "attribution_window_days": 30,
    "attribution_model": "last_touch",
    "time_zone": "UTC",
    "challenge_winners": 3,
    "digest_weekday": 1,
    "digest_time": "09:00",
    "mass_termination_percent": 10,
    "currency": "EUR",
    "cpm_minor": {
        "linkedin": 659,
        "x": 646,
        "facebook": 719,
        "instagram": 670,
        "xing": 659,
        "tiktok": 1000,
        "whatsapp": 0,
    },
    "cpc_minor": {},
    "brand_engagement_rates": {},
    "manager_metrics_scope": "programme",
    "required_training_modules": [],
    "recall_notice_url": None,
    "version": 0,
    "updated_at": None,
}
RULES = {
    "networks": ["x", "linkedin"],
    "link_domains": [{"domain": "Bücher.example"}, {"domain": "acme.example", "include_subdomains": True}],
    "disclosures": {"linkedin": "#employee"},
    "sensitive_terms": ["salaire"],
    "banned_terms": ["confidentiel"],
    "weekly_content_budget": 3,
    "four_eyes_review": True,
    "default_language": "fr-fr",
    "utm_medium": "ambassadors",
    "share_daily_limit": 3,
    "click_param": "ref",
    "attribution_window_days": 14,
    "attribution_model": "linear",
}


async def patch(client: httpx.AsyncClient, headers: dict[str, str], body: Any, **extra: str) -> httpx.Response:
    return await client.patch("/v1/settings", json=body, headers=headers | extra)


@pytest.mark.parametrize("role", ["admin", "manager", "moderator", "analyst"])
async def test_staff_read_the_defaults_until_the_settings_are_saved(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, role: str
) -> None:
    response = await client.get("/v1/settings", headers=bearer(mint(tenant_a, role)))

    assert response.status_code == 200, response.text
    assert response.json() == DEFAULTS
    assert response.headers["ETag"] == '"v0"'


@pytest.mark.parametrize("role", ["ambassador", "integrator"])
async def test_other_roles_cannot_read_the_settings(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, role: str
) -> None:
    assert_problem(await client.get("/v1/settings", headers=bearer(mint(tenant_a, role))), 403, "forbidden")


async def test_an_admin_changes_every_field_and_reads_them_back_normalised(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine, tenant_a: UUID
) -> None:
    response = await patch(client, admin_a, RULES)

    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"v1"'
    body = response.json()
    assert body["networks"] == ["linkedin", "x"]
    assert body["link_domains"] == [
        {"domain": "xn--bcher-kva.example", "include_subdomains": False},
        {"domain": "acme.example", "include_subdomains": True},
    ]
    assert body["default_language"] == "fr-FR"
    assert (body["version"], body["weekly_content_budget"], body["four_eyes_review"]) == (1, 3, True)
    assert (body["share_daily_limit"], body["click_param"]) == (3, "ref")
    assert (body["attribution_window_days"], body["attribution_model"]) == (14, "linear")
    assert body["updated_at"] is not None
    assert (await client.get("/v1/settings", headers=admin_a)).json() == body
    events = await outbox_events(engine, tenant_a)
    assert events[-1][0] == "settings.updated"
    assert sorted(events[-1][1]["fields"]) == sorted(RULES)


async def test_only_the_fields_sent_change(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    await patch(client, admin_a, RULES)

    response = await patch(client, admin_a, {"weekly_content_budget": 2})

    assert response.json() == (await client.get("/v1/settings", headers=admin_a)).json()
    assert response.json()["weekly_content_budget"] == 2
    assert response.json()["banned_terms"] == ["confidentiel"]
    assert response.json()["version"] == 2


async def test_a_change_that_changes_nothing_keeps_the_version_and_records_nothing(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    await patch(client, admin_a, {"weekly_content_budget": 2})

    async with nothing_written(engine):
        again = await patch(client, admin_a, {"weekly_content_budget": 2, "utm_medium": "employee_advocacy"})

    assert again.status_code == 200
    assert again.headers["ETag"] == '"v1"'


async def test_if_match_guards_against_a_stale_read(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    first = await patch(client, admin_a, {"four_eyes_review": True}, **{"If-Match": '"v0"'})
    assert first.status_code == 200, first.text

    async with nothing_written(engine):
        stale = await patch(client, admin_a, {"weekly_content_budget": 9}, **{"If-Match": '"v0"'})

    assert_problem(stale, 412, "precondition-failed")
    fresh = await patch(client, admin_a, {"weekly_content_budget": 9}, **{"If-Match": first.headers["ETag"]})
    assert fresh.status_code == 200, fresh.text


async def test_simultaneous_first_saves_both_apply(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    changes = [{"weekly_content_budget": 5}, {"four_eyes_review": True}, {"utm_medium": "team"}]

    responses = await asyncio.gather(*(patch(client, admin_a, change) for change in changes))

    assert [response.status_code for response in responses] == [200, 200, 200], [r.text for r in responses]
    final = (await client.get("/v1/settings", headers=admin_a)).json()
    assert (final["weekly_content_budget"], final["four_eyes_review"], final["utm_medium"]) == (5, True, "team")
    assert final["version"] == 3


@pytest.mark.parametrize(
    ("body", "locations"),
    [
        ({"colour": "blue"}, [["body", "colour"]]),
        ({"weekly_content_budget": 0}, [["body", "weekly_content_budget"]]),
        ({"weekly_content_budget": 51}, [["body", "weekly_content_budget"]]),
        ({"weekly_content_budget": None}, [["body", "weekly_content_budget"]]),
        ({"networks": []}, [["body", "networks"]]),
        ({"networks": ["myspace"]}, [["body", "networks", 0]]),
        ({"link_domains": [{"domain": "acme.example", "wildcard": True}]}, [["body", "link_domains", 0, "wildcard"]]),
        ({"disclosures": {"friendster": "#x"}}, [["body", "disclosures", "friendster", "[key]"]]),
        ({"default_language": "not a language"}, [["body", "default_language"]]),
        ({"four_eyes_review": "perhaps"}, [["body", "four_eyes_review"]]),
    ],
)
async def test_an_invalid_field_is_a_problem_at_its_place_and_nothing_is_written(
    client: httpx.AsyncClient,
    admin_a: dict[str, str],
    engine: AsyncEngine,
    body: dict[str, Any],
    locations: list[list[str | int]],
) -> None:
    async with nothing_written(engine):
        response = await patch(client, admin_a, body)

    assert error_locations(assert_problem(response, 422)) == locations


async def test_every_rule_breaking_field_is_listed_in_one_answer(
    client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    body = {
        "link_domains": [{"domain": "acme.example"}, {"domain": "*.acme.example"}, {"domain": "10.0.0.1"}],
        "banned_terms": ["ok", "!!!"],
        "utm_medium": "employee advocacy",
    }

    async with nothing_written(engine):
        response = await patch(client, admin_a, body)

    problem = assert_problem(response, 422, "validation-failed")
    assert error_locations(problem) == [
        ["body", "link_domains", 1, "domain"],
        ["body", "link_domains", 2, "domain"],
        ["body", "banned_terms", 1],
        ["body", "utm_medium"],
    ]
    assert "include_subdomains" in problem["errors"][0]["message"]


@pytest.mark.parametrize("role", ["manager", "moderator", "analyst", "ambassador", "integrator"])
async def test_only_admins_change_the_settings(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, engine: AsyncEngine, role: str
) -> None:
    async with nothing_written(engine):
        response = await patch(client, bearer(mint(tenant_a, role)), {"weekly_content_budget": 2})

    assert_problem(response, 403, "forbidden")


async def test_each_tenant_has_its_own_settings(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    await patch(client, admin_a, RULES)

    theirs = await client.get("/v1/settings", headers=admin_b)

    assert theirs.json() == DEFAULTS
    mine = await patch(client, admin_b, {"weekly_content_budget": 7})
    assert mine.json()["banned_terms"] == []
    assert (await client.get("/v1/settings", headers=admin_a)).json()["weekly_content_budget"] == 3
