"""Conversions over REST on PostgreSQL: attribution from real click rows, replays, conflicts,
concurrent reports, roles, filters, and the statements a report costs."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.conversion_helpers import Programme, conversion_rows, insert_click, insert_share, programme
from tests.integration.helpers import assert_problem, error_locations, nothing_written, outbox_events

LEAD_AT = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


@pytest.fixture
async def acme(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Programme:
    return await programme(client, mint, tenant_a, admin_a)


def lead(external_id: str = "crm-1", **fields: Any) -> dict[str, Any]:
    return {"type": "lead", "external_id": external_id, "occurred_at": LEAD_AT.isoformat()} | fields


async def report(client: httpx.AsyncClient, acme: Programme, body: dict[str, Any]) -> httpx.Response:
    return await client.post("/v1/conversions", json=body, headers=acme.integrator)


async def conversion_events(engine: AsyncEngine, acme: Programme) -> list[tuple[str, dict[str, Any]]]:
    return [(type_, data) for type_, data in await outbox_events(engine, acme.tenant_id) if type_.startswith("conv")]


async def test_a_lead_with_a_click_reference_is_credited_to_the_ambassador_content_and_campaign(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme
) -> None:
    share = await insert_share(engine, acme, LEAD_AT - timedelta(days=3))
    ref = await insert_click(engine, acme, share, LEAD_AT - timedelta(days=2))

    response = await report(client, acme, lead(click_ref=ref, value_minor=0, currency="eur"))

    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == f"/v1/conversions/{body['id']}"
    assert (
        body["attributed"],
        body["unattributed_reason"],
        body["attribution_model"],
        body["attribution_window_days"],
    ) == (
        True,
        None,
        "last_touch",
        30,
    )
    assert body["credits"] == [
        {
            "share_id": str(share.id),
            "ambassador_id": str(acme.ambassador_id),
            "content_id": str(acme.content_id),
            "campaign_id": str(acme.campaign_id),
            "weight": "1/1",
        }
    ]
    assert (body["click_refs"], body["currency"]) == ([ref], "EUR")
    read = await client.get(f"/v1/conversions/{body['id']}", headers=acme.admin)
    assert read.json() == body
    events = await conversion_events(engine, acme)
    assert [type_ for type_, _ in events] == ["conversion.recorded", "conversion.attributed"]
    assert events[1][1]["credits"] == body["credits"]
    assert events[1][1]["conversion_id"] == body["id"]


@pytest.mark.parametrize(
    ("kind", "is_self", "before", "reason"),
    [
        ("bot", False, timedelta(days=1), "bot_or_self_click"),
        ("head", False, timedelta(days=1), "bot_or_self_click"),
        ("prefetch", False, timedelta(days=1), "bot_or_self_click"),
        ("counted", True, timedelta(days=1), "bot_or_self_click"),
        ("counted", False, timedelta(days=30, seconds=1), "outside_window"),
        ("counted", False, -timedelta(seconds=1), "after_conversion"),
    ],
    ids=["bot", "head", "prefetch", "self", "after-the-window", "after-the-conversion"],
)
async def test_a_click_that_earns_nothing_leaves_the_lead_unattributed_with_the_reason(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    acme: Programme,
    kind: str,
    is_self: bool,
    before: timedelta,
    reason: str,
) -> None:
    share = await insert_share(engine, acme, LEAD_AT - timedelta(days=40))
    ref = await insert_click(engine, acme, share, LEAD_AT - before, kind, is_self=is_self)

    response = await report(client, acme, lead(click_ref=ref))

    assert response.status_code == 201, response.text
    assert (response.json()["attributed"], response.json()["unattributed_reason"]) == (False, reason)
    assert response.json()["credits"] == []
    assert await conversion_rows(engine) == (1, 0)
    assert [type_ for type_, _ in await conversion_events(engine, acme)] == ["conversion.recorded"]


async def test_a_click_exactly_a_window_before_still_counts(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme
) -> None:
    share = await insert_share(engine, acme, LEAD_AT - timedelta(days=40))
    ref = await insert_click(engine, acme, share, LEAD_AT - timedelta(days=30))

    response = await report(client, acme, lead(click_ref=ref))

    assert response.json()["attributed"] is True


async def test_linear_splits_the_credit_in_exact_fractions(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme
) -> None:
    patched = await client.patch("/v1/settings", json={"attribution_model": "linear"}, headers=acme.admin)
    assert patched.status_code == 200, patched.text
    twice = await insert_share(engine, acme, LEAD_AT - timedelta(days=9))
    once = await insert_share(engine, acme, LEAD_AT - timedelta(days=8), with_campaign=False)
    refs = [
        await insert_click(engine, acme, twice, LEAD_AT - timedelta(days=3)),
        await insert_click(engine, acme, once, LEAD_AT - timedelta(days=2)),
        await insert_click(engine, acme, twice, LEAD_AT - timedelta(days=1)),
    ]

    response = await report(client, acme, lead(click_refs=refs))

    body = response.json()
    assert body["attribution_model"] == "linear"
    assert {c["share_id"]: (c["weight"], c["campaign_id"]) for c in body["credits"]} == {
        str(twice.id): ("2/3", str(acme.campaign_id)),
        str(once.id): ("1/3", None),
    }
    assert await conversion_rows(engine) == (1, 2)


async def test_a_link_code_credits_its_share(client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme) -> None:
    share = await insert_share(engine, acme, LEAD_AT - timedelta(days=3))

    response = await report(client, acme, lead(link_code=share.code))

    assert [credit["share_id"] for credit in response.json()["credits"]] == [str(share.id)]


async def test_another_organisations_click_is_an_unknown_reference(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    acme: Programme,
    tenant_b: UUID,
    admin_b: dict[str, str],
) -> None:
    globex = await programme(client, mint, tenant_b, admin_b, name="Kim")
    theirs = await insert_click(
        engine, globex, await insert_share(engine, globex, LEAD_AT - timedelta(days=2)), LEAD_AT - timedelta(days=1)
    )
    their_share = await insert_share(engine, globex, LEAD_AT - timedelta(days=2))

    by_click = await report(client, acme, lead("crm-1", click_ref=theirs))
    by_code = await report(client, acme, lead("crm-2", link_code=their_share.code))

    for response in (by_click, by_code):
        assert (response.json()["attributed"], response.json()["unattributed_reason"]) == (False, "unknown_reference")


async def test_the_same_report_again_answers_200_with_the_stored_conversion(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme
) -> None:
    share = await insert_share(engine, acme, LEAD_AT - timedelta(days=3))
    ref = await insert_click(engine, acme, share, LEAD_AT - timedelta(days=2))
    first = await report(client, acme, lead(click_ref=ref, metadata={"form": "contact"}))

    async with nothing_written(engine):
        again = await report(
            client,
            acme,
            lead(click_refs=[ref], metadata={"form": "contact"}, occurred_at="2026-05-04T12:00:00+02:00"),
        )

    assert again.status_code == 200, again.text
    assert again.json() == first.json()
    assert again.headers["Location"] == first.headers["Location"]
    assert await conversion_rows(engine) == (1, 1)


async def test_another_payload_under_the_same_key_is_a_conflict_and_writes_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme
) -> None:
    await report(client, acme, lead(value_minor=100, currency="EUR"))

    async with nothing_written(engine):
        response = await report(client, acme, lead(value_minor=200, currency="EUR"))

    problem = assert_problem(response, 409, "conversion-conflict")
    assert "crm-1" in problem["detail"]
    assert await conversion_rows(engine) == (1, 0)


async def test_concurrent_identical_reports_store_one_conversion_and_all_succeed(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme
) -> None:
    share = await insert_share(engine, acme, LEAD_AT - timedelta(days=3))
    ref = await insert_click(engine, acme, share, LEAD_AT - timedelta(days=2))

    responses = await asyncio.gather(*[report(client, acme, lead(click_ref=ref)) for _ in range(6)])

    assert sorted(r.status_code for r in responses) == [200, 200, 200, 200, 200, 201], [r.text for r in responses]
    assert len({r.json()["id"] for r in responses}) == 1
    assert await conversion_rows(engine) == (1, 1)
    assert [type_ for type_, _ in await conversion_events(engine, acme)] == [
        "conversion.recorded",
        "conversion.attributed",
    ]


async def test_concurrent_conflicting_reports_store_one_and_refuse_the_others(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme
) -> None:
    bodies = [lead(value_minor=value, currency="EUR") for value in range(5)]

    responses = await asyncio.gather(*[report(client, acme, body) for body in bodies])

    assert sorted(r.status_code for r in responses) == [201, 409, 409, 409, 409], [r.text for r in responses]
    assert await conversion_rows(engine) == (1, 0)


@pytest.mark.parametrize(
    ("body", "locations"),
    [
        (lead(click_ref="a", link_code="Ab3dE5gH"), [["body", "click_ref"], ["body", "link_code"]]),
        (lead(click_ref="a", click_refs=["b"]), [["body", "click_ref"], ["body", "click_refs"]]),
        (lead(click_refs=[]), [["body", "click_refs"]]),
        (lead(value_minor=100), [["body", "currency"]]),
        (lead(value_minor=10**20, currency="EUR"), [["body", "value_minor"]]),
        (lead(metadata={"blob": "x" * 9000}), [["body", "metadata"]]),
        (lead(metadata={"note": "a\x00b"}), [["body", "metadata"]]),
        (lead(occurred_at="2026-05-04T10:00:00"), [["body", "occurred_at"]]),
        (lead(type="refund"), [["body", "type"]]),
        (lead(clickref="a"), [["body", "clickref"]]),
    ],
    ids=[
        "click-and-link",
        "click-and-clicks",
        "no-clicks",
        "value-alone",
        "value-too-large",
        "metadata-too-big",
        "nul-in-metadata",
        "naive",
        "type",
        "typo",
    ],
)
async def test_an_invalid_report_is_refused_naming_the_fields_and_writes_nothing(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    acme: Programme,
    body: dict[str, Any],
    locations: list[list[str]],
) -> None:
    async with nothing_written(engine):
        response = await report(client, acme, body)

    problem = assert_problem(response, 422, "validation-failed")
    assert error_locations(problem) == locations
    assert await conversion_rows(engine) == (0, 0)


@pytest.mark.parametrize("role", ["manager", "analyst", "moderator", "ambassador"])
async def test_only_integrators_and_admins_report_conversions(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, acme: Programme, role: str
) -> None:
    async with nothing_written(engine):
        response = await client.post("/v1/conversions", json=lead(), headers=bearer(mint(acme.tenant_id, role)))
    assert_problem(response, 403, "forbidden")
    assert await conversion_rows(engine) == (0, 0)


async def test_an_admin_may_report_a_conversion(client: httpx.AsyncClient, acme: Programme) -> None:
    response = await client.post("/v1/conversions", json=lead(), headers=acme.admin)
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(("role", "status"), [("analyst", 200), ("integrator", 200), ("ambassador", 403)])
async def test_who_reads_conversions(
    client: httpx.AsyncClient, mint: Mint, acme: Programme, role: str, status: int
) -> None:
    created = (await report(client, acme, lead())).json()
    headers = bearer(mint(acme.tenant_id, role))

    listed = await client.get("/v1/conversions", headers=headers)
    read = await client.get(f"/v1/conversions/{created['id']}", headers=headers)

    assert (listed.status_code, read.status_code) == (status, status)


async def test_the_list_filters_by_type_campaign_ambassador_attribution_and_period(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme
) -> None:
    campaign_share = await insert_share(engine, acme, LEAD_AT - timedelta(days=5))
    plain_share = await insert_share(engine, acme, LEAD_AT - timedelta(days=5), with_campaign=False)
    bodies = [
        lead("crm-1", click_ref=await insert_click(engine, acme, campaign_share, LEAD_AT - timedelta(days=1))),
        lead("crm-2", type="hire", link_code=plain_share.code),
        lead("crm-3", occurred_at=(LEAD_AT - timedelta(days=10)).isoformat()),
    ]
    ids = [(await report(client, acme, body)).json()["id"] for body in bodies]

    async def listed(**query: Any) -> list[str]:
        response = await client.get("/v1/conversions", params=query, headers=acme.admin)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert await listed() == ids
    assert await listed(type="hire") == [ids[1]]
    assert await listed(campaign_id=str(acme.campaign_id)) == [ids[0]]
    assert await listed(ambassador_id=str(acme.ambassador_id)) == ids[:2]
    assert await listed(attributed="false") == [ids[2]]
    assert await listed(occurred_from=(LEAD_AT - timedelta(days=1)).isoformat()) == ids[:2]
    assert await listed(occurred_to=LEAD_AT.isoformat()) == [ids[2]]
    first = await client.get("/v1/conversions", params={"limit": 2}, headers=acme.admin)
    rest = await client.get(
        "/v1/conversions", params={"limit": 2, "cursor": first.json()["next_cursor"]}, headers=acme.admin
    )
    assert [item["id"] for item in first.json()["items"] + rest.json()["items"]] == ids
    assert rest.json()["next_cursor"] is None


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ({"occurred_from": "2026-05-04T10:00:00Z", "occurred_to": "2026-05-04T10:00:00Z"}, ["query", "occurred_to"]),
        ({"occurred_from": "2026-05-04T10:00:00"}, ["query", "occurred_from"]),
        ({"type": "refund"}, ["query", "type"]),
    ],
    ids=["empty-period", "naive", "unknown-type"],
)
async def test_a_bad_filter_is_refused_naming_it(
    client: httpx.AsyncClient, acme: Programme, query: dict[str, str], location: list[str]
) -> None:
    response = await client.get("/v1/conversions", params=query, headers=acme.admin)
    assert error_locations(assert_problem(response, 422, "validation-failed")) == [location]


async def test_a_report_takes_four_statements_whatever_its_credits(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme, count_statements: Any
) -> None:
    await client.patch("/v1/settings", json={"attribution_model": "linear"}, headers=acme.admin)
    shares = [await insert_share(engine, acme, LEAD_AT - timedelta(days=5)) for _ in range(3)]
    refs = [await insert_click(engine, acme, share, LEAD_AT - timedelta(days=1)) for share in shares]

    with count_statements() as one_credit:
        await report(client, acme, lead("crm-1", click_ref=refs[0]))
    with count_statements() as three_credits:
        response = await report(client, acme, lead("crm-2", click_refs=refs))
    with count_statements() as replay:
        await report(client, acme, lead("crm-2", click_refs=refs))

    assert len(response.json()["credits"]) == 3
    # Settings, the clicks with their shares, the conversion with its credits, the outbox.
    assert (one_credit.count, three_credits.count, replay.count) == (4, 4, 4), three_credits.statements
