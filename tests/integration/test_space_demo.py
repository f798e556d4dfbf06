"""The demo's space: a lively thread, an answered question and a hidden comment; and once the worker ran,
the kudos the catalogue's story sent Amelia are a post of it."""

from __future__ import annotations

from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.demo.seed import PEOPLE
from tests.integration.conftest import Mint
from tests.integration.recognition_helpers import worker_rounds
from tests.integration.test_demo_seed import admin, ambassador, demo

__all__ = ["admin", "demo"]


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


async def test_the_demo_space_has_a_lively_thread_an_answered_question_and_a_hidden_comment(
    client: httpx.AsyncClient, mint: Mint, demo: UUID, admin: dict[str, str]
) -> None:
    lea = ambassador(mint, demo, PEOPLE["lea"])
    feed = (await client.get("/v1/space/posts", headers=lea)).json()["items"]
    assert [post["kind"] for post in feed] == ["discussion", "question", "success"]
    _, question, success = feed
    assert (success["author_name"], success["comment_count"]) == ("Camille Martin", 2)
    assert {(r["reaction"], r["count"], r["mine"]) for r in success["reactions"]} == {
        ("celebrate", 2, True),
        ("like", 1, False),
    }
    answers = (await client.get(f"/v1/space/posts/{question['id']}/comments", headers=lea)).json()["items"]
    assert [c["author_name"] for c in answers if c["id"] == question["accepted_comment_id"]] == ["Hugo Dubois"]
    moderated = (await client.get(f"/v1/space/posts/{success['id']}/comments", headers=admin)).json()["items"]
    assert [c["author_name"] for c in moderated if c["moderation"]] == ["Hugo Dubois"]
