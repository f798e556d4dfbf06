"""The mixed load, over real HTTP, each request to the next replica in turn: clicks from distinct
visitors, shares, conversions, redemptions in waves, roster changes. Every answer is tallied, and
what the checks need is kept: the clicks each share had acknowledged, the conversions and
redemptions stored."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from tests.e2e.live_replicas import BROWSER
from tests.integration.helpers import person
from tests.scale.seed import CONTENTS, NETWORKS, Organisation, confirmed_share

CLICKERS = 4
# The clickers together send at most this many clicks a second. The rewards of one organisation's clicks
# are handed over in order by one worker at a time (about 30 a second on two cores), so an unpaced load
# made the drain as long as the machine was fast: 3,800 clicks and 111 s on one run, 1,300 and 35 s on
# another. Paced, the drain stays within the same bound on any machine; what is checked is unchanged.
CLICKS_PER_SECOND = 60


@dataclass(slots=True)
class Tally:
    requests: Counter[str] = field(default_factory=Counter)
    clicks_acknowledged: Counter[str] = field(default_factory=Counter)
    clicks_unanswered: Counter[str] = field(default_factory=Counter)
    click_refs: list[str] = field(default_factory=list)
    conversions: set[str] = field(default_factory=set)
    redemptions: set[str] = field(default_factory=set)
    redemption_attempts: int = 0

    def outcome(self, kind: str, response: httpx.Response | None) -> None:
        if response is None:
            self.requests[f"{kind} unanswered"] += 1
            return
        problem = ""
        if response.headers.get("content-type", "").startswith("application/problem+json"):
            problem = " " + response.json()["type"].rsplit(":", 1)[-1]
        self.requests[f"{kind} {response.status_code}{problem}"] += 1

    def per_kind(self) -> dict[str, int]:
        kinds: Counter[str] = Counter()
        for key, count in self.requests.items():
            kinds[key.split(" ", 1)[0]] += count
        return dict(sorted(kinds.items()))


class Replicas:
    """A client per replica; each call to ``next`` gives the other one: what a round-robin load balancer
    does."""

    def __init__(self, clients: list[httpx.AsyncClient]) -> None:
        self._clients = itertools.cycle(clients)

    def next(self) -> httpx.AsyncClient:
        return next(self._clients)


@dataclass(slots=True)
class Load:
    programme: Organisation
    replicas: Replicas
    stop: asyncio.Event
    tally: Tally = field(default_factory=Tally)
    visitors: itertools.count[int] = field(default_factory=itertools.count)

    async def send(self, kind: str, method: str, path: str, **options: Any) -> httpx.Response | None:
        """One request to the next replica; None when it was not answered (a replica killed or starting)."""
        try:
            response = await self.replicas.next().request(method, path, **options)
        except httpx.TransportError:
            self.tally.outcome(kind, None)
            await asyncio.sleep(0.1)
            return None
        self.tally.outcome(kind, response)
        return response

    async def clicks(self) -> None:
        """Each click from a visitor of its own, in a /24 of its own: every one counted and unique."""
        loop = asyncio.get_running_loop()
        while not self.stop.is_set():
            sent = loop.time()
            number = next(self.visitors)
            shares = list(self.programme.shares.items())
            share_id, path = shares[number % len(shares)]
            address = f"10.{number // 256 % 256}.{number % 256}.7"
            headers = {"user-agent": BROWSER, "x-forwarded-for": address}
            response = await self.send("click", "GET", path, headers=headers)
            if response is not None and response.status_code == 302:
                self.tally.clicks_acknowledged[share_id] += 1
                reference = httpx.URL(response.headers["location"]).params.get("rl_click")
                if reference:
                    self.tally.click_refs.append(reference)
            else:
                self.tally.clicks_unanswered[share_id] += 1
            await asyncio.sleep(max(0.0, sent + CLICKERS / CLICKS_PER_SECOND - loop.time()))

    async def shares(self) -> None:
        """Every member shares every further content on every network: an intent, then posted."""
        combinations = [
            (member, content, network)
            for content in self.programme.contents[1:CONTENTS]
            for network in NETWORKS
            for member in self.programme.members
        ]
        while combinations and not self.stop.is_set():
            member, content, network = combinations.pop(0)
            try:
                share = await confirmed_share(self.replicas.next(), member.headers, content, network)
            except httpx.TransportError:
                share = None
            if isinstance(share, dict):
                self.tally.requests["share posted"] += 1
                self.programme.shares[share["id"]] = httpx.URL(share["tracked_url"]).path
            else:
                # A replica went away mid-way: the same intent is given again (200) on the other.
                self.tally.outcome("share", share)
                combinations.append((member, content, network))
                await asyncio.sleep(0.1)
            await asyncio.sleep(0.05)

    async def conversions(self) -> None:
        """A lead per click reference a landing page received, reported again on the other replica when
        unanswered: a repeat is answered 200 and stored once."""
        for number in itertools.count():
            if self.stop.is_set():
                return
            if not self.tally.click_refs:
                await asyncio.sleep(0.1)
                continue
            body = {
                "type": "lead",
                "external_id": f"lead-{number}",
                "occurred_at": datetime.now(UTC).isoformat(),
                "click_ref": self.tally.click_refs.pop(),
            }
            for _ in range(3):
                response = await self.send(
                    "conversion", "POST", "/v1/conversions", json=body, headers=self.programme.integrator
                )
                if response is not None:
                    if response.status_code in {200, 201}:
                        self.tally.conversions.add(response.json()["id"])
                    break
            await asyncio.sleep(0.1)

    async def redemption_wave(self, reward_id: str, per_member: int = 2) -> None:
        """Every member asks for ``reward_id`` ``per_member`` times at once: more demand than stock."""

        async def redeem(headers: dict[str, str]) -> None:
            response = await self.send(
                "redemption", "POST", "/v1/redemptions", json={"reward_id": reward_id}, headers=headers
            )
            if response is not None and response.status_code == 201:
                self.tally.redemptions.add(response.json()["id"])

        members = [member.headers for member in self.programme.members for _ in range(per_member)]
        self.tally.redemption_attempts += len(members)
        await asyncio.gather(*(redeem(headers) for headers in members))

    async def roster(self) -> None:
        """The roster API: an employee hired, then their department changed on the other replica."""
        while not self.stop.is_set():
            hired = await self.send("roster", "POST", "/v1/employees", json=person(), headers=self.programme.admin)
            if hired is not None and hired.status_code == 201:
                path = f"/v1/employees/{hired.json()['id']}"
                await self.send("roster", "PATCH", path, json={"department": "Marketing"}, headers=self.programme.admin)
            await asyncio.sleep(0.2)


async def at(moment: float, started: float, action: Callable[[], Awaitable[None]]) -> None:
    await asyncio.sleep(max(0.0, started + moment - asyncio.get_running_loop().time()))
    await action()
