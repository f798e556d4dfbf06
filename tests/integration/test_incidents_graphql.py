"""Incidents over GraphQL, for moderators and admins: the same use cases as REST, typed refusals, the
ambassador kept away from the file, and other organisations' shares and incidents out of reach."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.helpers import nothing_written
from tests.integration.incidents_helpers import Flagged, posted_share
from tests.integration.test_graphql import data_of, gql, node_id

REPORT = """
mutation ($share: ID) {
  reportIncident(input: {summary: "Speaks for the company.", severity: MINOR, shareId: $share}) {
    __typename
    ... on Incident { id uuid status version ambassadorId exposure { estimatedReach clicks } }
    ... on NotFoundError { code resource }
    ... on ForbiddenError { code }
  }
}"""
ACT = """
mutation ($id: ID!, $input: IncidentActionInput!, $version: Int) {
  actOnIncident(id: $id, input: $input, expectedVersion: $version) {
    __typename
    ... on Incident { status version timeline { kind author message outcome } resolution { outcome } }
    ... on IncidentResolvedError { code message }
    ... on IncidentSubjectMissingError { code subject }
    ... on PreconditionFailedError { code }
    ... on ValidationError { code fieldErrors { path } }
  }
}"""
READ = """
query ($id: ID!) {
  incident(id: $id) { uuid status severity nature timeline { kind } }
  incidents(first: 10, status: RESOLVED) { edges { node { uuid } } }
}"""


@pytest.fixture
async def flagged(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Flagged:
    return await posted_share(client, mint, tenant_a, admin_a)


async def test_moderators_report_act_and_resolve_with_typed_refusals(
    client: httpx.AsyncClient, engine: AsyncEngine, flagged: Flagged
) -> None:
    share = node_id("Share", flagged.share_id)
    reported = (await data_of(client, REPORT, flagged.moderator, share=share))["reportIncident"]
    assert reported["__typename"] == "Incident"
    assert reported["ambassadorId"] == node_id("Ambassador", flagged.ambassador_id)
    assert reported["exposure"]["clicks"] == 0

    assess = {"kind": "ASSESSMENT", "nature": "PERSONAL_EXPRESSION"}
    assessed = await data_of(client, ACT, flagged.moderator, id=reported["id"], input=assess, version=1)
    assert assessed["actOnIncident"]["status"] == "IN_PROGRESS"
    stale = await data_of(
        client, ACT, flagged.moderator, id=reported["id"], input={"kind": "NOTE", "note": "x"}, version=1
    )
    assert stale["actOnIncident"]["__typename"] == "PreconditionFailedError"
    remind = {"kind": "REMINDER", "message": "Say it is your own view."}
    await data_of(client, ACT, flagged.moderator, id=reported["id"], input=remind)
    resolve = {"kind": "RESOLUTION", "outcome": "Post edited."}
    resolved = (await data_of(client, ACT, flagged.moderator, id=reported["id"], input=resolve))["actOnIncident"]
    assert [entry["kind"] for entry in resolved["timeline"]] == ["ASSESSMENT", "REMINDER", "RESOLUTION"]
    assert resolved["resolution"] == {"outcome": "Post edited."}

    async with nothing_written(engine):
        again = await data_of(client, ACT, flagged.moderator, id=reported["id"], input=resolve)
    assert again["actOnIncident"]["__typename"] == "IncidentResolvedError"
    assert again["actOnIncident"]["code"] == "incident-resolved"

    read = await data_of(client, READ, flagged.moderator, id=reported["id"])
    assert read["incident"]["status"] == "RESOLVED"
    assert [edge["node"]["uuid"] for edge in read["incidents"]["edges"]] == [reported["uuid"]]


async def test_a_reminder_on_an_incident_about_nobody_is_a_typed_refusal(
    client: httpx.AsyncClient, engine: AsyncEngine, flagged: Flagged
) -> None:
    reported = (await data_of(client, REPORT, flagged.moderator, share=None))["reportIncident"]
    async with nothing_written(engine):
        refused = await data_of(
            client, ACT, flagged.moderator, id=reported["id"], input={"kind": "REMINDER", "message": "Hi."}
        )
    assert refused["actOnIncident"] == {
        "__typename": "IncidentSubjectMissingError",
        "code": "incident-subject-missing",
        "subject": "ambassador",
    }


async def test_the_ambassador_cannot_read_or_report_incidents(
    client: httpx.AsyncClient, engine: AsyncEngine, flagged: Flagged
) -> None:
    reported = (await data_of(client, REPORT, flagged.moderator, share=None))["reportIncident"]
    body = await gql(client, READ, flagged.member, id=reported["id"])
    assert {error["extensions"]["code"] for error in body["errors"]} == {"forbidden"}
    async with nothing_written(engine):
        refused = await data_of(client, REPORT, flagged.member, share=None)
    assert refused["reportIncident"]["__typename"] == "ForbiddenError"


async def test_another_organisation_s_share_and_incident_are_out_of_reach(
    client: httpx.AsyncClient, engine: AsyncEngine, flagged: Flagged, admin_b: dict[str, str]
) -> None:
    reported = (await data_of(client, REPORT, flagged.moderator, share=None))["reportIncident"]
    async with nothing_written(engine):
        theirs = await data_of(client, REPORT, admin_b, share=node_id("Share", flagged.share_id))
        acted = await data_of(client, ACT, admin_b, id=reported["id"], input={"kind": "NOTE", "note": "Mine."})
    assert theirs["reportIncident"] == {"__typename": "NotFoundError", "code": "not-found", "resource": "share"}
    assert acted["actOnIncident"]["__typename"] == "NotFoundError"
    read = await data_of(client, READ, admin_b, id=reported["id"])
    assert (read["incident"], read["incidents"]["edges"]) == (None, [])
