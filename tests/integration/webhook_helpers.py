"""Shared steps of the outgoing webhooks' tests: a real HTTP receiver on this machine, and the real
worker (its rounds and its webhook sender) running until a test has seen what it waits for."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import asyncpg
import httpx
import uvicorn
from prometheus_client import CollectorRegistry

from app.adapters.postgres.events.delivery_queue import PostgresDeliveryQueue
from app.adapters.postgres.notifications.inbox import PostgresNotificationStore
from app.adapters.postgres.webhooks.deliveries import PostgresWebhookDeliveries
from app.adapters.system import SystemClock, Uuid7Generator
from app.adapters.webhooks.outgoing import HttpxWebhookSender, StandardWebhookSigner, SystemResolver
from app.adapters.webhooks.secret_box import secret_box
from app.domain.webhooks.deliveries import RetrySchedule
from app.services.events.deliver_events import DeliverEvents
from app.services.events.handlers import EventHandlers
from app.services.notifications.handlers import NotifyMembers
from app.services.webhooks.deliver_webhooks import DeliverWebhooks, WebhookLimits
from app.services.webhooks.fan_out import FanOutToWebhooks
from app.settings import Settings
from app.worker import Worker, WorkerMetrics
from tests.integration.worker_helpers import QUICK_RETRIES, SMALL_BATCHES

# Retries come again at once, so that a test sees a whole schedule without waiting for it.
NO_WAIT = RetrySchedule(delays=(timedelta(0),) * 9, jitter=0)


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def payload(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.body)
        return loaded


@dataclass
class Receiver:
    """An HTTP server on 127.0.0.1 that answers the statuses it is given in turn (then 204) and keeps
    every request."""

    answers: list[int] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)
    port: int = 0
    delay: float = 0.0

    @property
    def url(self) -> str:
        return f"http://localhost:{self.port}/hooks"

    async def __call__(self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {key.decode("latin-1"): value.decode("latin-1") for key, value in scope["headers"]}
        self.requests.append(Received(scope["path"], headers, body))
        if self.delay:
            await asyncio.sleep(self.delay)
        status = self.answers.pop(0) if self.answers else 204
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    def of_type(self, event_type: str) -> list[Received]:
        return [request for request in self.requests if request.payload["type"] == event_type]


@contextlib.asynccontextmanager
async def receiving(receiver: Receiver) -> AsyncIterator[Receiver]:
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.bind(("127.0.0.1", 0))
    receiver.port = listening.getsockname()[1]
    config = uvicorn.Config(receiver, log_config=None, access_log=False, lifespan="off", limit_concurrency=1000)
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve(sockets=[listening]))
    while not server.started:  # noqa: ASYNC110 - uvicorn sets a flag, no event
        await asyncio.sleep(0.01)
    try:
        yield receiver
    finally:
        server.should_exit = True
        await serving
        listening.close()


def webhook_worker(
    settings: Settings,
    pool: asyncpg.Pool,
    *,
    schedule: RetrySchedule = NO_WAIT,
    limits: WebhookLimits | None = None,
    timeout: float = 5.0,
    with_notifications: bool = False,
) -> tuple[Worker, DeliverWebhooks]:
    """The worker as ``relais worker`` runs it, with the webhooks' handler (and the notifications' when
    asked) and quick retries."""
    clock, ids = SystemClock(), Uuid7Generator()
    deliveries = PostgresWebhookDeliveries(pool, ids)
    handlers = EventHandlers([FanOutToWebhooks(deliveries, clock)])
    if with_notifications:
        handlers.register(NotifyMembers(PostgresNotificationStore(pool), clock))
    rounds = DeliverEvents(
        PostgresDeliveryQueue(pool),
        handlers,
        clock,
        ids,
        QUICK_RETRIES,
        SMALL_BATCHES,
    )
    limits = limits or WebhookLimits()
    sender = HttpxWebhookSender(
        SystemResolver(), settings.webhook_allowed_hosts, timeout=timeout, max_connections=limits.concurrency
    )
    dispatcher = DeliverWebhooks(
        deliveries,
        sender,
        StandardWebhookSigner(),
        secret_box(settings.secrets_key_list, settings.data_dir),
        clock,
        schedule=schedule,
        limits=limits,
        allowed_hosts=settings.webhook_allowed_hosts,
    )
    worker = Worker(
        rounds,
        clock,
        WorkerMetrics(CollectorRegistry()),
        poll=timedelta(seconds=0.02),
        stalled_after=timedelta(seconds=60),
        alongside=[dispatcher],
    )
    return worker, dispatcher


@contextlib.asynccontextmanager
async def working(worker: Worker, dispatcher: DeliverWebhooks) -> AsyncIterator[None]:
    running = asyncio.create_task(worker.run())
    try:
        yield
    finally:
        worker.stop()
        await running
        await dispatcher.close()


async def until(condition: Callable[[], bool], seconds: float = 15.0) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "not seen in time"
        await asyncio.sleep(0.02)


async def eventually(check: Callable[[], Awaitable[bool]], seconds: float = 15.0) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, "not seen in time"
        await asyncio.sleep(0.05)


async def register(
    client: httpx.AsyncClient, headers: dict[str, str], url: str, event_types: Iterable[str] = ("share.*",)
) -> dict[str, Any]:
    response = await client.post(
        "/v1/webhook-endpoints", json={"url": url, "event_types": list(event_types)}, headers=headers
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created
