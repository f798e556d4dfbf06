"""The community space over REST on PostgreSQL: posts, comments, reactions and answers; the compliance
check refusing banned terms and flagging sensitive ones; moderation; kudos posted by the worker; a feed
page's cost; another organisation's posts never shown; and a change reaching a follower of the space."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_sessions, plain_dsn
from app.adapters.postgres.live_updates.listener import PostgresLiveListener
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import SystemClock, Uuid7Generator
from app.domain.community.space_signals import SpaceSignalKind
from app.domain.roster.identity import Principal, Role
from app.services.community.space.live import FollowSpaceFeed, SpaceFeed
from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    etag_version,
    join_as_ambassador,
    nothing_written,
    outbox_events,
)
from tests.integration.recognition_helpers import worker_rounds

Headers = dict[str, str]


async def member(client: httpx.AsyncClient, mint: Mint, tenant: UUID, admin: Headers, name: str) -> Headers:
    employee = await create_employee(client, admin, given_name=name, family_name="Martin")
    return await join_as_ambassador(client, mint, tenant, employee, subject=f"idp|{name.lower()}")


async def post(client: httpx.AsyncClient, headers: Headers, **body: Any) -> dict[str, Any]:
    body.setdefault("kind", "question")
    body.setdefault("body", "Which network works best for you?")
    response = await client.post("/v1/space/posts", json=body, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def comment(client: httpx.AsyncClient, headers: Headers, post_id: str, text: str) -> dict[str, Any]:
    response = await client.post(f"/v1/space/posts/{post_id}/comments", json={"body": text}, headers=headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


@pytest.fixture
def moderator(mint: Mint, tenant_a: UUID) -> Headers:
    return bearer(mint(tenant_a, "moderator", subject="moderator|1"))


async def test_members_post_comment_react_and_the_question_s_author_accepts_an_answer(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: Headers
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    bob = await member(client, mint, tenant_a, admin_a, "Bob")
    asked = await post(client, ada, title="Networks")
    assert (asked["author_name"], asked["comment_count"], asked["reactions"]) == ("Ada Martin", 0, [])
    answer = await comment(client, bob, asked["id"], "LinkedIn, on Tuesday mornings.")

    for _ in range(2):
        liked = await client.put(f"/v1/space/posts/{asked['id']}/reactions/like", headers=bob)
        assert liked.status_code == 200, liked.text
    assert liked.json()["reactions"] == [{"reaction": "like", "count": 1, "mine": True}]

    accept = f"/v1/space/posts/{asked['id']}/comments/{answer['id']}/accept"
    refused = await client.post(accept, headers=bob)
    assert_problem(refused, 403, "not-the-author")
    read = await client.get(f"/v1/space/posts/{asked['id']}", headers=ada)
    accepted = await client.post(accept, headers={**ada, "If-Match": read.headers["ETag"]})
    assert accepted.status_code == 200, accepted.text
    assert (accepted.json()["accepted_comment_id"], etag_version(accepted)) == (answer["id"], 1)
    assert accepted.json()["reactions"] == [{"reaction": "like", "count": 1, "mine": False}]

    unanswered = await client.get("/v1/space/posts", params={"unanswered": "true"}, headers=bob)
    assert unanswered.json()["items"] == []
    events = [kind for kind, _ in await outbox_events(engine, tenant_a) if kind.startswith("space_")]
    assert events == [
        "space_post.published",
        "space_comment.posted",
        "space_post.reacted",
        "space_post.answer_accepted",
    ]

    success = await post(client, ada, kind="success", body="A lead from my post!")
    note = await comment(client, bob, success["id"], "Bravo")
    not_a_question = await client.post(f"/v1/space/posts/{success['id']}/comments/{note['id']}/accept", headers=ada)
    assert_problem(not_a_question, 409, "not-a-question")


async def test_a_banned_term_refuses_a_post_or_comment_writing_nothing_and_a_sensitive_one_flags_it(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: Headers, moderator: Headers
) -> None:
    rules = {"banned_terms": ["confidentiel"], "sensitive_terms": ["salaire"]}
    assert (await client.patch("/v1/settings", json=rules, headers=admin_a)).status_code == 200
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    asked = await post(client, ada)

    async with nothing_written(engine):
        refused = await client.post(
            "/v1/space/posts", json={"kind": "discussion", "body": "Le plan CONFIDENTIEL"}, headers=ada
        )
        problem = assert_problem(refused, 422, "post-not-compliant")
        assert [error["loc"] for error in problem["errors"]] == [["body"]]
        refused_comment = await client.post(
            f"/v1/space/posts/{asked['id']}/comments", json={"body": "C'est confidentiel."}, headers=ada
        )
        assert_problem(refused_comment, 422, "post-not-compliant")

    flagged = await comment(client, ada, asked["id"], "Et le salaire ?")
    assert flagged["flagged_terms"] == ["salaire"]
    listed = await client.get("/v1/space/flagged", headers=moderator)
    assert [(item["comment_id"], item["terms"]) for item in listed.json()["items"]] == [(flagged["id"], ["salaire"])]
    assert_problem(await client.get("/v1/space/flagged", headers=ada), 403)


async def test_hidden_items_disappear_for_members_and_stay_with_their_reason_for_moderators(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: Headers, moderator: Headers
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    bob = await member(client, mint, tenant_a, admin_a, "Bob")
    shown = await post(client, ada, kind="discussion", body="Hello")
    spam = await comment(client, bob, shown["id"], "Buy my course")
    path = f"/v1/space/posts/{shown['id']}/comments/{spam['id']}"

    assert_problem(await client.post(f"{path}/hide", json={"reason": "Spam"}, headers=ada), 403)
    hidden = await client.post(f"{path}/hide", json={"reason": "Advertising"}, headers=moderator)
    assert hidden.status_code == 200, hidden.text
    async with nothing_written(engine):
        twice = await client.post(f"{path}/hide", json={"reason": "Again"}, headers=moderator)
        assert assert_problem(twice, 409, "already-moderated")["hidden"] is True

    members_see = await client.get(f"/v1/space/posts/{shown['id']}/comments", headers=ada)
    moderators_see = await client.get(f"/v1/space/posts/{shown['id']}/comments", headers=moderator)
    assert members_see.json()["items"] == []
    assert [c["moderation"]["reason"] for c in moderators_see.json()["items"]] == ["Advertising"]
    assert (await client.get(f"/v1/space/posts/{shown['id']}", headers=ada)).json()["comment_count"] == 0

    hide_post = await client.post(
        f"/v1/space/posts/{shown['id']}/hide", json={"reason": "Off topic"}, headers=moderator
    )
    assert hide_post.status_code == 200, hide_post.text
    assert_problem(await client.get(f"/v1/space/posts/{shown['id']}", headers=bob), 404, "not-found")
    assert (await client.get("/v1/space/posts", headers=bob)).json()["items"] == []
    assert_problem(await client.post(f"{path}/restore", json={"reason": "x"}, headers=ada), 403)
    restored = await client.post(f"/v1/space/posts/{shown['id']}/restore", json={"reason": "Fine"}, headers=moderator)
    assert restored.json()["moderation"] is None
    assert [p["id"] for p in (await client.get("/v1/space/posts", headers=bob)).json()["items"]] == [shown["id"]]


async def test_only_the_author_edits_at_the_version_read_and_deletes_with_the_comments(
    client: httpx.AsyncClient, engine: AsyncEngine, mint: Mint, tenant_a: UUID, admin_a: Headers
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    bob = await member(client, mint, tenant_a, admin_a, "Bob")
    mine = await post(client, ada)
    path = f"/v1/space/posts/{mine['id']}"
    await comment(client, bob, mine["id"], "LinkedIn.")
    change = {"title": "Networks", "body": "Which network first?"}
    assert_problem(await client.put(path, json=change, headers=bob), 403, "not-the-author")
    edited = await client.put(path, json=change, headers={**ada, "If-Match": '"v0"'})
    assert (edited.status_code, edited.json()["body"], etag_version(edited)) == (200, "Which network first?", 1)
    assert_problem(await client.put(path, json=change, headers={**ada, "If-Match": '"v0"'}), 412)
    assert (await client.delete(path, headers=ada)).status_code == 204
    assert_problem(await client.get(path, headers=bob), 404)
    assert (await client.get(f"{path}/comments", headers=bob)).status_code == 404


async def test_a_post_read_again_is_not_modified_until_someone_reacts(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: Headers
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    bob = await member(client, mint, tenant_a, admin_a, "Bob")
    path = f"/v1/space/posts/{(await post(client, ada))['id']}"
    first = await client.get(path, headers=ada)
    tag = {"If-None-Match": first.headers["ETag"]}
    assert (await client.get(path, headers={**ada, **tag})).status_code == 304
    await client.put(f"{path}/reactions/insightful", headers=bob)
    again = await client.get(path, headers={**ada, **tag})
    assert (again.status_code, again.json()["reactions"][0]["count"]) == (200, 1)


async def test_kudos_appear_in_the_space_once_as_the_worker_handles_them(
    client: httpx.AsyncClient, engine: AsyncEngine, database_url: str, mint: Mint, tenant_a: UUID, admin_a: Headers
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    ada_id = (await client.get("/v1/me", headers=ada)).json()["ambassador"]["id"]
    manager = bearer(mint(tenant_a, "manager", subject="manager|1"))
    sent = await client.post(
        f"/v1/ambassadors/{ada_id}/kudos", json={"message": "Merci pour le salon !"}, headers=manager
    )
    assert sent.status_code == 201, sent.text
    async with worker_rounds(engine, database_url) as run:
        await run()
        await run()
    kudos = await client.get("/v1/space/posts", params={"kind": "kudos"}, headers=ada)
    assert [(p["body"], p["recognised_id"], p["author_id"]) for p in kudos.json()["items"]] == [
        ("Merci pour le salon !", ada_id, None)
    ]


async def test_a_feed_page_costs_the_same_statements_for_two_posts_and_twenty(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    admin_a: Headers,
    count_statements: Callable[[], Any],
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    bob = await member(client, mint, tenant_a, admin_a, "Bob")
    costs = []
    for total in (2, 20):
        while len((await client.get("/v1/space/posts", params={"limit": 100}, headers=bob)).json()["items"]) < total:
            created = await post(client, ada)
            await comment(client, bob, created["id"], "Yes")
            await client.put(f"/v1/space/posts/{created['id']}/reactions/celebrate", headers=bob)
        with count_statements() as counter:
            page = await client.get("/v1/space/posts", params={"limit": 100}, headers=bob)
        assert len(page.json()["items"]) == total
        costs.append(len(counter.statements))
    assert costs[0] == costs[1], costs


async def test_another_organisation_never_sees_nor_touches_the_space(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, tenant_b: UUID, admin_a: Headers, admin_b: Headers
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    mine = await post(client, ada)
    assert (await client.get("/v1/space/posts", headers=admin_b)).json()["items"] == []
    assert_problem(await client.get(f"/v1/space/posts/{mine['id']}", headers=admin_b), 404)
    moderator_b = bearer(mint(tenant_b, "moderator", subject="moderator|b"))
    hide = await client.post(f"/v1/space/posts/{mine['id']}/hide", json={"reason": "x"}, headers=moderator_b)
    assert_problem(hide, 404)


@pytest.fixture
async def listener(database_url: str) -> AsyncIterator[PostgresLiveListener]:
    async with PostgresLiveListener(plain_dsn(database_url), check_seconds=0.5) as listening:
        await asyncio.wait_for(listening.listening.wait(), 10)
        yield listening


async def test_a_comment_reaches_whoever_follows_the_space_once_committed(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    listener: PostgresLiveListener,
    mint: Mint,
    tenant_a: UUID,
    admin_a: Headers,
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    asked = await post(client, ada)
    follow = FollowSpaceFeed(
        PostgresUnitOfWorkFactory(create_sessions(engine), Uuid7Generator()), SystemClock(), Uuid7Generator(), listener
    )
    principal = Principal(tenant_id=tenant_a, subject="idp|bob", roles=frozenset({Role.AMBASSADOR}))
    signals = follow(SpaceFeed(tenant_id=tenant_a, principal=principal))
    first = asyncio.ensure_future(anext(signals))
    for _ in range(1000):  # the subscription is taken when the generator first runs, a few turns later
        if listener.subscriptions:
            break
        await asyncio.sleep(0)
    assert listener.subscriptions == 1
    await comment(client, ada, asked["id"], "Anyone?")
    signal = await asyncio.wait_for(first, 5)
    await signals.aclose()
    assert (signal.kind, str(signal.post_id)) == (SpaceSignalKind.POST, asked["id"])
