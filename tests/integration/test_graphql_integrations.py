"""Integrations over GraphQL, for admins: the same use cases as REST, connections, no secret, tenancy."""

from __future__ import annotations

import httpx

from tests.integration.integration_helpers import deliver, event, register_hris
from tests.integration.test_graphql import data_of, gql, node_id

ADA = {"external_id": "HR-1", "email": "ada@acme.example", "given_name": "Ada", "family_name": "Lovelace"}
READ = """
query ($id: ID!, $first: Int!) {
  integrations(first: 10) { edges { node { id uuid kind name key ownedFields } } pageInfo { hasNextPage } }
  integration(id: $id) { uuid name credentials { issuedAt expiresAt } }
  integrationDeliveries(id: $id, first: $first) {
    edges { node { uuid webhookId eventType externalId outcome reason } }
    pageInfo { hasNextPage endCursor }
  }
}"""


async def test_admins_read_integrations_and_their_deliveries_newest_first(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    hris = await register_hris(client, admin_a)
    hired = event("hired", "2026-03-02T08:00:00Z", **ADA)
    await deliver(client, hris, hired, webhook_id="msg_1")
    await deliver(client, hris, hired, webhook_id="msg_1")

    data = await data_of(client, READ, admin_a, id=node_id("Integration", hris["id"]), first=1)

    [listed] = [edge["node"] for edge in data["integrations"]["edges"]]
    assert (listed["uuid"], listed["kind"], listed["key"]) == (hris["id"], "HRIS_WEBHOOK", "EXTERNAL_ID")
    [credential] = data["integration"]["credentials"]
    assert credential["expiresAt"] is None
    deliveries = data["integrationDeliveries"]
    assert [edge["node"]["outcome"] for edge in deliveries["edges"]] == ["DUPLICATE"]
    assert deliveries["pageInfo"]["hasNextPage"] is True
    assert hris["credential"] not in str(data)


async def test_another_organisation_reads_null_and_no_deliveries(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    hris = await register_hris(client, admin_a)

    body = await gql(client, READ, admin_b, id=node_id("Integration", hris["id"]), first=1)

    assert body["data"] is None or body["data"].get("integration") is None
    assert [error["extensions"]["code"] for error in body["errors"]] == ["not-found"]


async def test_node_reads_an_integration_of_ones_own_organisation(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    hris = await register_hris(client, admin_a)

    data = await data_of(
        client,
        "query ($id: ID!) { node(id: $id) { ... on Integration { uuid name } } }",
        admin_a,
        id=node_id("Integration", hris["id"]),
    )

    assert data["node"] == {"uuid": hris["id"], "name": "Workday"}
