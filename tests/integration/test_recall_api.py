"""Recall over REST on PostgreSQL: recalling a content, the worker's take-downs (once), the ambassadors'
notifications and confirmations, the staff's progress, and every refusal writing nothing."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_sessions
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import SystemClock, Uuid7Generator
from app.domain.events import RecordedEvent
from app.services.community.recall.handlers import RequestTakeDowns
from app.services.events.deliver_events import DeliverEvents
from tests.integration.conftest import Mint
from tests.integration.content_helpers import staff
from tests.integration.helpers import assert_problem, nothing_written, outbox_events
from tests.integration.recall_helpers import REASON, Posted, my_takedowns, posted_twice, recall
from tests.integration.rewards_helpers import rewards_worker
from tests.integration.share_helpers import create_share, sharing_programme
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]


@pytest.fixture
async def posted(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Posted:
    return await posted_twice(client, mint, await sharing_programme(client, mint, tenant_a, admin_a))


async def takedown_rows(engine: AsyncEngine) -> list[dict[str, object]]:
    async with engine.connect() as connection:
        result = await connection.execute(sa.text("SELECT * FROM takedowns ORDER BY id"))
        return [dict(row) for row in result.mappings()]


async def feed_ids(client: httpx.AsyncClient, headers: dict[str, str]) -> list[str]:
    return [item["id"] for item in (await client.get("/v1/me/feed", headers=headers)).json()["items"]]


async def test_a_recalled_content_shows_who_when_and_why_and_leaves_the_feed(
    client: httpx.AsyncClient, engine: AsyncEngine, posted: Posted
) -> None:
    manager = posted.sharing.setup.manager
    before = await client.get(f"/v1/contents/{posted.content_id}", headers=manager)
    assert posted.content_id in await feed_ids(client, posted.sharing.member)

    response = await recall(client, posted.content_id, manager, **{"if-match": before.headers["etag"]})

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["status"], body["recall_reason"], body["allowed_actions"]) == ("recalled", REASON, [])
    assert body["recalled_by"] is not None
    assert body["recalled_at"] is not None
    assert response.headers["etag"] != before.headers["etag"]
    history = (await client.get(f"/v1/contents/{posted.content_id}/history", headers=manager)).json()
    assert (history[-1]["action"], history[-1]["reason"]) == ("recall", REASON)
    assert posted.content_id not in await feed_ids(client, posted.sharing.member)
    [(_, data)] = [e for e in await outbox_events(engine, posted.sharing.tenant_id) if e[0] == "content.recalled"]
    assert data["reason"] == REASON


async def test_each_posted_share_gets_one_take_down_and_its_ambassador_is_told_once(
    client: httpx.AsyncClient, engine: AsyncEngine, posted: Posted, rewards_worker: DeliverEvents
) -> None:
    assert (await recall(client, posted.content_id, posted.sharing.setup.manager)).status_code == 200

    await drain(rewards_worker)
    await drain(rewards_worker)

    rows = await takedown_rows(engine)
    assert sorted(str(row["share_id"]) for row in rows) == sorted([posted.ada_share, posted.grace_share])
    [mine] = await my_takedowns(client, posted.sharing.member)
    assert (mine["share_id"], mine["status"], mine["reason"]) == (posted.ada_share, "pending", REASON)
    assert mine["post_url"] == "https://www.linkedin.com/feed/update/1"
    inbox = (await client.get("/v1/me/notifications", headers=posted.grace)).json()["items"]
    recalled = [item for item in inbox if item["kind"] == "content_recalled"]
    assert len(recalled) == 1
    events = [kind for kind, _ in await outbox_events(engine, posted.sharing.tenant_id)]
    assert events.count("takedown.requested") == 2


async def test_the_ambassador_confirms_and_staff_see_one_confirmed_one_pending(
    client: httpx.AsyncClient, engine: AsyncEngine, posted: Posted, rewards_worker: DeliverEvents
) -> None:
    await recall(client, posted.content_id, posted.sharing.setup.manager)
    await drain(rewards_worker)
    [mine] = await my_takedowns(client, posted.sharing.member)

    confirmed = await client.post(f"/v1/me/takedowns/{mine['id']}/confirm", headers=posted.sharing.member)
    again = await client.post(f"/v1/me/takedowns/{mine['id']}/confirm", headers=posted.sharing.member)

    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["status"] == "confirmed"
    assert again.json() == confirmed.json()
    moderator = posted.sharing.setup.moderator
    followed = await client.get(f"/v1/contents/{posted.content_id}/takedowns", headers=moderator)
    assert followed.status_code == 200, followed.text
    assert followed.json()["progress"] == {"pending": 1, "confirmed": 1, "total": 2}
    pending = await client.get(
        f"/v1/contents/{posted.content_id}/takedowns", params={"status": "pending", "limit": 1}, headers=moderator
    )
    assert [item["share_id"] for item in pending.json()["items"]] == [posted.grace_share]
    assert await my_takedowns(client, posted.sharing.member, status="pending") == []
    events = [kind for kind, _ in await outbox_events(engine, posted.sharing.tenant_id)]
    assert events.count("takedown.confirmed") == 1


async def test_a_recalled_content_cannot_be_shared_nor_recalled_again_and_nothing_is_written(
    client: httpx.AsyncClient, engine: AsyncEngine, posted: Posted
) -> None:
    manager = posted.sharing.setup.manager
    await recall(client, posted.content_id, manager)

    async with nothing_written(engine):
        shared = await create_share(client, posted.grace, posted.content_id, "x")
        again = await recall(client, posted.content_id, posted.sharing.setup.admin)
        late = await client.post(f"/v1/shares/{posted.intent}/confirm", headers=posted.sharing.member)

    assert_problem(shared, 409, "content-recalled")
    assert_problem(late, 409, "content-recalled")
    assert_problem(again, 409, "content-already-recalled")


async def test_refusals_of_a_recall_write_nothing(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, posted: Posted
) -> None:
    setup = posted.sharing.setup
    draft = await client.post(
        "/v1/contents", json={"title": "Draft", "body": "Not yet.", "language": "fr"}, headers=setup.manager
    )
    assert draft.status_code == 201, draft.text

    async with nothing_written(engine):
        by_moderator = await recall(client, posted.content_id, setup.moderator)
        by_member = await recall(client, posted.content_id, posted.sharing.member)
        no_reason = await recall(client, posted.content_id, setup.manager, reason="")
        stale = await recall(client, posted.content_id, setup.manager, **{"if-match": '"1"'})
        unshared = await recall(client, draft.json()["id"], setup.manager)

    assert_problem(by_moderator, 403)
    assert_problem(by_member, 403)
    assert_problem(no_reason, 422)
    assert_problem(stale, 412)
    assert_problem(unshared, 409, "invalid-transition")


async def test_another_ambassadors_take_down_cannot_be_confirmed(
    client: httpx.AsyncClient, engine: AsyncEngine, posted: Posted, rewards_worker: DeliverEvents
) -> None:
    await recall(client, posted.content_id, posted.sharing.setup.manager)
    await drain(rewards_worker)
    [ada] = await my_takedowns(client, posted.sharing.member)

    async with nothing_written(engine):
        response = await client.post(f"/v1/me/takedowns/{ada['id']}/confirm", headers=posted.grace)

    assert_problem(response, 404, "not-found")
    [still] = await my_takedowns(client, posted.sharing.member)
    assert still["status"] == "pending"


async def test_another_organisations_take_downs_never_show(
    client: httpx.AsyncClient,
    mint: Mint,
    engine: AsyncEngine,
    posted: Posted,
    rewards_worker: DeliverEvents,
    tenant_b: UUID,
) -> None:
    await recall(client, posted.content_id, posted.sharing.setup.manager)
    await drain(rewards_worker)
    other_manager = staff(mint, tenant_b, "manager")
    [ada] = await my_takedowns(client, posted.sharing.member)

    followed = await client.get(f"/v1/contents/{posted.content_id}/takedowns", headers=other_manager)
    confirmed = await client.post(f"/v1/me/takedowns/{ada['id']}/confirm", headers=other_manager)

    assert_problem(followed, 404, "not-found")
    assert_problem(confirmed, 403)


async def test_the_take_down_handler_writes_once_on_postgresql_however_often_the_event_comes(
    client: httpx.AsyncClient, engine: AsyncEngine, posted: Posted
) -> None:
    await recall(client, posted.content_id, posted.sharing.setup.manager)
    async with engine.connect() as connection:
        row = (
            (await connection.execute(sa.text("SELECT * FROM outbox WHERE type = 'content.recalled'"))).mappings().one()
        )
    event = RecordedEvent(
        id=row["id"], type=row["type"], tenant_id=row["tenant_id"], occurred_at=row["occurred_at"], data=row["data"]
    )
    ids = Uuid7Generator()
    handler = RequestTakeDowns(PostgresUnitOfWorkFactory(create_sessions(engine), ids), SystemClock(), ids)

    await handler(event)
    await handler(event)
    await handler(replace(event, id=ids.new_id()))  # the same recall under another event: shares already done

    assert len(await takedown_rows(engine)) == 2
    events = [kind for kind, _ in await outbox_events(engine, posted.sharing.tenant_id)]
    assert events.count("takedown.requested") == 2
