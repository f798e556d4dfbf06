"""Several replicas, proven: two ``relais serve`` and two ``relais worker`` processes on one PostgreSQL and
one Redis under a mixed load over real HTTP, one serve and one worker killed with SIGKILL mid-run and
started again. Once the workers have drained, nothing acknowledged is lost and nothing is done twice.

Run by ``make scale-test`` (``-m scale``; ``make test`` leaves it out). ``RELAIS_SCALE_SECONDS`` sets
how long the load runs (40 s by default). Every wait is bounded and fails saying what did not happen.
"""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from tests.integration.share_helpers import published
from tests.scale import checks
from tests.scale.cluster import ANONYMOUS_BUDGET, SERVES, WEBHOOK_CONCURRENCY, Cluster, running_cluster, start_workers
from tests.scale.live import Subscriber
from tests.scale.load import CLICKERS, Load, Replicas, at
from tests.scale.seed import MEMBERS, REWARDS, STOCK, Organisation, seed

pytestmark = pytest.mark.scale

SECONDS = float(os.environ.get("RELAIS_SCALE_SECONDS", "30"))
# When, as a share of the load's time, one replica and one worker are killed.
KILL_AT = 0.25
# The paced load drains in about 25 s on two cores; a stall never ends, so the bound only has to outlast
# a slow or busy machine, with room to spare.
DRAIN_SECONDS = 240.0
LIVE_SECONDS = 30.0


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("RELAIS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")

    async def ping() -> None:
        redis = Redis.from_url(url, socket_connect_timeout=2)
        try:
            await redis.ping()
        finally:
            await redis.aclose()

    try:
        asyncio.run(ping())
    except OSError as error:
        pytest.fail(f"the scale test shares rate limits through Redis, and none answers at {url}: {error}")
    return url


def test_two_replicas_and_two_workers_lose_nothing_and_do_nothing_twice_when_one_of_each_is_killed(
    database_server: str, tmp_path: Path, redis_url: str
) -> None:
    started = time.monotonic()
    phases: dict[str, float] = {}

    def phase(name: str) -> None:
        phases[name] = round(time.monotonic() - started - sum(phases.values()), 1)

    with running_cluster(database_server, tmp_path, redis_url) as cluster:
        phase("migration and both replicas ready")
        organisation = asyncio.run(seed(cluster))
        phase("seed")
        start_workers(cluster)
        phase("both workers ready")
        run = asyncio.run(drive(cluster, organisation, redis_url))
        phase("load, drain, live and rate-limit rounds")
        run["phases"] = phases
        violations, figures = asyncio.run(verify(cluster, organisation, run))
    figures["whole run, start-up and teardown included (s)"] = round(time.monotonic() - started, 1)
    print("\nscale test:\n" + "\n".join(f"  {name}: {value}" for name, value in figures.items()))
    assert not violations, "\n".join(violations)


async def until(condition: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not within {seconds} s: {what}")
        await asyncio.sleep(0.1)


async def drive(cluster: Cluster, organisation: Organisation, redis_url: str) -> dict[str, Any]:
    stop_live = asyncio.Event()
    subscribers = [
        Subscriber(
            transport, serve, cluster.bases[serve], member, organisation.members[member].headers["Authorization"]
        )
        for transport, member in (("sse", 0), ("sse", 1), ("graphql", 0))
        for serve in SERVES
    ]
    following = [asyncio.create_task(subscriber.follow(stop_live)) for subscriber in subscribers]
    await until(lambda: all(s.balances for s in subscribers), LIVE_SECONDS, "every subscriber's first balance")
    async with (
        httpx.AsyncClient(base_url=cluster.a, timeout=10) as to_a,
        httpx.AsyncClient(base_url=cluster.b, timeout=10) as to_b,
    ):
        load = Load(organisation, Replicas([to_a, to_b]), asyncio.Event())
        begun, restarts = asyncio.get_running_loop().time(), {}

        async def kill_and_restart() -> None:
            # One replica and one worker die with what they hold; both start again, as an orchestrator would.
            cluster.kill("serve-b")
            cluster.kill("worker-1")
            restarts["killed"] = time.monotonic()
            for name in ("serve-b", "worker-1"):
                cluster.start(name)
            for name in ("worker-1", "serve-b"):
                await asyncio.to_thread(cluster.wait_ready, name)
                restarts[name] = time.monotonic() - restarts["killed"]

        rewards = organisation.rewards
        # Killed while the second wave of redemptions is in flight.
        restart = asyncio.create_task(at(KILL_AT * SECONDS + 0.05, begun, kill_and_restart))
        tasks = [asyncio.create_task(load.clicks()) for _ in range(CLICKERS)] + [
            asyncio.create_task(task)
            for task in (
                load.shares(),
                load.conversions(),
                load.roster(),
                at(0.1 * SECONDS, begun, lambda: load.redemption_wave(rewards[0])),
                at(KILL_AT * SECONDS, begun, lambda: load.redemption_wave(rewards[1])),
                at(0.6 * SECONDS, begun, lambda: load.redemption_wave(rewards[2])),
            )
        ]
        await asyncio.sleep(SECONDS)
        load.stop.set()
        await asyncio.gather(*tasks)
        ended = time.monotonic()
        signals_during_load = {s.name: s.signals for s in subscribers}
        drain = await checks.drained(cluster.database, MEMBERS, DRAIN_SECONDS, cluster.logs)
        drained_after_kill = time.monotonic() - restarts["killed"]
        # The restarted replica must be serving again before its subscribers are asked to see anything.
        await restart
        waited_for_restart = time.monotonic() - ended
        final = await live_round(cluster, organisation, subscribers, to_a, to_b)
        limits = await rate_limit_round(to_a, to_b, redis_url)
    stop_live.set()
    await asyncio.gather(*following)
    await checks.drained(cluster.database, MEMBERS, DRAIN_SECONDS, cluster.logs)
    return {
        "load": load,
        "subscribers": subscribers,
        "signals during load": signals_during_load,
        "drain after load": drain,
        "drain after kill": drained_after_kill,
        "restarted, ready after (s)": {name: round(restarts[name], 1) for name in ("worker-1", "serve-b")},
        "load end to the restarted replica ready (s)": round(waited_for_restart, 1),
        "final balances": final,
        "rate limits": limits,
    }


async def live_round(
    cluster: Cluster,
    organisation: Organisation,
    subscribers: list[Subscriber],
    to_a: httpx.AsyncClient,
    to_b: httpx.AsyncClient,
) -> dict[int, int]:
    """Once drained: a point given through replica A to each subscribed member, then a content published
    through replica B; every subscriber, whichever replica it is on, sees the balance and (on the event
    streams) the notification."""
    notified_before = {s.name: len(s.notifications) for s in subscribers}
    balances: dict[int, int] = {}
    for member in sorted({s.member for s in subscribers}):
        path = f"/v1/ambassadors/{organisation.members[member].ambassador_id}/points"
        body = {"points": 1, "reason": "Scale test: the last change every subscriber must see."}
        given = await to_a.post(f"{path}/adjustments", json=body, headers=organisation.admin)
        assert given.status_code == 201, given.text
        balances[member] = int((await to_a.get(path, headers=organisation.admin)).json()["balance"])
    await until(
        lambda: all(s.balances and s.balances[-1] == balances[s.member] for s in subscribers),
        LIVE_SECONDS,
        f"every subscriber on both replicas seeing the balances {balances}",
    )
    await published(to_b, organisation.sharing, title="Dernière offre")
    streams = [s for s in subscribers if s.transport == "sse"]
    await until(
        lambda: all(len(s.notifications) > notified_before[s.name] for s in streams),
        LIVE_SECONDS,
        "the new content's notification on every event stream of both replicas",
    )
    assert cluster.processes  # the deployment is still up for the checks
    return balances


async def rate_limit_round(to_a: httpx.AsyncClient, to_b: httpx.AsyncClient, redis_url: str) -> list[str]:
    """The anonymous budget of one address, spent half through A and half through B, is spent on both:
    the next request is refused by either. Only counted answers (with a ``RateLimit`` header) are kept:
    a replica that cannot reach Redis within its timeout serves the request uncounted, by design."""
    address = f"198.18.{random.randrange(256)}.{random.randrange(1, 255)}"
    headers = {"x-forwarded-for": address}

    async def counted(client: httpx.AsyncClient) -> httpx.Response:
        for _ in range(5):
            response = await client.get("/v1/me", headers=headers)
            if "ratelimit" in response.headers or response.status_code == 429:
                return response
        pytest.fail(f"{client.base_url} served five requests in a row uncounted: is Redis answering?")

    try:
        spent = [await counted((to_a, to_b)[n % 2]) for n in range(ANONYMOUS_BUDGET)]
        refused = [await counted(client) for client in (to_a, to_b)]
    finally:
        redis = Redis.from_url(redis_url)
        try:
            keys = [key async for key in redis.scan_iter(match=f"*{address}*")]
            if keys:
                await redis.delete(*keys)
        finally:
            await redis.aclose()
    kinds = [str(response.json().get("type", "")).rsplit(":", 1)[-1] for response in spent + refused]
    return [f"{response.status_code} {kind}" for response, kind in zip(spent + refused, kinds, strict=True)]


async def verify(cluster: Cluster, organisation: Organisation, run: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    url, load, violations = cluster.database, run["load"], []
    tally = load.tally

    stored_clicks = await checks.clicks_per_share(url)
    for share_id in set(tally.clicks_acknowledged) | set(stored_clicks):
        acknowledged, unanswered = tally.clicks_acknowledged[share_id], tally.clicks_unanswered[share_id]
        stored, distinct, counted = stored_clicks.get(share_id, (0, 0, 0))
        if not acknowledged <= stored <= acknowledged + unanswered:
            violations.append(
                f"share {share_id}: {acknowledged} clicks acknowledged, {unanswered} not, {stored} stored"
            )
        if not stored == distinct == counted:
            violations.append(f"share {share_id}: {stored} clicks stored, {distinct} visitors, {counted} counted")

    for problem, rows in (await checks.ledger(url)).items():
        if rows:
            violations.append(f"{problem}: {[tuple(row) for row in rows[:5]]}")

    left = await checks.stock(url)
    for reward_id, (units, holding, misspent) in left.items():
        if units < 0 or holding != STOCK - units or holding > STOCK or misspent:
            violations.append(f"reward {reward_id}: {units} left, {holding} redeemed of {STOCK}, {misspent} misspent")
    if not tally.redemptions <= await checks.stored_ids(url, "redemptions"):
        violations.append("a redemption answered 201 is not stored")
    if tally.redemption_attempts <= REWARDS * STOCK:
        violations.append(f"only {tally.redemption_attempts} redemptions asked for {REWARDS * STOCK} units")
    if not tally.conversions <= await checks.stored_ids(url, "conversions"):
        violations.append("a conversion answered 201 is not stored")

    if run["rate limits"] != ["401 unauthenticated"] * ANONYMOUS_BUDGET + ["429 rate-limited"] * 2:
        violations.append(f"the anonymous budget was not shared by the replicas: {run['rate limits']}")

    missing = await checks.undelivered_events(url)
    if missing:
        violations.append(f"events without a webhook delivery: {[tuple(row) for row in missing[:5]]}")
    received = Counter(cluster.received.read_text().split()) if cluster.received.exists() else Counter()
    made = await checks.deliveries(url)
    interrupted = 0
    for event_id, (count, total, attempts, succeeded) in made.items():
        # ``total`` counts attempts when they are claimed, a row is written when one is settled: a worker
        # killed in between leaves one attempt counted without a row, perhaps received.
        seen = received[event_id]
        if count != 1 or not attempts <= total <= attempts + 1 or not max(succeeded, 1) <= seen <= total:
            violations.append(
                f"event {event_id}: {count} deliveries, {total} attempts counted, {attempts} settled "
                f"({succeeded} succeeded), {seen} received"
            )
        interrupted += total > attempts
    if interrupted > WEBHOOK_CONCURRENCY:
        violations.append(f"{interrupted} deliveries interrupted: more than the killed worker had in flight")
    if set(received) - set(made):
        violations.append(f"the receiver got events no delivery was made for: {sorted(set(received) - set(made))[:5]}")

    rows, prepared = await checks.digests(url)
    if rows != MEMBERS or len(prepared) != MEMBERS or set(prepared.values()) != {1}:
        violations.append(f"weekly digests: {rows} rows, events per member and week {dict(prepared)}")
    parked = await checks.parked(url)
    if parked:
        violations.append(f"parked events: {[tuple(row) for row in parked[:5]]}")

    subscribers: list[Subscriber] = run["subscribers"]
    quiet = [name for name, signals in run["signals during load"].items() if signals < 2]
    if quiet:
        violations.append(f"subscribers that saw no change during the load: {quiet}")
    per_replica = Counter({serve: sum(s.signals for s in subscribers if s.replica == serve) for serve in SERVES})
    figures: dict[str, Any] = {
        "load (s)": SECONDS,
        "requests per kind": tally.per_kind(),
        "answers": dict(sorted(tally.requests.items())),
        "clicks acknowledged / stored": f"{sum(tally.clicks_acknowledged.values())} / "
        f"{sum(stored for stored, _, _ in stored_clicks.values())}",
        "shares clicked": len(stored_clicks),
        "ledger": await checks.ledger_figures(url),
        "redemptions asked / acknowledged / units in stock at first": f"{tally.redemption_attempts} / "
        f"{len(tally.redemptions)} / {REWARDS * STOCK}",
        "rate-limit round (answers through A and B in turn)": dict(Counter(run["rate limits"])),
        "webhook events delivered": len(made),
        "deliveries per event": dict(Counter(count for count, *_ in made.values())),
        "receipts per delivery": dict(Counter(received[event_id] for event_id in made)),
        "deliveries interrupted by the kill (claimed, never settled) / received more than once": f"{interrupted} / "
        f"{sum(received[event_id] > 1 for event_id in made)}",
        "live signals per replica": dict(per_replica),
        "subscriber connections (reconnections after the kill)": {s.name: s.connections for s in subscribers},
        "weekly digests prepared": rows,
        "drain after the load ended (s)": round(run["drain after load"], 1),
        "drain after the kill (s)": round(run["drain after kill"], 1),
        "killed processes ready again after (s)": run["restarted, ready after (s)"],
        "phases (s)": run["phases"],
    }
    return violations, figures
