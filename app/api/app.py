"""The FastAPI application: routers, problem handlers, guards. Wired by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from app.api.graphql import graphql_router
from app.api.observability import install_observability
from app.api.rest import system
from app.api.rest.attribution import conversions
from app.api.rest.content import campaigns, contents
from app.api.rest.content import reviews as content_reviews
from app.api.rest.guards import BodyGuard
from app.api.rest.openapi import document_problems_as_sent
from app.api.rest.problems import install_problem_handlers
from app.api.rest.programme import charter, compliance, settings
from app.api.rest.roster import ambassadors, employees, me, tenants
from app.api.rest.sharing import redirect, shares
from app.api.runtime import ApiConfig, Runtime

DESCRIPTION = """
Relais is an open, API-first backend for employee advocacy programmes.

Every error is an RFC 9457 `application/problem+json` document with a stable `type`.
Lists use keyset pagination: pass the `next_cursor` of a page as `cursor` to read the next.
Single resources carry an `ETag`; send it back in `If-Match` to change them safely.
"""

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[dict[str, Runtime]]]


def create_api(config: ApiConfig, lifespan: Lifespan) -> FastAPI:
    app = FastAPI(
        title=config.title,
        version=config.version,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
        # Relais exports its own Prometheus metrics and access lines; FastAPI's native OpenTelemetry
        # is never configured, yet asking whether it is reads the environment on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    install_problem_handlers(app)
    document_problems_as_sent(app)
    routers = (system, tenants, employees, ambassadors, me, settings, charter, compliance)
    for module in (*routers, contents, content_reviews, campaigns, conversions, shares):
        app.include_router(module.router)
    app.include_router(graphql_router(config))
    app.router.routes.append(redirect.route)
    app.add_middleware(redirect.TrackedLinks)  # innermost of ours: inside the proxy rule and the metrics
    app.add_middleware(BodyGuard, max_bytes=config.max_body_bytes)
    if config.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=config.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "X-Request-ID"],
            expose_headers=["ETag", "Location", "X-Request-ID"],
            max_age=600,
        )
    # Here rather than in the server, so that every server (and every in-process test) applies the
    # same rule: forwarded headers are believed only from a trusted proxy.
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=config.trusted_proxies)
    install_observability(app)  # last: its middleware wraps the others, its handler wraps the 500 one
    return app
