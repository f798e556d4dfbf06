"""Webhook endpoints over GraphQL, for admins: the same use cases as REST, typed refusals, tenancy."""

from __future__ import annotations

import httpx

from tests.integration.test_graphql import data_of, gql, node_id

REGISTER = """
mutation ($url: String!) {
  registerWebhookEndpoint(input: {url: $url, eventTypes: ["share.*"], description: "CRM"}) {
    __typename
    ... on IssuedWebhookEndpoint { secret endpoint { id uuid url eventTypes enabled version secrets { expiresAt } } }
    ... on ValidationError { code message fieldErrors { path message } }
  }
}"""
READ = """
query ($id: ID!) {
  webhookEndpoints(first: 10) { edges { node { uuid } } }
  webhookEndpoint(id: $id) { uuid enabled disabledReason }
  webhookDeliveries(id: $id, first: 10) { edges { node { uuid eventType state attempts log { statusCode } } } }
}"""
CHANGE = """
mutation ($id: ID!, $version: Int) {
  updateWebhookEndpoint(id: $id, input: {enabled: false}, expectedVersion: $version) {
    __typename
    ... on WebhookEndpoint { enabled disabledReason version }
  }
  pingWebhookEndpoint(id: $id) { __typename ... on WebhookDelivery { eventType state } }
}"""


async def test_admins_register_read_change_and_ping_endpoints(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    registered = (await data_of(client, REGISTER, admin_a, url="http://localhost:9/hooks"))["registerWebhookEndpoint"]
    assert registered["__typename"] == "IssuedWebhookEndpoint"
    assert registered["secret"].startswith("whsec_")
    endpoint = registered["endpoint"]
    changed = await data_of(client, CHANGE, admin_a, id=endpoint["id"], version=endpoint["version"])
    assert changed["updateWebhookEndpoint"] == {
        "__typename": "WebhookEndpoint",
        "enabled": False,
        "disabledReason": "ADMIN",
        "version": 2,
    }
    assert changed["pingWebhookEndpoint"] == {
        "__typename": "WebhookDelivery",
        "eventType": "webhook_endpoint.pinged",
        "state": "PENDING",
    }
    stale = await data_of(client, CHANGE, admin_a, id=endpoint["id"], version=1)
    assert stale["updateWebhookEndpoint"]["__typename"] == "PreconditionFailedError"
    read = await data_of(client, READ, admin_a, id=endpoint["id"])
    assert [edge["node"]["uuid"] for edge in read["webhookEndpoints"]["edges"]] == [endpoint["uuid"]]
    assert read["webhookEndpoint"] == {"uuid": endpoint["uuid"], "enabled": False, "disabledReason": "ADMIN"}
    pings = [edge["node"] for edge in read["webhookDeliveries"]["edges"]]  # one a CHANGE sent
    assert [(ping["eventType"], ping["attempts"], ping["log"]) for ping in pings] == [
        ("webhook_endpoint.pinged", 0, [])
    ] * 2
    assert registered["secret"] not in str(read)


async def test_an_internal_address_is_a_typed_refusal(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    refused = (await data_of(client, REGISTER, admin_a, url="https://169.254.169.254/latest"))[
        "registerWebhookEndpoint"
    ]
    assert (refused["__typename"], refused["code"]) == ("ValidationError", "webhook-url-refused")
    assert "169.254.169.254" in refused["fieldErrors"][0]["message"]
    assert refused["fieldErrors"][0]["path"][-1] == "url"


async def test_another_organisation_reads_null_and_changes_nothing(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    endpoint = (await data_of(client, REGISTER, admin_a, url="http://localhost:9/hooks"))["registerWebhookEndpoint"][
        "endpoint"
    ]
    body = await gql(client, READ, admin_b, id=endpoint["id"])
    assert body["data"] is None or body["data"].get("webhookEndpoint") is None
    changed = await data_of(client, CHANGE, admin_b, id=endpoint["id"], version=None)
    assert changed["updateWebhookEndpoint"]["__typename"] == "NotFoundError"
    assert changed["pingWebhookEndpoint"]["__typename"] == "NotFoundError"
    assert (await data_of(client, READ, admin_a, id=node_id("WebhookEndpoint", endpoint["uuid"])))["webhookEndpoint"][
        "enabled"
    ]
