"""Conversions over GraphQL: the same use cases as REST, typed failures, credits in every read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.conversion_helpers import Programme, conversion_rows, insert_click, insert_share, programme
from tests.integration.helpers import nothing_written
from tests.integration.test_graphql import Json, data_of, gql, node_id

LEAD_AT = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
FIELDS = """
  id uuid type externalId occurredAt valueMinor currency metadata clickRefs linkCode attributed unattributedReason
  attributionModel attributionWindowDays recordedAt credits { shareId ambassadorId contentId campaignId weight }
"""
RECORD = (
    """
mutation ($input: RecordConversionInput!) {
  recordConversion(input: $input) {
    __typename
    ... on RecordedConversion { created conversion { """
    + FIELDS
    + """ } }
    ... on ValidationError { fieldErrors { path message } }
    ... on ConversionConflictError { conversionType externalId }
    ... on Error { code message }
  }
}"""
)
LIST = (
    """
query ($first: Int!, $after: String, $type: ConversionType, $campaignId: ID, $ambassadorId: ID,
       $attributed: Boolean, $from: DateTime, $to: DateTime) {
  conversions(first: $first, after: $after, type: $type, campaignId: $campaignId, ambassadorId: $ambassadorId,
              attributed: $attributed, occurredFrom: $from, occurredTo: $to) {
    edges { cursor node { """
    + FIELDS
    + """ } }
    pageInfo { hasNextPage endCursor }
  }
}"""
)
ONE = "query ($id: ID!) { conversion(id: $id) { " + FIELDS + " } }"


@pytest.fixture
async def acme(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Programme:
    return await programme(client, mint, tenant_a, admin_a)


def lead(external_id: str = "crm-1", **fields: Any) -> Json:
    return {"type": "LEAD", "externalId": external_id, "occurredAt": LEAD_AT.isoformat()} | fields


async def record(client: httpx.AsyncClient, acme: Programme, conversion: Json, headers: Any = None) -> Json:
    data = await data_of(client, RECORD, headers or acme.integrator, input=conversion)
    result: Json = data["recordConversion"]
    return result


async def test_a_lead_with_a_click_reference_is_credited_and_reads_as_rest_reads_it(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme
) -> None:
    share = await insert_share(engine, acme, LEAD_AT - timedelta(days=3))
    ref = await insert_click(engine, acme, share, LEAD_AT - timedelta(days=1))

    result = await record(
        client, acme, lead(clickRef=ref, valueMinor=10**12, currency="EUR", metadata={"form": "contact"})
    )

    assert (result["__typename"], result["created"]) == ("RecordedConversion", True)
    node = result["conversion"]
    assert node["credits"] == [
        {
            "shareId": node_id("Share", str(share.id)),
            "ambassadorId": node_id("Ambassador", str(acme.ambassador_id)),
            "contentId": node_id("Content", str(acme.content_id)),
            "campaignId": node_id("Campaign", str(acme.campaign_id)),
            "weight": "1/1",
        }
    ]
    assert (node["valueMinor"], node["metadata"], node["attributionModel"]) == (
        10**12,
        {"form": "contact"},
        "LAST_TOUCH",
    )
    rest = (await client.get(f"/v1/conversions/{node['uuid']}", headers=acme.admin)).json()
    assert (rest["value_minor"], rest["credits"][0]["share_id"], rest["attribution_window_days"]) == (
        10**12,
        str(share.id),
        node["attributionWindowDays"],
    )
    assert (await data_of(client, ONE, acme.admin, id=node["id"]))["conversion"] == node


async def test_a_bot_click_leaves_the_lead_unattributed(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme
) -> None:
    share = await insert_share(engine, acme, LEAD_AT - timedelta(days=3))
    ref = await insert_click(engine, acme, share, LEAD_AT - timedelta(days=1), "bot")

    node = (await record(client, acme, lead(clickRefs=[ref])))["conversion"]

    assert (node["attributed"], node["unattributedReason"], node["credits"]) == (False, "BOT_OR_SELF_CLICK", [])


async def test_a_replay_is_not_created_again_and_a_conflict_is_typed_and_writes_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme
) -> None:
    first = await record(client, acme, lead(valueMinor=100, currency="EUR"))

    async with nothing_written(engine):
        again = await record(client, acme, lead(valueMinor=100, currency="eur"))
        conflict = await record(client, acme, lead(valueMinor=200, currency="EUR"))

    assert (again["created"], again["conversion"]) == (False, first["conversion"])
    assert conflict["__typename"] == "ConversionConflictError"
    assert (conflict["code"], conflict["conversionType"], conflict["externalId"]) == (
        "conversion-conflict",
        "LEAD",
        "crm-1",
    )


@pytest.mark.parametrize(
    ("conversion", "paths"),
    [
        (lead(clickRef="a", linkCode="Ab3dE5gH"), [["clickRef"], ["linkCode"]]),
        (lead(clickRefs=["a", " "]), [["clickRefs", "1"]]),
        (lead(valueMinor=5), [["currency"]]),
        (lead(occurredAt="2026-05-04T10:00:00"), [["occurredAt"]]),
        (lead(metadata=[1, 2]), [["metadata"]]),
    ],
    ids=["click-and-link", "blank-click", "value-alone", "naive", "metadata-not-an-object"],
)
async def test_an_invalid_report_is_a_validation_error_naming_the_fields(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme, conversion: Json, paths: list[list[str]]
) -> None:
    async with nothing_written(engine):
        result = await record(client, acme, conversion)

    assert result["__typename"] == "ValidationError"
    assert [error["path"] for error in result["fieldErrors"]] == paths
    assert await conversion_rows(engine) == (0, 0)


async def test_a_manager_may_not_report_a_conversion(client: httpx.AsyncClient, mint: Mint, acme: Programme) -> None:
    result = await record(client, acme, lead(), bearer(mint(acme.tenant_id, "manager")))
    assert (result["__typename"], result["code"]) == ("ForbiddenError", "forbidden")


async def test_the_connection_filters_and_pages_with_credits(
    client: httpx.AsyncClient, engine: AsyncEngine, acme: Programme, count_statements: Any
) -> None:
    share = await insert_share(engine, acme, LEAD_AT - timedelta(days=3))
    ids = [
        (await record(client, acme, lead(f"crm-{n}", clickRef=await insert_click(engine, acme, share, LEAD_AT))))[
            "conversion"
        ]["id"]
        for n in range(3)
    ]
    ids.append((await record(client, acme, lead("crm-9", type="HIRE")))["conversion"]["id"])

    with count_statements() as reading:
        page = (await data_of(client, LIST, acme.admin, first=2))["conversions"]
    rest = (await data_of(client, LIST, acme.admin, first=2, after=page["pageInfo"]["endCursor"]))["conversions"]

    assert [edge["node"]["id"] for edge in page["edges"] + rest["edges"]] == ids
    assert all(len(edge["node"]["credits"]) == 1 for edge in page["edges"])
    assert (page["pageInfo"]["hasNextPage"], rest["pageInfo"]["hasNextPage"]) == (True, False)
    assert reading.count == 1
    by_campaign = await data_of(
        client, LIST, acme.admin, first=10, campaignId=node_id("Campaign", str(acme.campaign_id))
    )
    hires = await data_of(client, LIST, acme.admin, first=10, type="HIRE", attributed=False)
    assert [edge["node"]["id"] for edge in by_campaign["conversions"]["edges"]] == ids[:3]
    assert [edge["node"]["id"] for edge in hires["conversions"]["edges"]] == ids[3:]


async def test_another_organisations_conversion_reads_as_null(
    client: httpx.AsyncClient, mint: Mint, acme: Programme, tenant_b: UUID, admin_b: dict[str, str]
) -> None:
    globex = await programme(client, mint, tenant_b, admin_b, name="Kim")
    theirs = (await record(client, globex, lead()))["conversion"]["id"]

    assert (await data_of(client, ONE, acme.admin, id=theirs))["conversion"] is None
    listed = await data_of(client, LIST, acme.admin, first=10)
    assert listed["conversions"]["edges"] == []


async def test_an_ambassador_may_not_list_conversions(client: httpx.AsyncClient, mint: Mint, acme: Programme) -> None:
    body = await gql(client, LIST, bearer(mint(acme.tenant_id, "ambassador")), first=10)
    assert body["errors"][0]["extensions"]["code"] == "forbidden"
