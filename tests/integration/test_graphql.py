"""GraphQL at /graphql: the programme flow, tenancy, batching, limits and authentication."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, create_employee

Json = dict[str, Any]


def node_id(type_name: str, uuid: str) -> str:
    """The `id` GraphQL gives the record REST names ``uuid``: Relay's base64 of ``Type:uuid``."""
    return base64.b64encode(f"{type_name}:{uuid}".encode()).decode()


async def gql(client: httpx.AsyncClient, query: str, headers: dict[str, str], **variables: Any) -> Json:
    """Run one operation; returns the whole response body (``data`` and maybe ``errors``)."""
    response = await client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


async def data_of(client: httpx.AsyncClient, query: str, headers: dict[str, str], **variables: Any) -> Json:
    """Run one operation that must succeed without any top-level error."""
    body = await gql(client, query, headers, **variables)
    assert "errors" not in body, body
    data: Json = body["data"]
    return data


INVITE = """
mutation ($id: ID!) {
  inviteAmbassador(employeeId: $id) {
    __typename
    ... on Invitation { created ambassador { id status employee { email } } }
    ... on Error { code message }
  }
}"""

ME = """
{
  me {
    subject tenantId email roles
    employee { id uuid email idpSubject status ambassador { id status } }
    ambassador {
      id uuid employeeId status consentedAt
      preferences { languages topics maxSharesPerWeek leaderboardVisible }
      employee { email }
    }
    socialAccounts { id uuid network handle audienceSize }
  }
}"""

PREFERENCES = """
mutation ($input: PreferencesInput!) {
  setPreferences(input: $input) {
    __typename
    ... on Ambassador { preferences { languages topics maxSharesPerWeek leaderboardVisible } }
    ... on ValidationError { code fieldErrors { path message } }
  }
}"""

CONNECT = """
mutation ($input: SocialAccountInput!) {
  connectSocialAccount(input: $input) {
    __typename
    ... on SocialAccount { id uuid network handle audienceSize }
    ... on Error { code }
  }
}"""


async def test_an_invited_employee_joins_sets_preferences_and_connects_linkedin(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, mint: Mint
) -> None:
    ada = await create_employee(client, admin_a, given_name="Ada", department="R&D")
    invited = (await data_of(client, INVITE, admin_a, id=node_id("Employee", ada["id"])))["inviteAmbassador"]
    assert invited["__typename"] == "Invitation"
    assert invited["created"] is True
    assert invited["ambassador"]["status"] == "INVITED"
    assert invited["ambassador"]["employee"] == {"email": ada["email"]}

    headers = bearer(mint(tenant_a, "ambassador", email=ada["email"], subject="idp|ada"))
    joined = (await data_of(client, "mutation { optIn { __typename ... on Ambassador { status } } }", headers))["optIn"]
    assert joined == {"__typename": "Ambassador", "status": "ACTIVE"}
    wanted = {"languages": ["fr", "en-GB"], "topics": ["Hiring"], "maxSharesPerWeek": 3, "leaderboardVisible": True}
    chosen = (await data_of(client, PREFERENCES, headers, input=wanted))["setPreferences"]
    assert chosen["preferences"] == wanted | {"topics": ["hiring"]}
    account = {"network": "LINKEDIN", "handle": "ada-lovelace", "audienceSize": 500}
    connected = (await data_of(client, CONNECT, headers, input=account))["connectSocialAccount"]
    assert connected["__typename"] == "SocialAccount"

    me = (await data_of(client, ME, headers))["me"]
    assert me["employee"]["email"] == ada["email"]
    assert me["employee"]["idpSubject"] == "idp|ada"
    assert me["employee"]["ambassador"] == {"id": invited["ambassador"]["id"], "status": "ACTIVE"}
    assert me["ambassador"]["status"] == "ACTIVE"
    assert me["ambassador"]["preferences"] == chosen["preferences"]
    assert me["ambassador"]["employee"] == {"email": ada["email"]}
    assert me["socialAccounts"] == [{"id": connected["id"], "uuid": connected["uuid"], **account}]
    assert me["ambassador"]["employeeId"] == me["employee"]["id"] == node_id("Employee", ada["id"])


def rest_view_of(me: Json) -> Json:
    """The GraphQL ``me`` in the shape and spelling of REST's ``GET /v1/me``."""
    ambassador = me["ambassador"]
    return {
        "subject": me["subject"],
        "tenant_id": me["tenantId"],
        "email": me["email"],
        "roles": [role.lower() for role in me["roles"]],
        "employee_id": me["employee"]["uuid"],
        "idp_subject": me["employee"]["idpSubject"],
        "ambassador_id": ambassador["uuid"],
        "status": ambassador["status"].lower(),
        "preferences": {
            "languages": ambassador["preferences"]["languages"],
            "topics": ambassador["preferences"]["topics"],
            "max_shares_per_week": ambassador["preferences"]["maxSharesPerWeek"],
            "leaderboard_visible": ambassador["preferences"]["leaderboardVisible"],
        },
        "social_accounts": [
            {
                "id": a["uuid"],
                "network": a["network"].lower(),
                "handle": a["handle"],
                "audience_size": a["audienceSize"],
            }
            for a in me["socialAccounts"]
        ],
    }


async def test_graphql_me_agrees_with_rest_me(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, mint: Mint
) -> None:
    grace = await create_employee(client, admin_a, given_name="Grace")
    headers = bearer(mint(tenant_a, "ambassador", email=grace["email"], subject="idp|grace"))
    await data_of(client, "mutation { optIn { __typename } }", headers)
    await data_of(client, PREFERENCES, headers, input={"languages": ["de"], "topics": ["cloud"]})
    await data_of(client, CONNECT, headers, input={"network": "XING", "handle": "grace"})

    rest = (await client.get("/v1/me", headers=headers)).json()
    graph = (await data_of(client, ME, headers))["me"]

    assert rest_view_of(graph) == {
        "subject": rest["subject"],
        "tenant_id": rest["tenant_id"],
        "email": rest["email"],
        "roles": rest["roles"],
        "employee_id": rest["employee"]["id"],
        "idp_subject": rest["employee"]["idp_subject"],
        "ambassador_id": rest["ambassador"]["id"],
        "status": rest["ambassador"]["status"],
        "preferences": rest["ambassador"]["preferences"],
        "social_accounts": [
            {key: account[key] for key in ("id", "network", "handle", "audience_size")}
            for account in rest["social_accounts"]
        ],
    }


EMPLOYEES = "{ employees(first: 100) { edges { node { id email } } } }"


async def test_another_tenant_sees_neither_the_employee_nor_their_membership(
    client: httpx.AsyncClient, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    ada = await create_employee(client, admin_a)
    employee_id = node_id("Employee", ada["id"])
    membership = (await data_of(client, INVITE, admin_a, id=employee_id))["inviteAmbassador"]["ambassador"]
    await create_employee(client, admin_b)

    one = """query ($id: ID!, $member: ID!) {
      employee(id: $id) { id } ambassador(id: $member) { id }
      node(id: $id) { id } nodes(ids: [$id, $member]) { id }
    }"""
    assert await data_of(client, one, admin_b, id=employee_id, member=membership["id"]) == {
        "employee": None,
        "ambassador": None,
        "node": None,
        "nodes": [None, None],
    }
    seen_by_b = {edge["node"]["email"] for edge in (await data_of(client, EMPLOYEES, admin_b))["employees"]["edges"]}
    assert ada["email"] not in seen_by_b
    assert len(seen_by_b) == 1
    ambassadors_of_b = await data_of(client, "{ ambassadors { edges { node { id } } } }", admin_b)
    assert ambassadors_of_b["ambassadors"]["edges"] == []
    # Tenant A still reads them, so the nulls above are isolation, not a broken query.
    seen_by_a = await data_of(client, one, admin_a, id=employee_id, member=membership["id"])
    assert seen_by_a == {
        "employee": {"id": employee_id},
        "ambassador": {"id": membership["id"]},
        "node": {"id": employee_id},
        "nodes": [{"id": employee_id}, {"id": membership["id"]}],
    }


async def test_a_role_that_may_not_read_the_roster_gets_a_forbidden_error(
    client: httpx.AsyncClient, tenant_a: UUID, mint: Mint
) -> None:
    body = await gql(client, EMPLOYEES, bearer(mint(tenant_a, "ambassador", email="someone@acme.example")))
    assert body["data"] is None
    [error] = body["errors"]
    assert error["path"] == ["employees"]
    assert error["extensions"]["code"] == "forbidden"


async def test_a_request_without_a_valid_token_gets_the_same_401_challenge_as_rest(client: httpx.AsyncClient) -> None:
    query = {"query": "{ me { subject } }"}
    cases: tuple[tuple[dict[str, str], str], ...] = (
        ({}, "Bearer"),
        ({"Authorization": "Basic YWRtaW46YWRtaW4="}, "Bearer"),
        (bearer("not.a.token"), 'Bearer error="invalid_token"'),
    )
    for headers, challenge in cases:
        graphql = await client.post("/graphql", json=query, headers=headers)
        rest = await client.get("/v1/me", headers=headers)
        assert_problem(graphql, 401, "unauthenticated")
        assert graphql.headers["WWW-Authenticate"] == rest.headers["WWW-Authenticate"] == challenge


async def test_the_graphiql_page_opens_without_a_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


AMBASSADOR_EMAILS = "{ ambassadors(first: 100) { edges { node { employee { email } } } } }"


async def test_reading_each_ambassadors_employee_costs_the_same_for_2_and_20(
    client: httpx.AsyncClient, admin_a: dict[str, str], count_statements: Callable[[], Any]
) -> None:
    async def invite(count: int) -> None:
        for _ in range(count):
            employee = await create_employee(client, admin_a)
            invited = await data_of(client, INVITE, admin_a, id=node_id("Employee", employee["id"]))
            assert invited["inviteAmbassador"]["created"]

    async def statements_to_read_all(expected: int) -> int:
        with count_statements() as counter:
            edges = (await data_of(client, AMBASSADOR_EMAILS, admin_a))["ambassadors"]["edges"]
        assert len(edges) == expected
        assert all(edge["node"]["employee"]["email"] for edge in edges)
        return int(counter.count)

    await invite(2)
    with_two = await statements_to_read_all(2)
    await invite(18)
    with_twenty = await statements_to_read_all(20)

    assert with_two == with_twenty
    assert with_twenty <= 2, "one read for the page, one batched read for all employees"


async def test_pages_follow_end_cursors_which_rest_accepts_too(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    emails = [(await create_employee(client, admin_a))["email"] for _ in range(3)]
    page = "query ($after: String) { employees(first: 2, after: $after) { edges { cursor node { email } } pageInfo { hasNextPage endCursor } } }"  # noqa: E501

    first = (await data_of(client, page, admin_a))["employees"]
    assert [edge["node"]["email"] for edge in first["edges"]] == emails[:2]
    assert first["pageInfo"] == {"hasNextPage": True, "endCursor": first["edges"][-1]["cursor"]}
    rest_first = (await client.get("/v1/employees", params={"limit": 2}, headers=admin_a)).json()
    assert rest_first["next_cursor"] == first["pageInfo"]["endCursor"]

    second = (await data_of(client, page, admin_a, after=first["pageInfo"]["endCursor"]))["employees"]
    assert [edge["node"]["email"] for edge in second["edges"]] == emails[2:]
    assert second["pageInfo"]["hasNextPage"] is False


async def test_a_malformed_cursor_or_page_size_names_the_argument(
    client: httpx.AsyncClient, admin_a: dict[str, str]
) -> None:
    for arguments, where in (('after: "not-a-cursor"', ["after"]), ("first: 101", ["first"]), ("first: 0", ["first"])):
        body = await gql(client, f"{{ employees({arguments}) {{ edges {{ cursor }} }} }}", admin_a)
        [error] = body["errors"]
        assert error["extensions"]["code"] == "validation-failed"
        assert [item["path"] for item in error["extensions"]["fieldErrors"]] == [where]


def nested(*fields: str) -> str:
    """``nested("a", "b", "c")`` is ``{ a { b { c } } }``: its deepest field is at depth 2."""
    return "{ " + " { ".join(fields) + " }" * len(fields)


async def test_an_over_deep_query_is_refused_before_it_runs(
    client: httpx.AsyncClient, admin_a: dict[str, str], count_statements: Callable[[], Any]
) -> None:
    relations = ("employee", "ambassador") * 3
    at_the_limit = nested("ambassadors", "edges", "node", *relations, "employee", "id")  # depth 10
    too_deep = nested("ambassadors", "edges", "node", *relations, "employee", "ambassador", "id")

    with count_statements() as counter:
        body = await gql(client, too_deep, admin_a)
    assert body.get("data") is None
    assert "exceeds maximum operation depth of 10" in body["errors"][0]["message"]
    assert counter.count == 0
    assert await data_of(client, at_the_limit, admin_a) == {"ambassadors": {"edges": []}}


async def test_an_alias_flood_is_refused_before_it_runs(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    flood = "{ " + " ".join(f"m{number}: me {{ subject }}" for number in range(16)) + " }"
    body = await gql(client, flood, admin_a)
    assert body.get("data") is None
    assert "aliases" in body["errors"][0]["message"]
    within = "{ " + " ".join(f"m{number}: me {{ subject }}" for number in range(15)) + " }"
    assert len(await data_of(client, within, admin_a)) == 15


async def test_a_token_flood_is_refused_before_it_runs(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    flood = "{ me { " + "subject " * 2000 + "} }"
    body = await gql(client, flood, admin_a)
    assert body.get("data") is None
    assert "token" in body["errors"][0]["message"].lower()
