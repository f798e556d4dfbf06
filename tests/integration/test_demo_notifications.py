"""The demo's inboxes: once the worker has handled the story's events, its members find their
notifications, their phones' tokens ride on them, and Léa is not told of ordinary contents."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.demo.seed import PEOPLE
from tests.integration.conftest import Mint
from tests.integration.helpers import outbox_events
from tests.integration.notification_helpers import inbox
from tests.integration.recognition_helpers import worker_rounds
from tests.integration.test_demo_seed import ambassador, demo

__all__ = ["demo"]


async def test_the_demo_members_find_their_notifications_once_the_worker_ran(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, engine: AsyncEngine, database_url: str
) -> None:
    async with worker_rounds(engine, database_url) as run:
        await run()

    camille = (await inbox(client, ambassador(mint, demo, PEOPLE["camille"]), limit=100))["items"]
    lea = (await inbox(client, ambassador(mint, demo, PEOPLE["lea"]), limit=100))["items"]
    assert {"new_content", "charter_to_accept"} <= {item["kind"] for item in camille}
    assert lea
    assert "new_content" not in {item["kind"] for item in lea}
    created: list[dict[str, Any]] = [
        data for kind, data in await outbox_events(engine, demo) if kind == "notification.created"
    ]
    tokens = {device["token"] for data in created for device in data["devices"]}
    assert "demo-fcm-amelia-9b2a5f0c1d2e" in tokens
