"""End to end: live updates across two real ``relais serve`` replicas and a real worker on one database.

A change that goes through replica A (a click on a share, an admin's adjustment) reaches an app
subscribed on replica B, over GraphQL (graphql-transport-ws) and over Server-Sent Events: the
replicas share nothing but PostgreSQL. Tokens are checked on the socket as on HTTP, and a person of
another organisation never sees a signal that is not theirs.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from uuid import uuid4

import httpx
import pytest
from websockets.asyncio.client import connect

from tests.e2e.live_replicas import (
    BEFORE_CLICKS,
    BROWSER,
    CLICK_POINTS,
    POINTS,
    PROTOCOL,
    WAIT,
    Member,
    Replicas,
    acknowledged,
    adjust,
    anext_comment,
    close_code,
    member_with_a_share,
    next_event,
    next_points,
    notify,
    running_replicas,
    socket,
    subscribe,
    until_ended,
)
from tests.integration.conftest import bearer
from tests.integration.feed_helpers import publish

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def replicas(database_server: str, worker_name: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replicas]:
    with running_replicas(database_server, f"live_e2e_{worker_name}", tmp_path_factory.mktemp("live")) as running:
        yield running


@pytest.fixture(scope="module")
def member(replicas: Replicas) -> Member:
    return asyncio.run(member_with_a_share(replicas, "acme"))


@pytest.fixture(scope="module")
def other_member(replicas: Replicas) -> Member:
    """A member of another organisation, with the same identity-provider subject as ``member``."""
    return asyncio.run(member_with_a_share(replicas, "globex"))


async def test_an_app_subscribed_on_replica_b_sees_its_points_change_when_its_share_is_clicked_through_replica_a(
    replicas: Replicas, member: Member
) -> None:
    async with socket(replicas, replicas.b, {"Authorization": member.token}) as connection:
        await acknowledged(connection)
        await subscribe(connection, POINTS)
        first = await next_points(connection)
        assert (first["balance"], first["ambassadorId"]) == (BEFORE_CLICKS, first["ambassadorId"])

        async with httpx.AsyncClient(base_url=replicas.a, timeout=10) as client:
            followed = await client.get(
                member.tracked_path, headers={"user-agent": BROWSER, "x-forwarded-for": "203.0.113.9"}
            )
        assert followed.status_code == 302

        clicked = await next_points(connection)
        assert clicked["balance"] == BEFORE_CLICKS + CLICK_POINTS
        assert clicked["earned"] == first["earned"] + CLICK_POINTS


async def test_twenty_changes_through_replica_a_each_reach_the_subscriber_on_replica_b_in_order(
    replicas: Replicas, member: Member, record_property: Any
) -> None:
    """Twenty adjustments through A, each followed on B with the balance it made. The delay from the
    adjustment's answer (its transaction committed) to the subscriber's message is recorded and
    printed, not asserted: a shared machine's timings are no test."""
    delays, upper = [], []
    async with (
        socket(replicas, replicas.b, {"Authorization": member.token}) as connection,
        httpx.AsyncClient(base_url=replicas.a, timeout=10) as client,
    ):
        await acknowledged(connection)
        await subscribe(connection, POINTS)
        held = (await next_points(connection))["balance"]
        for _ in range(20):
            sent = time.perf_counter()
            await adjust(client, member, 1)
            answered = time.perf_counter()
            changed = await next_points(connection)
            received = time.perf_counter()
            assert changed["balance"] == held + 1
            held = changed["balance"]
            delays.append(max(received - answered, 0.0))
            upper.append(received - sent)
    median, p95 = statistics.median(delays), statistics.quantiles(delays, n=20)[18]
    record_property("live_latency", {"median_ms": median * 1000, "p95_ms": p95 * 1000})
    print(
        f"\nlive points latency, commit to subscriber on the other replica: median {median * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms; from the request's start: median {statistics.median(upper) * 1000:.1f} ms, "
        f"p95 {statistics.quantiles(upper, n=20)[18] * 1000:.1f} ms"
    )


async def test_the_event_stream_on_replica_b_shows_points_changed_through_replica_a(
    replicas: Replicas, member: Member
) -> None:
    headers = {"Authorization": member.token, "Accept": "text/event-stream"}
    async with (
        httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as reader,
        httpx.AsyncClient(base_url=replicas.a, timeout=WAIT) as writer,
        reader.stream("GET", "/v1/me/events", headers=headers) as stream,
    ):
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        assert stream.headers["cache-control"] == "no-cache"
        lines = stream.aiter_lines()
        first = await next_event(lines)
        assert first["event"] == "points"
        before = json.loads(first["data"])["balance"]
        await adjust(writer, member, 5)
        changed = await next_event(lines)
        assert (changed["event"], json.loads(changed["data"])["balance"]) == ("points", before + 5)
        assert changed["id"] != first["id"]
        heartbeat = await asyncio.wait_for(anext_comment(lines), WAIT)
        assert heartbeat == ": keep-alive"


async def test_reconnecting_with_last_event_id_starts_with_a_resync(replicas: Replicas, member: Member) -> None:
    headers = {
        "Authorization": member.token,
        "Accept": "text/event-stream",
        "Last-Event-ID": "0196a3b1-0000-7000-8000-000000000000",
    }
    async with (
        httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as reader,
        reader.stream("GET", "/v1/me/events", headers=headers) as stream,
    ):
        lines = stream.aiter_lines()
        assert [(await next_event(lines))["event"] for _ in range(2)] == ["points", "resync"]


async def test_a_member_of_another_organisation_never_sees_the_first_ones_points(
    replicas: Replicas, member: Member, other_member: Member
) -> None:
    assert member.token != other_member.token
    async with (
        socket(replicas, replicas.b, {"Authorization": other_member.token}) as theirs,
        socket(replicas, replicas.b, {"Authorization": member.token}) as ours,
        httpx.AsyncClient(base_url=replicas.a, timeout=WAIT) as client,
    ):
        for connection in (theirs, ours):
            await acknowledged(connection)
            await subscribe(connection, POINTS)
        their_first, our_first = await next_points(theirs), await next_points(ours)
        assert their_first["ambassadorId"] != our_first["ambassadorId"]
        await adjust(client, member, 3)
        assert (await next_points(ours))["balance"] == our_first["balance"] + 3
        with pytest.raises(TimeoutError):
            await next_points(theirs, within=1.5)


@pytest.mark.parametrize(
    "payload",
    [
        None,
        {},
        {"Authorization": "Bearer not-a-token"},
        {"Authorization": "Basic YWRtaW46YWRtaW4="},
    ],
    ids=["no-payload", "no-token", "invalid-token", "not-bearer"],
)
async def test_a_socket_without_a_valid_token_is_refused_with_4403(
    replicas: Replicas, payload: dict[str, Any] | None
) -> None:
    async with socket(replicas, replicas.b, payload) as connection:
        assert await close_code(connection) == (4403, "Forbidden")


async def test_an_expired_token_is_refused_and_a_socket_closes_when_its_token_expires(
    replicas: Replicas, member: Member
) -> None:
    expired = replicas.mint(member.tenant_id, "ambassador", subject="idp|ada", issued=-timedelta(hours=1))
    async with socket(replicas, replicas.b, {"Authorization": f"Bearer {expired}"}) as connection:
        assert await close_code(connection) == (4403, "Forbidden")

    short = replicas.mint(member.tenant_id, "ambassador", subject="idp|ada", ttl=timedelta(seconds=3))
    async with socket(replicas, replicas.b, {"Authorization": f"Bearer {short}"}) as connection:
        await acknowledged(connection)
        await subscribe(connection, POINTS)
        assert (await next_points(connection))["balance"] >= BEFORE_CLICKS
        assert await close_code(connection) == (4403, "access token expired")


async def test_a_subscription_before_the_acknowledgement_is_refused_with_4401(replicas: Replicas) -> None:
    async with connect(replicas.socket_url(replicas.b), subprotocols=[PROTOCOL]) as connection:  # type: ignore[list-item]
        await subscribe(connection, POINTS)
        assert await close_code(connection) == (4401, "Unauthorized")


async def test_queries_are_refused_on_the_socket_and_limits_hold_there(replicas: Replicas, member: Member) -> None:
    async with socket(replicas, replicas.b, {"Authorization": member.token}) as connection:
        await acknowledged(connection)
        await subscribe(connection, "{ myPoints { balance } }", "query")
        refused = json.loads(await asyncio.wait_for(connection.recv(), WAIT))
        assert refused["id"] == "query"
        assert refused["payload"] == [
            {
                "message": "This socket carries subscriptions; send queries and mutations over HTTP.",
                "extensions": {"code": "invalid-query"},
            }
        ]

        # The token limit stops the parser: a syntax error, which the protocol answers by closing with 4400.
        huge = "subscription { pointsChanged { " + "balance " * 2500 + "} }"
        await subscribe(connection, huge, "huge")
        code, reason = await close_code(connection)
        assert (code, "more than 2000 tokens" in (reason or "")) == (4400, True)


async def test_the_event_stream_refuses_a_missing_token_and_a_token_linked_to_no_one(
    replicas: Replicas, member: Member
) -> None:
    stranger = bearer(replicas.mint(member.tenant_id, "ambassador", subject="idp|nobody"))
    async with httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as client:
        missing = await client.get("/v1/me/events", headers={"Accept": "text/event-stream"})
        unlinked = await client.get("/v1/me/events", headers=stranger | {"Accept": "text/event-stream"})
    assert (missing.status_code, missing.headers["content-type"]) == (401, "application/problem+json")
    assert missing.headers["WWW-Authenticate"] == "Bearer"
    assert (unlinked.status_code, unlinked.json()["type"]) == (403, "urn:relais:problem:employee-not-linked")


async def test_a_subscription_the_use_case_refuses_ends_with_its_error_coded_as_over_http(
    replicas: Replicas, member: Member
) -> None:
    async with socket(replicas, replicas.b, member.admin) as connection:
        await acknowledged(connection)
        await subscribe(connection, POINTS)
        refused = json.loads(await asyncio.wait_for(connection.recv(), WAIT))
        completed = json.loads(await asyncio.wait_for(connection.recv(), WAIT))
    assert refused == {
        "id": "1",
        "type": "next",
        "payload": {
            "data": None,
            "errors": [
                {"message": "This action needs one of the roles: ambassador.", "extensions": {"code": "forbidden"}}
            ],
        },
    }
    assert completed == {"id": "1", "type": "complete"}


async def test_a_notification_signal_reaches_the_inbox_subscription_and_the_event_stream_on_replica_b(
    replicas: Replicas, member: Member
) -> None:
    notification = uuid4()
    headers = {"Authorization": member.token, "Accept": "text/event-stream"}
    async with (
        socket(replicas, replicas.b, {"Authorization": member.token}) as connection,
        httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as reader,
        reader.stream("GET", "/v1/me/events", headers=headers) as stream,
    ):
        await acknowledged(connection)
        await subscribe(connection, "subscription { inboxSignals { kind notificationUuid } }")
        lines = stream.aiter_lines()
        assert (await next_event(lines))["event"] == "points"
        await asyncio.sleep(0.5)  # the subscription is registered once the socket's operation started

        await notify(replicas, member, notification)

        signalled = json.loads(await asyncio.wait_for(connection.recv(), WAIT))
        assert signalled["payload"]["data"]["inboxSignals"] == {
            "kind": "NOTIFICATION",
            "notificationUuid": str(notification),
        }
        streamed = await next_event(lines)
        assert streamed == {
            "id": str(notification),
            "event": "notification",
            "data": json.dumps({"id": str(notification)}, separators=(",", ":")),
        }


async def test_a_content_approved_through_replica_a_reaches_the_inbox_and_both_live_transports_on_replica_b(
    replicas: Replicas, member: Member
) -> None:
    headers = {"Authorization": member.token, "Accept": "text/event-stream"}
    async with (
        socket(replicas, replicas.b, {"Authorization": member.token}) as connection,
        httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as reader,
        reader.stream("GET", "/v1/me/events", headers=headers) as stream,
        httpx.AsyncClient(base_url=replicas.a, timeout=WAIT) as writer,
    ):
        await acknowledged(connection)
        await subscribe(connection, "subscription { inboxSignals { kind notificationUuid } }")
        lines = stream.aiter_lines()
        assert (await next_event(lines))["event"] == "points"
        await asyncio.sleep(0.5)  # the subscription is registered once the socket's operation started

        content_id = await publish(writer, member.programme, title="Nouveau produit")

        signalled = json.loads(await asyncio.wait_for(connection.recv(), WAIT))["payload"]["data"]["inboxSignals"]
        streamed = await next_event(lines)
        inbox = (await reader.get("/v1/me/notifications", headers={"Authorization": member.token})).json()
    [newest] = [item for item in inbox["items"] if item["data"].get("content_id") == content_id]
    assert (newest["kind"], newest["state"], newest["data"]["title"]) == ("new_content", "unread", "Nouveau produit")
    assert signalled == {"kind": "NOTIFICATION", "notificationUuid": newest["id"]}
    assert (streamed["event"], streamed["id"]) == ("notification", newest["id"])


async def test_a_post_published_through_replica_a_reaches_the_spaces_followers_on_replica_b_of_its_organisation(
    replicas: Replicas, member: Member, other_member: Member
) -> None:
    """The community space's stream over real sockets: a follower hears of a post of their organisation
    at once, and a follower of another organisation on the same replica hears nothing of it."""
    ours_headers = {"Authorization": member.token, "Accept": "text/event-stream"}
    theirs_headers = {"Authorization": other_member.token, "Accept": "text/event-stream"}
    async with (
        httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as reader,
        httpx.AsyncClient(base_url=replicas.a, timeout=WAIT) as writer,
        reader.stream("GET", "/v1/space/events", headers=ours_headers) as ours,
        reader.stream("GET", "/v1/space/events", headers=theirs_headers) as theirs,
    ):
        assert (ours.status_code, ours.headers["content-type"]) == (200, "text/event-stream; charset=utf-8")
        our_lines, their_lines = ours.aiter_lines(), theirs.aiter_lines()
        # Each stream opens with its retry delay, sent once the follower is listening.
        assert await asyncio.wait_for(anext(our_lines), WAIT) == "retry: 3000"
        assert await asyncio.wait_for(anext(their_lines), WAIT) == "retry: 3000"
        post = {"kind": "question", "body": "Who has a stand at the trade fair?"}
        published = await writer.post("/v1/space/posts", json=post, headers=member.headers)
        assert published.status_code == 201, published.text
        heard = await next_event(our_lines)
        assert (heard["event"], json.loads(heard["data"])) == ("post", {"post_id": published.json()["id"]})
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(next_event(their_lines), 1.5)


async def test_a_replica_that_stops_ends_its_streams_at_once_rather_than_at_its_grace_period(
    replicas: Replicas, member: Member
) -> None:
    """Last of the module: it stops replica B. Its clients are let go at once, to reconnect elsewhere."""
    serve_b = replicas.processes[1]
    headers = {"Authorization": member.token, "Accept": "text/event-stream"}
    async with (
        socket(replicas, replicas.b, {"Authorization": member.token}) as connection,
        httpx.AsyncClient(base_url=replicas.b, timeout=WAIT) as reader,
        reader.stream("GET", "/v1/me/events", headers=headers) as stream,
    ):
        await acknowledged(connection)
        lines = stream.aiter_lines()
        assert (await next_event(lines))["event"] == "points"
        stopped_at = time.monotonic()
        serve_b.terminate()
        with pytest.raises((StopAsyncIteration, httpx.RemoteProtocolError)):
            await until_ended(lines)
        assert await close_code(connection) == (1012, "")
    exit_code = await asyncio.to_thread(serve_b.wait, 20)
    assert (exit_code, time.monotonic() - stopped_at < 5) == (0, True)
