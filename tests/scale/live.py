"""Live subscribers held open on one replica each for the whole run, as apps do: an event stream
(``GET /v1/me/events``) or a GraphQL ``pointsChanged`` subscription, connected again whenever their
replica goes away. They keep every balance and notification they were sent."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field

import httpx
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

from tests.e2e.live_replicas import POINTS, PROTOCOL, acknowledged, subscribe


@dataclass(slots=True)
class Subscriber:
    transport: str  # "sse" or "graphql"
    replica: str  # "serve-a" or "serve-b"
    base: str
    member: int
    token: str
    balances: list[int] = field(default_factory=list)
    notifications: list[str] = field(default_factory=list)
    connections: int = 0

    @property
    def name(self) -> str:
        return f"{self.transport} member {self.member} on {self.replica}"

    @property
    def signals(self) -> int:
        return len(self.balances) + len(self.notifications)

    async def follow(self, stop: asyncio.Event) -> None:
        """Stay subscribed until ``stop``; a dropped connection is opened again half a second later."""
        while not stop.is_set():
            self.connections += 1
            try:
                if self.transport == "sse":
                    await self._stream(stop)
                else:
                    await self._socket(stop)
            except (httpx.TransportError, WebSocketException, OSError, TimeoutError):
                pass
            if not stop.is_set():
                await asyncio.sleep(0.5)

    async def _stream(self, stop: asyncio.Event) -> None:
        headers = {"Authorization": self.token, "Accept": "text/event-stream"}
        async with (
            httpx.AsyncClient(base_url=self.base, timeout=httpx.Timeout(10, read=None)) as client,
            client.stream("GET", "/v1/me/events", headers=headers) as stream,
        ):
            if stream.status_code != 200:
                return
            fields: dict[str, str] = {}
            async for line in stream.aiter_lines():
                if stop.is_set():
                    return
                if line.startswith(":"):
                    continue
                if line:
                    name, _, value = line.partition(": ")
                    fields[name] = value
                    continue
                if fields.get("event") == "points":
                    self.balances.append(int(json.loads(fields["data"])["balance"]))
                elif fields.get("event") == "notification":
                    self.notifications.append(fields["id"])
                fields = {}

    async def _socket(self, stop: asyncio.Event) -> None:
        url = self.base.replace("http://", "ws://") + "/graphql"
        async with connect(url, subprotocols=[PROTOCOL], open_timeout=10) as connection:  # type: ignore[list-item]
            await connection.send(json.dumps({"type": "connection_init", "payload": {"Authorization": self.token}}))
            await acknowledged(connection)
            await subscribe(connection, POINTS)
            while not stop.is_set():
                try:
                    message = json.loads(await asyncio.wait_for(connection.recv(), 1))
                except TimeoutError:
                    continue
                if message.get("type") != "next":
                    return
                self.balances.append(int(message["payload"]["data"]["pointsChanged"]["balance"]))
