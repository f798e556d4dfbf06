"""The idea box over REST on PostgreSQL: ambassadors suggest, staff accept (a draft content in the author's
name) or decline with a reason, once; the author reads the decision."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, nothing_written, outbox_events
from tests.integration.surveys_helpers import member

IDEA = {"title": "Behind the scenes of the lab", "body": "A short video tour of the lab."}


@pytest.fixture
def manager(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return bearer(mint(tenant_a, "manager", subject="programme-manager"))


async def test_an_accepted_idea_becomes_a_draft_content_in_its_authors_name(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    manager: dict[str, str],
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    submitted = await client.post("/v1/ideas", json=IDEA, headers=ada)
    assert submitted.status_code == 201, submitted.text
    idea = submitted.json()
    assert (idea["status"], submitted.headers["Location"]) == ("pending", f"/v1/ideas/{idea['id']}")
    queue = (await client.get("/v1/ideas", params={"status": "pending"}, headers=manager)).json()["items"]
    assert [i["id"] for i in queue] == [idea["id"]]

    read = await client.get(f"/v1/ideas/{idea['id']}", headers=manager)
    accepted = await client.post(f"/v1/ideas/{idea['id']}/accept", headers=manager | {"If-Match": read.headers["ETag"]})

    assert accepted.status_code == 200, accepted.text
    decided = accepted.json()
    assert (decided["status"], decided["decided_by"]) == ("accepted", "programme-manager")
    content = (await client.get(f"/v1/contents/{decided['content_id']}", headers=manager)).json()
    assert (content["status"], content["title"]) == ("draft", IDEA["title"])
    async with engine.connect() as connection:
        author = (
            await connection.execute(
                sa.text("SELECT created_by FROM contents WHERE id = :id"), {"id": UUID(decided["content_id"])}
            )
        ).scalar_one()
    assert author == "idp|ada"
    mine = (await client.get("/v1/me/ideas", headers=ada)).json()["items"]
    assert [(i["id"], i["status"], i["content_id"]) for i in mine] == [(idea["id"], "accepted", decided["content_id"])]
    kinds = [kind for kind, _ in await outbox_events(engine, tenant_a)]
    assert kinds[-2:] == ["idea.submitted", "idea.accepted"]

    async with nothing_written(engine):
        again = await client.post(f"/v1/ideas/{idea['id']}/decline", json={"reason": "No."}, headers=manager)
    assert assert_problem(again, 409, "idea-already-decided")["idea_status"] == "accepted"


async def test_a_declined_idea_carries_its_reason_and_only_its_author_reads_it(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    manager: dict[str, str],
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    bob = await member(client, mint, tenant_a, admin_a, "Bob")
    idea = (await client.post("/v1/ideas", json=IDEA, headers=ada)).json()

    async with nothing_written(engine):
        refused = [
            (await client.post(f"/v1/ideas/{idea['id']}/decline", json={}, headers=manager), 422, "validation-failed"),
            (await client.post(f"/v1/ideas/{idea['id']}/accept", headers=bob), 403, "forbidden"),
            (await client.get(f"/v1/ideas/{idea['id']}", headers=bob), 404, "not-found"),
            (await client.post("/v1/ideas", json=IDEA, headers=manager), 403, "forbidden"),
            (await client.post("/v1/ideas", json={"title": " ", "body": "x"}, headers=ada), 422, "validation-failed"),
        ]
        for response, status, problem_type in refused:
            assert_problem(response, status, problem_type)

    declined = await client.post(
        f"/v1/ideas/{idea['id']}/decline", json={"reason": "We covered the lab last month."}, headers=manager
    )
    assert declined.status_code == 200, declined.text
    mine = (await client.get(f"/v1/ideas/{idea['id']}", headers=ada)).json()
    assert (mine["status"], mine["reason"], mine["content_id"]) == ("declined", "We covered the lab last month.", None)
    other = bearer(mint(tenant_a, "manager", subject="second-manager"))
    assert (await client.get("/v1/ideas", params={"status": "pending"}, headers=other)).json()["items"] == []
