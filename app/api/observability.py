"""Request ids, access log lines and Prometheus metrics for every HTTP request, and ``GET /metrics``
for the operators (an access token with the operator role, or the scrapers' static token).

Labels use the route template (``/v1/employees/{employee_id}``), never the raw path, so that the
number of time series stays bounded whatever clients send.
"""

from __future__ import annotations

import hmac
import inspect
import logging
import re
import time
from bisect import bisect_left
from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar
from itertools import accumulate
from typing import Any, cast

import structlog
from fastapi import FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.samples import Sample
from prometheus_client.utils import floatToGoString
from starlette.concurrency import run_in_threadpool
from starlette.routing import Mount, Route, Router
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.runtime import Runtime
from app.api.security_headers import secure_headers
from app.domain.errors import MissingCredentials, Unauthenticated
from app.domain.random_bytes import random_bytes
from app.domain.roster.identity import Role

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID_NAME = REQUEST_ID_HEADER.lower().encode("latin-1")
UNMATCHED = "unmatched"
# Probes and scrapes arrive every few seconds; their successes are logged at debug level only.
QUIET_ROUTES = frozenset({"/healthz", "/readyz", "/metrics"})
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

_SCOPE_KEY = "relais.request_id"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


def _structlog_variable(key: str) -> ContextVar[Any]:
    """The context variable in which structlog keeps ``key`` (its ``merge_contextvars`` adds what it
    holds to every line logged), found through the token of a binding undone at once."""
    token = structlog.contextvars.bind_contextvars(**{key: ...})[key]
    variable: ContextVar[Any] = token.var
    variable.reset(token)
    return variable


_BOUND_REQUEST_ID = _structlog_variable("request_id")
access_log = structlog.stdlib.get_logger("relais.access")
_access_level = logging.getLogger("relais.access")

ErrorHandler = Callable[[Request, Exception], Response | Awaitable[Response]]


def request_id_from(value: str | None) -> str:
    """The caller's request id when it is safe to log and echo, else a new one: 128 random bits in
    hex (``uuid4().hex`` spent most of its time building a UUID only to print it)."""
    if value is not None and _SANE_REQUEST_ID.fullmatch(value):
        return value
    return random_bytes.take(16).hex()


def request_id_of(scope: Scope) -> str | None:
    """The id given to the request by :class:`RequestContext`, for code that runs outside it."""
    request_id: str | None = scope.get(_SCOPE_KEY)
    return request_id


def route_template(scope: Scope, router: Router | None = None) -> str:
    """The template of the route that handled the request, or ``unmatched`` when routing found none."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        # Recent FastAPI includes routers by reference: the route knows only its own path and the
        # include prefix lives in the per-request route context. Older versions copy full paths.
        fastapi_scope = scope.get("fastapi")
        context = fastapi_scope.get("effective_route_context") if isinstance(fastapi_scope, dict) else None
        full = getattr(context, "path_format", None)
        return full if isinstance(full, str) else path
    endpoint = scope.get("endpoint")
    if endpoint is not None and router is not None:
        # Plain Starlette routes (the docs) and mounted apps leave only their endpoint in the scope.
        for candidate in router.routes:
            if isinstance(candidate, Mount) and candidate.app is endpoint:
                return candidate.path + "/{path}"
            if isinstance(candidate, Route) and candidate.endpoint is endpoint:
                return candidate.path
    return UNMATCHED


REQUESTS = "relais_http_requests"
REQUESTS_HELP = "HTTP requests answered, by method, route template and status."
DURATIONS = "relais_http_request_duration_seconds"
DURATIONS_HELP = "Time from receiving an HTTP request to sending the last byte of its response."
DURATION_BOUNDS = Histogram.DEFAULT_BUCKETS  # the seconds each bucket holds up to, +Inf last
_BUCKET_NAMES = tuple(floatToGoString(bound) for bound in DURATION_BOUNDS)  # type: ignore[no-untyped-call]


class HttpMetrics:
    """Requests counted and timed per label set in plain numbers, written out on each scrape as the
    counter and histogram ``prometheus_client`` would write (``_total``, ``_bucket``, ``_count``,
    ``_sum``, ``_created``). Its own take a lock for each of their three increments and check their
    arguments: 15,800 instructions a request, a twelfth of a whole redirect's. Requests are counted,
    and scrapes written, on the event loop's thread.

    The label sets are few (methods x route templates x statuses), each kept from its first request."""

    def __init__(self, registry: CollectorRegistry) -> None:
        # (method, route, status): [requests, created, the (method, route) durations' list]
        self._requests: dict[tuple[str, str, int], list[Any]] = {}
        # (method, route): [sum, created, then each bucket's own count (not cumulative)]
        self._durations: dict[tuple[str, str], list[float]] = {}
        registry.register(self)

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        method = method if method in METHODS else "other"
        key = (method, route, status)
        requests = self._requests.get(key)
        if requests is None:
            requests = self._requests[key] = [0.0, time.time(), self._durations_of(method, route)]
        requests[0] += 1.0
        durations = requests[2]
        durations[0] += seconds
        # The first bucket whose bound is not below the duration, as prometheus_client finds it.
        durations[bisect_left(DURATION_BOUNDS, seconds) + 2] += 1.0

    def _durations_of(self, method: str, route: str) -> list[float]:
        durations = self._durations.get((method, route))
        if durations is None:
            durations = self._durations[(method, route)] = [0.0, time.time(), *(0.0 for _ in DURATION_BOUNDS)]
        return durations

    def describe(self) -> Iterator[Metric]:
        yield CounterMetricFamily(REQUESTS, REQUESTS_HELP, labels=("method", "route", "status"))
        yield HistogramMetricFamily(DURATIONS, DURATIONS_HELP, labels=("method", "route"))

    def collect(self) -> Iterator[Metric]:
        requests = CounterMetricFamily(REQUESTS, REQUESTS_HELP, labels=("method", "route", "status"))
        for (method, route, status), (count, created, _) in list(self._requests.items()):
            requests.add_metric((method, route, str(status)), count, created=created)
        durations = HistogramMetricFamily(DURATIONS, DURATIONS_HELP, labels=("method", "route"))
        for (method, route), (total, created, *buckets) in list(self._durations.items()):
            durations.add_metric((method, route), list(zip(_BUCKET_NAMES, accumulate(buckets), strict=True)), total)
            durations.samples.append(Sample(DURATIONS + "_created", {"method": method, "route": route}, created, None))
        yield requests
        yield durations


class RequestContext:
    """Give each HTTP request an id (the caller's ``X-Request-ID`` when sane), echo it, bind it to
    every log line written while the request is served, then count, time and log the request.

    A plain ASGI middleware: Starlette's ``BaseHTTPMiddleware`` would cost a task and a stream per request.
    """

    def __init__(self, app: ASGIApp, *, metrics: HttpMetrics, router: Router | None = None) -> None:
        self.app = app
        self.metrics = metrics
        self.router = router

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(_header(scope, _REQUEST_ID_NAME))
        # The scope is shared with the server-error handler, which answers 500s outside this middleware.
        scope[_SCOPE_KEY] = request_id
        status = 500  # unless a response starts: an exception escaped and the error handler answers
        started = time.perf_counter()
        echoed = (_REQUEST_ID_NAME, request_id.encode("latin-1"))

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [header for header in message.get("headers", ()) if header[0].lower() != _REQUEST_ID_NAME]
                headers.append(echoed)
                message["headers"] = headers
            await send(message)

        # Set and reset in structlog's own variable: bind_contextvars() and reset_contextvars() cost
        # eight times as much, and bound_contextvars() copies the whole context twice.
        token = _BOUND_REQUEST_ID.set(request_id)
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            try:
                elapsed = time.perf_counter() - started
                route = route_template(scope, self.router)
                self.metrics.observe(scope["method"], route, status, elapsed)
                level = logging.DEBUG if route in QUIET_ROUTES and status < 400 else logging.INFO
                # Asked first: a line the level filters out would still go through structlog's chain.
                if _access_level.isEnabledFor(level):
                    access_log.log(
                        level,
                        "request",
                        method=scope["method"],
                        route=route,
                        status=status,
                        duration_ms=round(elapsed * 1000, 2),
                    )
            finally:
                _BOUND_REQUEST_ID.reset(token)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def with_request_id(handler: ErrorHandler) -> ErrorHandler:
    """Wrap the server-error handler, which runs outside every middleware: its log lines and its
    500 response carry the request id all the same."""

    async def handle(request: Request, error: Exception) -> Response:
        request_id = request_id_of(request.scope)
        context: dict[str, Any] = {"request_id": request_id} if request_id else {}
        with structlog.contextvars.bound_contextvars(**context):
            if inspect.iscoroutinefunction(handler):
                result = await handler(request, error)
            else:
                # As Starlette would: a synchronous handler must not block the event loop.
                result = await run_in_threadpool(handler, request, error)
            response = result if isinstance(result, Response) else await result
        if request_id:
            response.headers[REQUEST_ID_HEADER] = request_id
        secure_headers(response.headers, credentials="authorization" in request.headers)
        return response

    return handle


def metrics_registry(app: FastAPI) -> CollectorRegistry:
    """The registry ``/metrics`` exposes; the composition root adds its collectors (the database pool) to it."""
    registry: CollectorRegistry = app.state.metrics_registry
    return registry


async def authorise_scrape(request: Request, metrics_token: str | None) -> None:
    """Metrics name routes, volumes and errors: only operators read them, with an access token of
    the operator role, or with ``metrics_token`` for a scraper that cannot fetch access tokens."""
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not credentials:
        raise MissingCredentials("Send an access token in the Authorization header: 'Bearer <token>'.")
    if metrics_token and hmac.compare_digest(credentials.encode(), metrics_token.encode()):
        return
    runtime: Runtime | None = getattr(request.state, "runtime", None)
    if runtime is None:  # an application without a token verifier knows no access token
        raise Unauthenticated("The access token's signature is invalid.")
    principal = await runtime.verifier.verify(credentials)
    principal.require_any(frozenset({Role.OPERATOR}))


def install_observability(app: FastAPI, *, metrics_token: str | None = None) -> CollectorRegistry:
    """Install request ids, access logs, metrics and ``GET /metrics`` on ``app``.

    Call it after every other middleware and exception handler is installed: the middleware must
    wrap the others (their responses need the request id too) and the server-error handler must exist.
    """
    # One registry per application: several apps in one process (tests) never share counters.
    registry = CollectorRegistry()
    app.state.metrics_registry = registry
    app.add_middleware(RequestContext, metrics=HttpMetrics(registry), router=app.router)
    for key in (500, Exception):
        handler = app.exception_handlers.get(key)
        if handler is not None:  # the server-error handler only ever serves HTTP requests
            app.exception_handlers[key] = with_request_id(cast(ErrorHandler, handler))

    async def metrics(request: Request) -> Response:
        await authorise_scrape(request, metrics_token)
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    app.add_api_route("/metrics", metrics, methods=["GET"], include_in_schema=False)
    return registry
