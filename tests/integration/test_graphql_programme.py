"""GraphQL over the programme's rules: the same use cases, answers and refusals as REST."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import create_employee, join_as_ambassador, nothing_written
from tests.integration.test_graphql import data_of, gql, node_id

SETTINGS_FIELDS = """
networks linkDomains { domain includeSubdomains } disclosures { network text }
sensitiveTerms bannedTerms weeklyContentBudget fourEyesReview defaultLanguage utmMedium version updatedAt
"""
SETTINGS = "{ settings { " + SETTINGS_FIELDS + " } }"
UPDATE_SETTINGS = (
    """
mutation ($input: SettingsChangesInput!, $version: Int) {
  updateSettings(input: $input, expectedVersion: $version) {
    __typename
    ... on ProgrammeSettings { """
    + SETTINGS_FIELDS
    + """ }
    ... on ValidationError { code fieldErrors { path message } }
    ... on Error { code message }
  }
}"""
)
PUBLISH = """
mutation ($input: CharterVersionInput!) {
  publishCharterVersion(input: $input) {
    __typename
    ... on CharterVersion { id number title body summary publishedAt }
    ... on ValidationError { code fieldErrors { path message } }
    ... on Error { code }
  }
}"""
ACCEPT = """
mutation ($version: Int!) {
  acceptCharter(charterVersion: $version) {
    __typename
    ... on Ambassador { id charterVersion charterAcceptedAt }
    ... on CharterVersionNotCurrentError { code currentVersion }
    ... on Error { code }
  }
}"""
CHECK = """
mutation ($input: CaptionCheckInput!) {
  checkCaption(input: $input) {
    __typename
    ... on ComplianceReport { ok violations { code detail start end blocking } totalViolations }
    ... on ValidationError { code fieldErrors { path } }
    ... on Error { code }
  }
}"""
CHARTER = """
query ($first: Int!, $after: String) {
  charter { number title }
  charterVersions(first: $first, after: $after) {
    edges { node { number title } }
    pageInfo { hasNextPage endCursor }
  }
  me { charterStatus ambassador { charterVersion } }
}"""
NEEDING = """
{ ambassadors(charterStatus: NEEDS_ACCEPTANCE) { edges { node { id charterVersion } } } }
"""
RULES = {
    "networks": ["LINKEDIN", "X"],
    "linkDomains": [{"domain": "Bücher.example", "includeSubdomains": True}],
    "disclosures": [{"network": "LINKEDIN", "text": "#employee"}],
    "bannedTerms": ["confidentiel"],
    "sensitiveTerms": ["salaire"],
    "weeklyContentBudget": 3,
}


async def test_settings_read_and_change_as_over_rest(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    defaults = (await data_of(client, SETTINGS, admin_a))["settings"]
    assert (defaults["version"], defaults["weeklyContentBudget"], defaults["linkDomains"]) == (0, 4, [])

    updated = (await data_of(client, UPDATE_SETTINGS, admin_a, input=RULES, version=0))["updateSettings"]

    assert updated["__typename"] == "ProgrammeSettings"
    assert updated["linkDomains"] == [{"domain": "xn--bcher-kva.example", "includeSubdomains": True}]
    assert updated["disclosures"] == [{"network": "LINKEDIN", "text": "#employee"}]
    assert (updated["version"], updated["networks"]) == (1, ["LINKEDIN", "X"])
    rest = (await client.get("/v1/settings", headers=admin_a)).json()
    assert (rest["version"], rest["disclosures"], rest["banned_terms"]) == (
        1,
        {"linkedin": "#employee"},
        ["confidentiel"],
    )


async def test_settings_refusals_are_typed_and_change_nothing(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID, engine: AsyncEngine
) -> None:
    await data_of(client, UPDATE_SETTINGS, admin_a, input={"weeklyContentBudget": 2})
    wrong = {"linkDomains": [{"domain": "*.acme.example"}], "utmMedium": "a b", "weeklyContentBudget": 0}

    async with nothing_written(engine):
        invalid = (await data_of(client, UPDATE_SETTINGS, admin_a, input=wrong))["updateSettings"]
        stale = (await data_of(client, UPDATE_SETTINGS, admin_a, input={"fourEyesReview": True}, version=0))[
            "updateSettings"
        ]
        forbidden = (await data_of(client, UPDATE_SETTINGS, bearer(mint(tenant_a, "manager")), input={}))[
            "updateSettings"
        ]
        twice = [{"network": "X", "text": "#a"}, {"network": "X", "text": "#b"}]
        duplicated = (await data_of(client, UPDATE_SETTINGS, admin_a, input={"disclosures": twice}))["updateSettings"]

    assert invalid["__typename"] == "ValidationError"
    assert sorted(error["path"] for error in invalid["fieldErrors"]) == [
        ["linkDomains", "0", "domain"],
        ["utmMedium"],
        ["weeklyContentBudget"],
    ]
    assert (stale["__typename"], stale["code"]) == ("PreconditionFailedError", "precondition-failed")
    assert (forbidden["__typename"], forbidden["code"]) == ("ForbiddenError", "forbidden")
    assert duplicated["fieldErrors"] == [
        {"path": ["disclosures", "1", "network"], "message": "Give one disclosure per network."}
    ]


async def test_reading_settings_needs_a_staff_role(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID) -> None:
    body = await gql(client, SETTINGS, bearer(mint(tenant_a, "ambassador")))

    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "forbidden"


async def test_the_charter_is_published_read_and_accepted(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID
) -> None:
    employee = await create_employee(client, admin_a, email="ada@acme.example")
    member = await join_as_ambassador(client, mint, tenant_a, employee, subject="idp|ada")
    empty = await data_of(client, CHARTER, member, first=1)
    assert (empty["charter"], empty["me"]["charterStatus"]) == (None, "ACCEPTED")

    first = await data_of(client, PUBLISH, admin_a, input={"title": "Charte", "body": "# Règles"})
    second = await data_of(client, PUBLISH, admin_a, input={"title": "Charte 2", "body": "# Règles", "summary": "Plus"})
    assert (first["publishCharterVersion"]["number"], second["publishCharterVersion"]["number"]) == (1, 2)
    needing = await data_of(client, CHARTER, member, first=1)
    assert needing["charter"] == {"number": 2, "title": "Charte 2"}
    assert needing["me"]["charterStatus"] == "NEEDS_ACCEPTANCE"
    assert needing["charterVersions"]["edges"] == [{"node": {"number": 1, "title": "Charte"}}]
    cursor = needing["charterVersions"]["pageInfo"]["endCursor"]
    rest = await data_of(client, CHARTER, member, first=1, after=cursor)
    assert rest["charterVersions"]["edges"] == [{"node": {"number": 2, "title": "Charte 2"}}]
    assert rest["charterVersions"]["pageInfo"]["hasNextPage"] is False

    old = (await data_of(client, ACCEPT, member, version=1))["acceptCharter"]
    assert old == {
        "__typename": "CharterVersionNotCurrentError",
        "code": "charter-version-not-current",
        "currentVersion": 2,
    }
    assert len((await data_of(client, NEEDING, admin_a))["ambassadors"]["edges"]) == 1
    accepted = (await data_of(client, ACCEPT, member, version=2))["acceptCharter"]
    assert (accepted["__typename"], accepted["charterVersion"]) == ("Ambassador", 2)
    assert (await data_of(client, CHARTER, member, first=1))["me"] == {
        "charterStatus": "ACCEPTED",
        "ambassador": {"charterVersion": 2},
    }
    assert (await data_of(client, NEEDING, admin_a))["ambassadors"]["edges"] == []


async def test_charter_refusals_are_typed(
    client: httpx.AsyncClient, admin_a: dict[str, str], mint: Mint, tenant_a: UUID, engine: AsyncEngine
) -> None:
    await data_of(client, PUBLISH, admin_a, input={"title": "Charte", "body": "# Règles"})
    stranger = bearer(mint(tenant_a, "ambassador", email="nobody@acme.example"))

    async with nothing_written(engine):
        by_manager = await data_of(
            client, PUBLISH, bearer(mint(tenant_a, "manager")), input={"title": "x", "body": "y"}
        )
        blank = (await data_of(client, PUBLISH, admin_a, input={"title": " ", "body": "y"}))["publishCharterVersion"]
        unlinked = (await data_of(client, ACCEPT, stranger, version=1))["acceptCharter"]

    assert by_manager["publishCharterVersion"]["__typename"] == "ForbiddenError"
    assert (blank["__typename"], blank["fieldErrors"][0]["path"]) == ("ValidationError", ["title"])
    assert (unlinked["__typename"], unlinked["code"]) == ("NotLinkedError", "employee-not-linked")


@pytest.mark.parametrize(
    ("caption", "ok", "codes"),
    [
        ("Un plan CONFIDENTIÉL #employee", False, ["BANNED_TERM"]),
        ("Parlons salaire #Employee", True, ["SENSITIVE_TERM"]),
        ("Sans mention", False, ["MISSING_DISCLOSURE"]),
    ],
)
async def test_a_caption_check_gives_the_same_answer_as_rest(
    client: httpx.AsyncClient,
    admin_a: dict[str, str],
    mint: Mint,
    tenant_a: UUID,
    caption: str,
    ok: bool,
    codes: list[str],
) -> None:
    await data_of(client, UPDATE_SETTINGS, admin_a, input=RULES)
    ambassador = bearer(mint(tenant_a, "ambassador"))

    report = (await data_of(client, CHECK, ambassador, input={"network": "LINKEDIN", "text": caption}))["checkCaption"]
    rest = await client.post("/v1/compliance/check", json={"network": "linkedin", "text": caption}, headers=ambassador)

    assert (report["__typename"], report["ok"]) == ("ComplianceReport", ok)
    assert [v["code"] for v in report["violations"]] == codes
    as_rest: list[dict[str, Any]] = [v | {"code": v["code"].lower()} for v in report["violations"]]
    assert rest.json() == {"ok": ok, "violations": as_rest, "total_violations": report["totalViolations"]}
    assert report["totalViolations"] == len(codes)


async def test_a_caption_check_refuses_unknown_content(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    unknown = {"network": "X", "text": "x", "contentId": node_id("Content", str(uuid4()))}

    missing = (await data_of(client, CHECK, admin_a, input=unknown))["checkCaption"]

    assert (missing["__typename"], missing["code"]) == ("NotFoundError", "not-found")
