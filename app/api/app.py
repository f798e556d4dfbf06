"""The FastAPI application: routers, problem handlers, guards. Wired by the composition root."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline
from starlette.middleware.errors import ServerErrorMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from app.api.graphql.refusals import OperationRefused, answer_refused
from app.api.graphql.schema import graphql_router
from app.api.observability import install_observability
from app.api.rate_limits import RateLimitHeaders
from app.api.rest import sign_in, system
from app.api.rest.attribution import conversions
from app.api.rest.community.incidents import incidents
from app.api.rest.community.recall import recall
from app.api.rest.community.recruiting import recruiting, referrals
from app.api.rest.community.space import comments as space_comments
from app.api.rest.community.space import moderation as space_moderation
from app.api.rest.community.space import posts as space_posts
from app.api.rest.community.surveys import exports as survey_exports
from app.api.rest.community.surveys import ideas as survey_ideas
from app.api.rest.community.surveys import surveys as survey_routes
from app.api.rest.community.training import modules as training_modules
from app.api.rest.community.training import progress as training_progress
from app.api.rest.content import campaigns, contents
from app.api.rest.content import reviews as content_reviews
from app.api.rest.deps import NotModified, answer_not_modified
from app.api.rest.events import parked_events
from app.api.rest.guards import AcceptGuard, BodyGuard, HeadAsGet
from app.api.rest.integrations import events as integration_events
from app.api.rest.integrations import integrations, roster_imports
from app.api.rest.live_updates import events as live_events
from app.api.rest.metrics import cohorts as metric_cohorts
from app.api.rest.metrics import exports as metric_exports
from app.api.rest.metrics import impact, metrics, programme_costs
from app.api.rest.metrics import report as programme_report
from app.api.rest.notifications import notifications
from app.api.rest.openapi import operation_id
from app.api.rest.openapi_document import install_openapi
from app.api.rest.problems import install_problem_handlers
from app.api.rest.programme import charter, compliance, settings
from app.api.rest.rewards import (
    badges,
    campaign_progress,
    donations,
    invalidations,
    kudos,
    leaderboards,
    points,
    redemptions,
    reward_rules,
    rewards,
)
from app.api.rest.roster import ambassadors, employees, me, tenants
from app.api.rest.sharing import redirect, shares
from app.api.rest.webhooks import endpoints as webhook_endpoints
from app.api.runtime import ApiConfig, Runtime
from app.api.scim.application import ScimApplication
from app.api.scim.refusals import PREFIX as SCIM_PREFIX
from app.api.security_headers import SecurityHeaders, page_policies

DESCRIPTION = """
Relais is an open, API-first backend for employee advocacy programmes.

Every error is an RFC 9457 `application/problem+json` document with a stable `type`. Its
`title`, `detail` and field messages are in French when `Accept-Language` prefers it, in English
otherwise; `Content-Language` says which.
Lists use keyset pagination: pass the `next_cursor` of a page as `cursor` to read the next.
Single resources carry an `ETag`: send it back in `If-None-Match` to read them again only if they
changed (304 otherwise), or in `If-Match` to change them safely.
Requests count against budgets (per caller, per organisation, per address without a valid token):
`RateLimit` and `RateLimit-Policy` say what remains, and a spent budget is a 429 `rate-limited`
problem with `Retry-After`.
"""

# What a browser client may read of an answer, beyond the CORS-safelisted response headers.
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Location",
    "X-Request-ID",
    "Retry-After",
    "Content-Language",
    "WWW-Authenticate",
    "RateLimit",
    "RateLimit-Policy",
]
DOCS, REDOC, DOCS_ASSETS = "/docs", "/redoc", "/docs/assets"

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[dict[str, Runtime]]]

# Layers with nothing to do on a tracked link: it has no body, never negotiates, answers its own
# HEAD and writes its own security and rate-limit headers.
PASSED_BY_TRACKED_LINKS = (AcceptGuard, HeadAsGet, RateLimitHeaders, BodyGuard, SecurityHeaders)


class RelaisApi(FastAPI):
    """The API, with ``GET`` and ``HEAD`` on tracked links (``/r/...``, the busiest path) answered
    ahead of FastAPI: under the server-error handler and the application's own layers that apply to
    them (request id, metrics and access log, the trusted-proxy rule, CORS), and none of the others.

    ``FastAPIOffline`` builds a plain ``FastAPI`` application, whose class becomes this one."""

    _tracked_links: ASGIApp | None = None  # built on the first request, once every layer is installed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["path"].startswith(redirect.PREFIX)
            and scope["method"] in redirect.METHODS
        ):
            if self._tracked_links is None:
                self._tracked_links = self._layered(redirect.follow_link)
            scope["app"] = self
            scope["route"] = redirect.route  # its template, for the metrics and the access log
            await self._tracked_links(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    def _layered(self, endpoint: ASGIApp) -> ASGIApp:
        """``endpoint`` in the application's layers that apply to it, in their order, as Starlette
        builds its own stack (the first one added innermost), built once all are installed."""
        served = endpoint
        for layer, args, kwargs in reversed(self.user_middleware):
            if layer not in PASSED_BY_TRACKED_LINKS:
                served = layer(served, *args, **kwargs)
        handler = self.exception_handlers.get(500) or self.exception_handlers.get(Exception)
        return ServerErrorMiddleware(served, handler=handler, debug=self.debug)


def create_api(config: ApiConfig, lifespan: Lifespan) -> FastAPI:
    # Swagger UI and ReDoc with their scripts and styles served from the installed package, not a
    # CDN: the docs work on a closed network and load nothing from a third party.
    app = FastAPIOffline(
        title=config.title,
        version=config.version,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=DOCS,
        redoc_url=REDOC,
        static_url=DOCS_ASSETS,
        openapi_url="/openapi.json",
        # Swagger UI would otherwise send the document to a public validator for its badge.
        swagger_ui_parameters={"validatorUrl": None},
        # Relais exports its own Prometheus metrics and access lines; FastAPI's native OpenTelemetry
        # is never configured, yet asking whether it is reads the environment on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
        generate_unique_id_function=operation_id,
    )
    app.__class__ = RelaisApi
    install_problem_handlers(app)
    app.add_exception_handler(NotModified, answer_not_modified)
    app.add_exception_handler(OperationRefused, answer_refused)
    install_openapi(app)
    routers = (system, sign_in, tenants, employees, ambassadors, me, settings, charter, compliance)
    recognition = (points, reward_rules, invalidations, leaderboards, badges, campaign_progress)
    catalogue = (rewards, redemptions, donations, kudos)
    metric_routers = (metrics, impact, programme_costs, metric_exports, programme_report, metric_cohorts)
    for module in (
        *routers,
        contents,
        content_reviews,
        campaigns,
        conversions,
        shares,
        parked_events,
        *recognition,
        *catalogue,
        *metric_routers,
        integrations,
        integration_events,
        roster_imports,
        notifications,
        live_events,
        webhook_endpoints,
        recruiting,
        referrals,
        training_modules,
        training_progress,
        incidents,
        survey_routes,
        survey_ideas,
        survey_exports,
        recall,
        space_posts,
        space_comments,
        space_moderation,
    ):
        app.include_router(module.router)
    app.state.live_heartbeat_seconds = config.live_heartbeat_seconds
    # Set by the server when it begins to stop: event streams end then rather than hold the shutdown.
    app.state.stopping = asyncio.Event()
    app.include_router(graphql_router(config))
    app.router.routes.append(redirect.route)
    # SCIM keeps its own protocol and error format, outside the REST contract (its ASGI types are plain dicts).
    app.mount(SCIM_PREFIX, ScimApplication())  # type: ignore[arg-type]
    # The redirect passes by these (PASSED_BY_TRACKED_LINKS); it answers its own HEAD and headers.
    app.add_middleware(AcceptGuard)
    app.add_middleware(HeadAsGet)
    # Around the guards: what a request was counted against reaches every answer, problems included.
    app.add_middleware(RateLimitHeaders)
    app.add_middleware(BodyGuard, max_bytes=config.max_body_bytes, uploads=(roster_imports.upload(config),))
    if config.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=config.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=config.cors_allow_headers,
            expose_headers=CORS_EXPOSE_HEADERS,
            max_age=600,
        )
    # Here rather than in the server, so that every server (and every in-process test) applies the
    # same rule: forwarded headers are believed only from a trusted proxy.
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=config.trusted_proxies)
    graphiql = "/graphql" if config.graphql_introspection else None
    policies = page_policies(app, docs=DOCS, redoc=REDOC, graphiql=graphiql)
    app.add_middleware(SecurityHeaders, page_policies=policies)
    # Last: its middleware wraps the others, its handler wraps the 500 one.
    install_observability(app, metrics_token=config.metrics_token)
    return app
