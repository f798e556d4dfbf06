"""Answering a survey earns its rule's points through the worker on PostgreSQL, once, anonymous or not."""

from __future__ import annotations

from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.services.events.deliver_events import DeliverEvents
from tests.integration.conftest import Mint, bearer
from tests.integration.rewards_helpers import my_points, rewards_worker
from tests.integration.surveys_helpers import member, open_survey, replies
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]


async def test_each_survey_answered_earns_its_points_once(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    rewards_worker: DeliverEvents,
) -> None:
    manager = bearer(mint(tenant_a, "manager", subject="programme-manager"))
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    anonymous = await open_survey(client, manager, anonymous=True)
    named = await open_survey(client, manager)
    for survey in (anonymous, named):
        answered = await client.post(f"/v1/surveys/{survey['id']}/answers", json=replies(), headers=ada)
        assert answered.status_code == 201, answered.text

    await drain(rewards_worker)
    await drain(rewards_worker)  # a second pass finds both events handled: nothing is awarded twice

    mine = await my_points(client, ada)
    assert [(entry["rule"], entry["points"]) for entry in mine["items"]] == [("survey_answered", 5)] * 2
    assert {entry["source_event_type"] for entry in mine["items"]} == {"survey.answered"}
    assert mine["balance"] == 10
