"""GraphQL mutations: each expected failure comes back as a typed member of the result union."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import create_employee, row_counts
from tests.integration.test_graphql import CONNECT, INVITE, PREFERENCES, Json, data_of, node_id

OPT_IN = "mutation { optIn { __typename ... on Ambassador { status } ... on Error { code message } } }"
OPT_OUT = "mutation { optOut { __typename ... on Ambassador { status leftAt } ... on Error { code } } }"


async def signed_in_employee(
    client: httpx.AsyncClient, admin: dict[str, str], tenant_id: UUID, mint: Mint, **fields: Any
) -> tuple[Json, dict[str, str]]:
    employee = await create_employee(client, admin, **fields)
    token = mint(tenant_id, "ambassador", email=employee["email"], subject=f"idp|{employee['id']}")
    return employee, bearer(token)


async def test_a_terminated_employee_opting_in_gets_a_typed_error_and_nothing_changes(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, mint: Mint, engine: AsyncEngine
) -> None:
    employee, headers = await signed_in_employee(client, admin_a, tenant_a, mint)
    terminated = await client.post(f"/v1/employees/{employee['id']}/terminate", headers=admin_a)
    assert terminated.status_code == 200, terminated.text
    before = await row_counts(engine)

    result = (await data_of(client, OPT_IN, headers))["optIn"]

    assert result["__typename"] == "EmployeeTerminatedError"
    assert result["code"] == "employee-terminated"
    assert result["message"]
    assert await row_counts(engine) == before


async def test_a_token_matching_no_employee_cannot_opt_in(
    client: httpx.AsyncClient, tenant_a: UUID, mint: Mint
) -> None:
    stranger = bearer(mint(tenant_a, "ambassador", email="nobody@acme.example"))
    result = (await data_of(client, OPT_IN, stranger))["optIn"]
    assert result == {"__typename": "NotLinkedError", "code": "employee-not-linked", "message": result["message"]}


async def test_inviting_is_for_staff_and_only_for_employees_who_exist(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, mint: Mint
) -> None:
    employee, headers = await signed_in_employee(client, admin_a, tenant_a, mint)
    employee_id = node_id("Employee", employee["id"])
    first = (await data_of(client, INVITE, admin_a, id=employee_id))["inviteAmbassador"]
    again = (await data_of(client, INVITE, admin_a, id=employee_id))["inviteAmbassador"]
    assert (first["created"], again["created"]) == (True, False)
    assert again["ambassador"]["id"] == first["ambassador"]["id"]

    unknown = (await data_of(client, INVITE, admin_a, id=node_id("Employee", str(uuid4()))))["inviteAmbassador"]
    assert (unknown["__typename"], unknown["code"]) == ("NotFoundError", "not-found")
    by_ambassador = (await data_of(client, INVITE, headers, id=employee_id))["inviteAmbassador"]
    assert (by_ambassador["__typename"], by_ambassador["code"]) == ("ForbiddenError", "forbidden")

    await data_of(client, OPT_IN, headers)
    member = (await data_of(client, INVITE, admin_a, id=employee_id))["inviteAmbassador"]
    assert (member["__typename"], member["code"]) == ("AlreadyAmbassadorError", "already-ambassador")


async def test_preferences_need_a_membership_and_valid_values(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, mint: Mint
) -> None:
    _, headers = await signed_in_employee(client, admin_a, tenant_a, mint)
    early = (await data_of(client, PREFERENCES, headers, input={"languages": ["fr"]}))["setPreferences"]
    assert early["__typename"] == "NotAnAmbassadorError"

    await data_of(client, OPT_IN, headers)
    wrong = {"languages": ["fr", "not a language"], "maxSharesPerWeek": 51}
    invalid = (await data_of(client, PREFERENCES, headers, input=wrong))["setPreferences"]
    assert invalid["__typename"] == "ValidationError"
    assert [error["path"] for error in invalid["fieldErrors"]] == [["languages", "1"], ["maxSharesPerWeek"]]


async def test_an_ambassador_connects_disconnects_and_cannot_connect_twice(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, mint: Mint
) -> None:
    _, headers = await signed_in_employee(client, admin_a, tenant_a, mint)
    await data_of(client, OPT_IN, headers)
    account = {"network": "LINKEDIN", "handle": "ada"}
    connected = (await data_of(client, CONNECT, headers, input=account))["connectSocialAccount"]
    twice = (await data_of(client, CONNECT, headers, input=account))["connectSocialAccount"]
    assert (twice["__typename"], twice["code"]) == ("DuplicateValueError", "duplicate-value")

    disconnect = "mutation ($id: ID!) { disconnectSocialAccount(id: $id) { __typename ... on DisconnectedSocialAccount { socialAccountId } ... on Error { code } } }"  # noqa: E501
    gone = (await data_of(client, disconnect, headers, id=connected["id"]))["disconnectSocialAccount"]
    assert gone == {"__typename": "DisconnectedSocialAccount", "socialAccountId": connected["id"]}
    again = (await data_of(client, disconnect, headers, id=connected["id"]))["disconnectSocialAccount"]
    assert again == {"__typename": "NotFoundError", "code": "not-found"}
    assert (await data_of(client, "{ me { socialAccounts { id } } }", headers))["me"]["socialAccounts"] == []


async def test_opting_out_is_one_call_and_leaves_the_programme(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, mint: Mint
) -> None:
    _, headers = await signed_in_employee(client, admin_a, tenant_a, mint)
    assert (await data_of(client, OPT_OUT, headers))["optOut"]["__typename"] == "NotAnAmbassadorError"
    await data_of(client, OPT_IN, headers)
    left = (await data_of(client, OPT_OUT, headers))["optOut"]
    assert left["status"] == "LEFT"
    assert left["leftAt"]


EMPLOYEE_FIELDS = (
    "__typename ... on Employee { id uuid email department location status version ambassador { status } }"
)
CREATE = f"mutation ($input: EmployeeInput!) {{ createEmployee(input: $input) {{ {EMPLOYEE_FIELDS} ... on ValidationError {{ fieldErrors {{ path }} }} ... on DuplicateValueError {{ field }} }} }}"  # noqa: E501
UPDATE = f"mutation ($id: ID!, $input: EmployeeChangesInput!, $version: Int) {{ updateEmployee(id: $id, input: $input, expectedVersion: $version) {{ {EMPLOYEE_FIELDS} ... on Error {{ code }} }} }}"  # noqa: E501
TERMINATE = f"mutation ($id: ID!) {{ terminateEmployee(id: $id) {{ {EMPLOYEE_FIELDS} ... on Error {{ code }} }} }}"


async def test_an_admin_manages_the_roster_through_graphql(client: httpx.AsyncClient, admin_a: dict[str, str]) -> None:
    ada = {"email": "ada@acme.example", "givenName": "Ada", "familyName": "Lovelace", "location": "London"}
    created = (await data_of(client, CREATE, admin_a, input=ada))["createEmployee"]
    assert (created["__typename"], created["status"], created["version"]) == ("Employee", "ACTIVE", 1)

    duplicate = (await data_of(client, CREATE, admin_a, input=ada | {"email": "ADA@acme.example"}))["createEmployee"]
    assert duplicate == {"__typename": "DuplicateValueError", "field": "email"}
    invalid = ada | {"email": "not-an-address", "department": "x" * 201}
    refused = (await data_of(client, CREATE, admin_a, input=invalid))["createEmployee"]
    assert refused["__typename"] == "ValidationError"
    assert refused["fieldErrors"] == [{"path": ["department"]}, {"path": ["email"]}]

    changes = {"department": "R&D", "location": None}
    updated = (await data_of(client, UPDATE, admin_a, id=created["id"], input=changes, version=1))["updateEmployee"]
    assert (updated["department"], updated["location"], updated["version"]) == ("R&D", None, 2)
    stale = (await data_of(client, UPDATE, admin_a, id=created["id"], input=changes, version=1))["updateEmployee"]
    assert stale == {"__typename": "PreconditionFailedError", "code": "precondition-failed"}
    rest = (await client.get(f"/v1/employees/{created['uuid']}", headers=admin_a)).json()
    assert (rest["department"], rest["location"]) == ("R&D", None)


async def test_terminating_an_employee_ends_their_membership(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, mint: Mint
) -> None:
    employee, headers = await signed_in_employee(client, admin_a, tenant_a, mint)
    await data_of(client, OPT_IN, headers)

    employee_id = node_id("Employee", employee["id"])
    terminated = (await data_of(client, TERMINATE, admin_a, id=employee_id))["terminateEmployee"]
    assert (terminated["status"], terminated["ambassador"]) == ("TERMINATED", {"status": "LEFT"})
    again = (await data_of(client, TERMINATE, admin_a, id=employee_id))["terminateEmployee"]
    assert again == {"__typename": "InvalidTransitionError", "code": "invalid-transition"}


async def test_staff_pause_and_resume_a_membership_but_cannot_end_it(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, mint: Mint
) -> None:
    _, headers = await signed_in_employee(client, admin_a, tenant_a, mint)
    member_id = (await data_of(client, "mutation { optIn { ... on Ambassador { id } } }", headers))["optIn"]["id"]
    update = "mutation ($id: ID!, $input: AmbassadorChangesInput!) { updateAmbassador(id: $id, input: $input) { __typename ... on Ambassador { status notes } ... on Error { code } } }"  # noqa: E501

    paused = await data_of(client, update, admin_a, id=member_id, input={"status": "PAUSED", "notes": "On leave"})
    assert paused["updateAmbassador"] == {"__typename": "Ambassador", "status": "PAUSED", "notes": "On leave"}
    resumed = await data_of(client, update, admin_a, id=member_id, input={"status": "ACTIVE"})
    assert resumed["updateAmbassador"]["notes"] == "On leave"
    ended = await data_of(client, update, admin_a, id=member_id, input={"status": "LEFT"})
    assert ended["updateAmbassador"] == {"__typename": "ValidationError", "code": "validation-failed"}
