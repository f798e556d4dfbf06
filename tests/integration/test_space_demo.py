"""The demo's space once the worker ran: the kudos the catalogue's story sent Amelia are a post of it."""

from __future__ import annotations

from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.demo.seed import PEOPLE
from tests.integration.conftest import Mint
from tests.integration.recognition_helpers import worker_rounds
from tests.integration.test_demo_seed import ambassador, demo

__all__ = ["demo"]


async def test_the_demo_kudos_reach_the_space_once_the_worker_ran(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, engine: AsyncEngine, database_url: str
) -> None:
    async with worker_rounds(engine, database_url) as run:
        await run()

    amelia = ambassador(mint, demo, PEOPLE["amelia"])
    kudos = (await client.get("/v1/space/posts", params={"kind": "kudos"}, headers=amelia)).json()["items"]
    me = (await client.get("/v1/me", headers=amelia)).json()
    assert kudos
    assert {post["recognised_id"] for post in kudos} == {me["ambassador"]["id"]}
