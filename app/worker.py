"""The event worker's loop: ``relais worker`` runs rounds of ``DeliverEvents`` until told to stop,
and answers its health checks and metrics on a port of its own.

Handlers live with their capability and reach the worker through the ``EventHandlers`` registry the
composition root fills; the loop knows none of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from datetime import timedelta

import structlog
import uvicorn
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, generate_latest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.domain.deliveries import DeliverySource
from app.domain.events import EventType
from app.ports.events import QueueStatus
from app.ports.health import ReadinessProbe
from app.ports.system import Clock
from app.services.events.deliver_events import DeliverEvents, Outcome, Try

log = structlog.stdlib.get_logger("relais.worker")
PROBLEM_JSON = "application/problem+json"


class WorkerMetrics:
    """What ``/metrics`` tells of the worker. Counters are this process's; the parked count and the
    lag are the whole deployment's, read from the database every few seconds."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.taken = Counter(
            "relais_worker_outbox_events_taken",
            "Outbox events taken by this worker (each once in the deployment), by type, handled or not.",
            ["type"],
            registry=registry,
        )
        self.handled = Counter(
            "relais_worker_events_handled",
            "Events a handler finished without error, by event type and handler.",
            ["type", "handler"],
            registry=registry,
        )
        self.failures = Counter(
            "relais_worker_handler_failures",
            "Failed tries of a handler (each retried later, or parked after the last), by event type and handler.",
            ["type", "handler"],
            registry=registry,
        )
        self.parkings = Counter(
            "relais_worker_events_parked",
            "Events this worker parked after their last failed try, by event type and handler.",
            ["type", "handler"],
            registry=registry,
        )
        self.parked = Gauge(
            "relais_worker_parked_events",
            "Parked events waiting for an operator, in the whole deployment.",
            registry=registry,
        )
        self.lag = Gauge(
            "relais_worker_lag_seconds",
            "Age of the oldest event a handler has still to handle (parked events aside), by source; 0 when none.",
            ["source"],
            registry=registry,
        )

    def count(self, taken: Mapping[str, int], tries: Sequence[Try]) -> None:
        for event_type, number in taken.items():
            self.taken.labels(event_type).inc(number)
        for attempt in tries:
            if attempt.outcome is Outcome.HANDLED:
                self.handled.labels(attempt.event_type, attempt.handler).inc()
            elif attempt.outcome in (Outcome.FAILED, Outcome.PARKED) and attempt.exception is not None:
                self.failures.labels(attempt.event_type, attempt.handler).inc()
            if attempt.outcome is Outcome.PARKED:
                self.parkings.labels(attempt.event_type, attempt.handler).inc()

    def show(self, status: QueueStatus, clock: Clock) -> None:
        self.parked.set(status.parked)
        now = clock.now()
        for source in DeliverySource:
            oldest = status.oldest_unhandled.get(source)
            self.lag.labels(source.value).set(max((now - oldest).total_seconds(), 0.0) if oldest else 0.0)


class Worker:
    """Rounds of work until ``stop``: take the outbox's new events, hand due deliveries over, follow
    the clicks; wait ``poll`` when a round found nothing to do. A round that fails (the database
    restarting) is logged and tried again after the wait: the worker outlives it."""

    def __init__(
        self,
        rounds: DeliverEvents,
        clock: Clock,
        metrics: WorkerMetrics,
        *,
        poll: timedelta,
        stalled_after: timedelta,
        status_every: timedelta = timedelta(seconds=5),
        periodic: Sequence[Callable[[], Awaitable[int]]] = (),
        alongside: Sequence[Callable[[], Awaitable[int]]] = (),
    ) -> None:
        self._rounds = rounds
        self._clock = clock
        self._metrics = metrics
        self._poll = poll.total_seconds()
        self._stalled_after = stalled_after.total_seconds()
        self._status_every = status_every.total_seconds()
        # Jobs due by the clock rather than by an event (challenges that ended), run once a round;
        # each answers how much it did and must be safe with several workers running it at once.
        self._periodic = tuple(periodic)
        # Jobs that keep their own pace (the metric rollups' clicks), each in a loop beside the rounds,
        # so that a round busy with slow handlers does not hold them up: again at once when a run did
        # something, after ``poll`` otherwise. Each must be safe with several workers running it.
        self._alongside = tuple(alongside)
        self._status_read = -float("inf")
        self._beat = time.monotonic()
        self.stopping = asyncio.Event()

    def stop(self) -> None:
        if not self.stopping.is_set():
            log.info("worker stopping: finishing the event in hand, releasing the rest of its batch")
        self.stopping.set()

    @property
    def stalled(self) -> bool:
        """No try begun and no round finished for longer than a try may last: something hangs."""
        return time.monotonic() - self._beat > self._stalled_after

    def _between_tries(self) -> bool:
        # Asked before every try: the heartbeat the health check reads, and whether to stop.
        self._beat = time.monotonic()
        return self.stopping.is_set()

    def announce(self) -> None:
        handlers = self._rounds.handlers
        subscriptions = handlers.outbox_subscriptions()
        clicks = [handler.name for handler in handlers.click_handlers()]
        log.info(
            "worker consumes the outbox and the clicks",
            handlers=list(handlers.names),
            outbox_types={event_type: list(names) for event_type, names in subscriptions.items()},
            click_handlers=clicks,
        )
        if not subscriptions:
            log.info("no handler subscribes to outbox events: each is marked taken and nothing else happens")
        if not clicks:
            log.info("no handler subscribes to clicks: they are not read", click_type=EventType.CLICK_RECORDED.value)

    async def run(self) -> None:
        self.announce()
        loops = [asyncio.create_task(self._keep_running(job)) for job in self._alongside]
        try:
            await self._run_rounds()
        finally:
            if not self.stopping.is_set():  # cancelled: otherwise each loop ends its run and stops
                for loop in loops:
                    loop.cancel()
            await asyncio.gather(*loops, return_exceptions=True)

    async def _keep_running(self, job: Callable[[], Awaitable[int]]) -> None:
        while not self.stopping.is_set():
            done = 0
            try:
                done = await job()
            except Exception:
                log.exception("worker job failed; trying again shortly")
            if not done:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.stopping.wait(), self._poll)

    async def _run_rounds(self) -> None:
        while not self.stopping.is_set():
            busy = False
            try:
                busy = await self.run_round()
                await self._show_status()
            except Exception:
                log.exception("worker round failed; trying again shortly")
            self._beat = time.monotonic()
            if not busy:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.stopping.wait(), self._poll)
        log.info("worker stopped")

    async def run_round(self) -> bool:
        """One round; True when it found work (so the next one starts at once)."""
        taken = await self._rounds.take_outbox()
        tries = await self._rounds.deliver_due(self._between_tries)
        tries += await self._rounds.follow_clicks(self._between_tries)
        self._metrics.count(taken, tries)
        _log_tries(tries)
        done = 0
        for job in self._periodic:
            done += await job()
        return bool(taken) or bool(tries) or bool(done)

    async def _show_status(self) -> None:
        if time.monotonic() - self._status_read < self._status_every:
            return
        self._metrics.show(await self._rounds.status(), self._clock)
        self._status_read = time.monotonic()


def _log_tries(tries: Sequence[Try]) -> None:
    for attempt in tries:
        where = {"event_id": str(attempt.event_id), "event_type": attempt.event_type, "handler": attempt.handler}
        if attempt.outcome is Outcome.HANDLED:
            log.debug("event handled", **where)
        elif attempt.outcome is Outcome.MISSING:
            log.info("event gone before it was handled (its row was removed)", **where)
        elif attempt.outcome is Outcome.FAILED:
            log.warning("handler failed; the event will be tried again", error=attempt.error, **where)
        else:
            log.error("event parked after its last try", error=attempt.error, **where)


def probe_app(worker: Worker, readiness: ReadinessProbe, registry: CollectorRegistry) -> Starlette:
    """``/healthz`` (the loop is alive), ``/readyz`` (its database answers at the current schema) and
    ``/metrics`` (Prometheus) on the worker's own port."""

    async def healthz(request: Request) -> Response:
        if worker.stalled:
            return _problem(503, "The worker's loop has not moved for longer than a handler may take: it hangs.")
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        checked = await readiness.check()
        if not checked.ready:
            return _problem(503, checked.detail)
        return JSONResponse({"status": "ready", "database": True, "schema_current": True})

    async def metrics(request: Request) -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    routes = [Route("/healthz", healthz), Route("/readyz", readyz), Route("/metrics", metrics)]
    return Starlette(routes=routes)


def _problem(status: int, detail: str) -> JSONResponse:
    body = {"type": "urn:relais:problem:not-ready", "title": "Service Unavailable", "status": status, "detail": detail}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)


class _ProbeServer(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # The worker takes SIGTERM and SIGINT itself, and stops this server once its batch is done.
        yield


async def serve_worker(
    worker: Worker, readiness: ReadinessProbe, registry: CollectorRegistry, *, host: str, port: int, grace: timedelta
) -> None:
    """Run the worker and its probe server until SIGTERM or SIGINT; then let the event in hand finish
    (within ``grace``) while the rest of the batch is released, and stop."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, worker.stop)
    config = uvicorn.Config(
        probe_app(worker, readiness, registry),
        host=host,
        port=port,
        log_config=None,
        access_log=False,
        lifespan="off",
        server_header=False,
    )
    server = _ProbeServer(config)
    # Should the port be taken, the server logs why and ends the process with status 1.
    serving = asyncio.create_task(server.serve())
    log.info("worker health and metrics", url=f"http://{host}:{port}", probes=["/healthz", "/readyz", "/metrics"])
    running = asyncio.create_task(worker.run())
    told = asyncio.create_task(worker.stopping.wait())
    try:
        await asyncio.wait({running, told}, return_when=asyncio.FIRST_COMPLETED)
        try:
            await asyncio.wait_for(asyncio.shield(running), grace.total_seconds())
        except TimeoutError:
            log.warning(
                "worker did not stop in time; its unfinished event comes back when its lease runs out",
                grace_seconds=grace.total_seconds(),
            )
            running.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await running
    finally:
        told.cancel()
        server.should_exit = True
        await serving
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
