"""Relay object identification: every node by its global id through `node` and `nodes`, for its own
organisation only; ids that are not ids get a coded error; pages report where they stand."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest

from tests.integration.conftest import Mint
from tests.integration.content_helpers import create_campaign, staff
from tests.integration.helpers import create_employee
from tests.integration.share_helpers import Sharing, new_share, published, sharing_programme
from tests.integration.test_graphql import data_of, gql, node_id

NODE = "query ($id: ID!) { node(id: $id) { __typename id ... on Employee { uuid } ... on Ambassador { uuid } ... on SocialAccount { uuid } ... on CharterVersion { uuid } ... on Content { uuid } ... on Campaign { uuid } ... on Share { uuid } ... on Conversion { uuid } } }"  # noqa: E501
NODES = "query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"
RECORD = """mutation ($input: RecordConversionInput!) {
  recordConversion(input: $input) { ... on RecordedConversion { conversion { id } } }
}"""


@dataclass(frozen=True, slots=True)
class World:
    """One of each node type in tenant A: ids by type name, and who may read which."""

    sharing: Sharing
    ids: dict[str, str]


@pytest.fixture
async def world(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> World:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    me = await data_of(
        client,
        "{ me { employee { id } ambassador { id } socialAccounts { id } } charter { id } }",
        sharing.member,
    )
    share = await new_share(client, sharing)
    campaign = await create_campaign(client, sharing.setup.manager, "spring")
    report = {"type": "LEAD", "externalId": "crm-1", "occurredAt": "2026-05-04T10:00:00Z"}
    integrator = staff(mint, tenant_a, "integrator")
    conversion = (await data_of(client, RECORD, integrator, input=report))["recordConversion"]["conversion"]
    return World(
        sharing,
        {
            "Employee": me["me"]["employee"]["id"],
            "Ambassador": me["me"]["ambassador"]["id"],
            "SocialAccount": me["me"]["socialAccounts"][0]["id"],
            "CharterVersion": me["charter"]["id"],
            "Content": node_id("Content", await published(client, sharing)),
            "Campaign": node_id("Campaign", campaign["id"]),
            "Share": node_id("Share", share["id"]),
            "Conversion": conversion["id"],
        },
    )


def reader_of(world: World, type_name: str) -> dict[str, str]:
    """Social accounts are their owner's alone; staff read everything else."""
    return world.sharing.member if type_name == "SocialAccount" else world.sharing.setup.admin


async def test_every_node_type_is_read_back_by_its_id(client: httpx.AsyncClient, world: World) -> None:
    for type_name, global_id in world.ids.items():
        found = (await data_of(client, NODE, reader_of(world, type_name), id=global_id))["node"]
        assert (found["__typename"], found["id"]) == (type_name, global_id)
        # The id is Relay's opaque form of the REST id, which `uuid` gives as such.
        assert base64.b64decode(global_id).decode() == f"{type_name}:{found['uuid']}"


async def test_another_organisation_reads_every_node_as_missing(
    client: httpx.AsyncClient, world: World, admin_b: dict[str, str]
) -> None:
    await create_employee(client, admin_b)
    ids = list(world.ids.values())
    for global_id in ids:
        assert (await data_of(client, NODE, admin_b, id=global_id))["node"] is None
    assert (await data_of(client, NODES, admin_b, ids=ids))["nodes"] == [None] * len(ids)
    # What is missing in tenant A too reads the same: null, not an error.
    assert (await data_of(client, NODE, world.sharing.setup.admin, id=node_id("Employee", str(uuid4()))))[
        "node"
    ] is None


async def test_nodes_come_back_in_the_order_asked_each_error_at_its_position(
    client: httpx.AsyncClient, world: World
) -> None:
    ids = [world.ids["Content"], "not-an-id", world.ids["Employee"], node_id("Share", str(uuid4()))]
    body = await gql(client, NODES, world.sharing.setup.admin, ids=ids)

    assert body["data"]["nodes"] == [
        {"__typename": "Content", "id": world.ids["Content"]},
        None,
        {"__typename": "Employee", "id": world.ids["Employee"]},
        None,
    ]
    [error] = body["errors"]
    assert error["path"] == ["nodes", 1]
    assert error["extensions"]["code"] == "validation-failed"
    assert error["extensions"]["fieldErrors"] == [{"path": ["ids", "1"], "message": "Not the id of an object."}]


async def test_an_id_refused_by_the_readers_roles_is_forbidden_at_its_position(
    client: httpx.AsyncClient, world: World
) -> None:
    body = await gql(client, NODES, world.sharing.member, ids=[world.ids["SocialAccount"], world.ids["Conversion"]])
    assert body["data"]["nodes"][0] == {"__typename": "SocialAccount", "id": world.ids["SocialAccount"]}
    assert body["data"]["nodes"][1] is None
    [error] = body["errors"]
    assert (error["path"], error["extensions"]["code"]) == (["nodes", 1], "forbidden")


def encoded(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


BAD_IDS = {
    "not base64": "%%%",
    "a REST id": "0190a6f0-0000-7000-8000-000000000000",
    "no type": encoded("0190a6f0-0000-7000-8000-000000000000"),
    "an unknown type": encoded("Query:0190a6f0-0000-7000-8000-000000000000"),
    "not a uuid": encoded("Employee:42"),
    "empty": "",
}


@pytest.mark.parametrize("bad", BAD_IDS.values(), ids=BAD_IDS.keys())
async def test_an_id_that_is_not_one_is_a_coded_error_naming_the_argument(
    client: httpx.AsyncClient, admin_a: dict[str, str], bad: str
) -> None:
    for query, where in (
        ("query ($id: ID!) { node(id: $id) { id } }", ["id"]),
        ("query ($id: ID!) { employee(id: $id) { id } }", ["id"]),
        ("query ($id: ID!) { contents(campaignId: $id) { edges { cursor } } }", ["campaignId"]),
    ):
        body = await gql(client, query, admin_a, id=bad)
        [error] = body["errors"]
        assert error["extensions"]["code"] == "validation-failed"
        assert [item["path"] for item in error["extensions"]["fieldErrors"]] == [where]
        assert error["message"].startswith("An id is not the id of")
        assert "Error" not in error["message"]
        assert "base64" not in error["message"].lower()


async def test_another_types_id_is_refused_where_an_id_of_one_type_is_expected(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = world.sharing.setup.admin
    employee = await gql(client, "query ($id: ID!) { content(id: $id) { id } }", admin, id=world.ids["Employee"])
    assert employee["errors"][0]["extensions"]["fieldErrors"] == [
        {"path": ["id"], "message": "Not the id of a Content."}
    ]

    invite = """mutation ($id: ID!) { inviteAmbassador(employeeId: $id) {
        __typename ... on ValidationError { code fieldErrors { path message } } } }"""
    typed = (await data_of(client, invite, admin, id=world.ids["Content"]))["inviteAmbassador"]
    assert typed == {
        "__typename": "ValidationError",
        "code": "validation-failed",
        "fieldErrors": [{"path": ["employeeId"], "message": "Not the id of an Employee."}],
    }


PAGE = """query ($after: String) { employees(first: 2, after: $after) {
  edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""


async def test_page_info_tells_where_each_page_starts_and_ends(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    for _ in range(3):
        await create_employee(client, admin_a)

    first = (await data_of(client, PAGE, admin_a))["employees"]
    second = (await data_of(client, PAGE, admin_a, after=first["pageInfo"]["endCursor"]))["employees"]
    empty = (await data_of(client, PAGE, admin_b))["employees"]

    assert first["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": first["edges"][0]["cursor"],
        "endCursor": first["edges"][1]["cursor"],
    }
    assert second["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": True,
        "startCursor": second["edges"][0]["cursor"],
        "endCursor": second["edges"][0]["cursor"],
    }
    assert empty == {
        "edges": [],
        "pageInfo": {"hasNextPage": False, "hasPreviousPage": False, "startCursor": None, "endCursor": None},
    }


async def test_reading_2_or_20_employees_through_nodes_costs_the_same_statements(
    client: httpx.AsyncClient, admin_a: dict[str, str], count_statements: Callable[[], Any]
) -> None:
    ids = [node_id("Employee", (await create_employee(client, admin_a))["id"]) for _ in range(20)]

    async def statements_to_read(wanted: list[str]) -> int:
        with count_statements() as counter:
            found = await data_of(client, "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", admin_a, ids=wanted)
        assert [node["id"] for node in found["nodes"]] == wanted
        return int(counter.count)

    assert await statements_to_read(ids[:2]) == await statements_to_read(ids) == 1


async def test_more_than_100_ids_at_once_are_refused(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    ids = [node_id("Employee", str(uuid4())) for _ in range(101)]
    body = await gql(client, NODES, admin_a, ids=ids)
    assert body["errors"][0]["extensions"]["code"] == "validation-failed"
    assert body["errors"][0]["extensions"]["fieldErrors"][0]["path"] == ["ids"]
