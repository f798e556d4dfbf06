"""Recruiting over GraphQL on PostgreSQL: the same use cases as REST, refusals as typed errors."""

from __future__ import annotations

from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.helpers import create_employee, join_as_ambassador, nothing_written
from tests.integration.test_graphql import data_of, node_id

LAUNCH = """
mutation($input: LaunchWaveInput!) {
  launchInvitationWave(input: $input) {
    __typename
    ... on WaveLaunched { wave { uuid name invitedEmployeeIds skippedEmployeeIds funnel { invited joined } } }
    ... on WaveEmployeesRefusedError { code unknownEmployeeIds terminatedEmployeeIds }
    ... on ValidationError { code }
  }
}
"""
WAVE = """
query($uuid: UUID!) { invitationWave(uuid: $uuid) { name funnel { invited joined firstShare activeAfter30Days
  notYetMeasurable } } }
"""
PROSPECTS = """
query($department: String) {
  prospects(first: 10, department: $department) { edges { node { employeeId standing department } } }
  prospectCounts(department: $department) { total departments { value count } }
}
"""
REFER = """
mutation($employeeId: ID!) {
  referColleague(employeeId: $employeeId) {
    __typename
    ... on ColleagueReferred { created referral { status givenName } }
    ... on ReferralLimitReachedError { code referralsPerDay }
    ... on AlreadyAmbassadorError { code }
  }
}
"""
MINE = "{ myReferrals(first: 10) { edges { node { status employeeId } } } }"


async def test_staff_see_prospects_and_launch_a_wave_with_its_funnel(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    sales = await create_employee(client, admin_a, department="Sales")
    member = await create_employee(client, admin_a, department="Sales")
    await join_as_ambassador(client, mint, tenant_a, member, subject="idp|member")

    found = await data_of(client, PROSPECTS, admin_a, department="Sales")
    ids = [node_id("Employee", sales["id"]), node_id("Employee", member["id"])]
    launched = await data_of(client, LAUNCH, admin_a, input={"name": "Sales wave", "employeeIds": ids})
    wave = launched["launchInvitationWave"]["wave"]
    read = await data_of(client, WAVE, admin_a, uuid=wave["uuid"])

    nodes = [edge["node"] for edge in found["prospects"]["edges"]]
    assert nodes == [{"employeeId": ids[0], "standing": "NEVER_INVITED", "department": "Sales"}]
    assert found["prospectCounts"] == {"total": 1, "departments": [{"value": "Sales", "count": 1}]}
    assert (wave["invitedEmployeeIds"], wave["skippedEmployeeIds"]) == ([ids[0]], [ids[1]])
    assert read["invitationWave"]["funnel"] == {
        "invited": 1,
        "joined": 0,
        "firstShare": 0,
        "activeAfter30Days": 0,
        "notYetMeasurable": 0,
    }


async def test_a_wave_naming_another_tenants_employee_is_a_typed_error_and_invites_nobody(
    client: httpx.AsyncClient, engine: AsyncEngine, admin_a: dict[str, str], admin_b: dict[str, str]
) -> None:
    ours = await create_employee(client, admin_a)
    theirs = await create_employee(client, admin_b)
    ids = [node_id("Employee", ours["id"]), node_id("Employee", theirs["id"])]

    async with nothing_written(engine):
        refused = await data_of(client, LAUNCH, admin_a, input={"name": "Taken over", "employeeIds": ids})

    assert refused["launchInvitationWave"] == {
        "__typename": "WaveEmployeesRefusedError",
        "code": "wave-employees-refused",
        "unknownEmployeeIds": [theirs["id"]],
        "terminatedEmployeeIds": [],
    }


async def test_an_ambassador_refers_colleagues_until_the_daily_limit(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    ada_employee = await create_employee(client, admin_a)
    ada = await join_as_ambassador(client, mint, tenant_a, ada_employee, subject="idp|ada")
    colleagues = [await create_employee(client, admin_a, given_name="Grace") for _ in range(6)]

    made = [
        (await data_of(client, REFER, ada, employeeId=node_id("Employee", c["id"])))["referColleague"]
        for c in colleagues[:5]
    ]
    async with nothing_written(engine):
        sixth = await data_of(client, REFER, ada, employeeId=node_id("Employee", colleagues[5]["id"]))
        themselves = await data_of(client, REFER, ada, employeeId=node_id("Employee", ada_employee["id"]))
    mine = await data_of(client, MINE, ada)

    assert {m["__typename"] for m in made} == {"ColleagueReferred"}
    assert made[0]["referral"] == {"status": "PENDING", "givenName": "Grace"}
    assert sixth["referColleague"] == {
        "__typename": "ReferralLimitReachedError",
        "code": "referral-limit-reached",
        "referralsPerDay": 5,
    }
    assert themselves["referColleague"] == {"__typename": "AlreadyAmbassadorError", "code": "already-ambassador"}
    assert len(mine["myReferrals"]["edges"]) == 5
