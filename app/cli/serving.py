"""``relais serve``, ``relais dev`` and ``relais worker``: the processes Relais runs as."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from uuid import UUID

import click
import uvicorn

from app.adapters.postgres import migrations
from app.bootstrap import (
    dev_issuer,
    resolved_database,
    run_worker,
)
from app.cli.base import main, nothing, program, with_engine
from app.demo.run import seed_demo
from app.demo.seed import ADMIN_EMAIL, ADMIN_SUBJECT, DEMO_AMBASSADOR, DEMO_SLUG, MANAGER_EMAIL
from app.settings import Settings


def _exit_after_shutdown(signum: int, frame: object) -> None:
    raise SystemExit(0)


class StoppingServer(uvicorn.Server):
    """uvicorn's server, which tells the application it stops before it waits for open requests: event
    streams, which never end on their own, then end at once (their clients reconnect to another
    replica) instead of holding the shutdown for its whole grace period."""

    def __init__(self, config: uvicorn.Config, stopping: Callable[[], None]) -> None:
        super().__init__(config)
        self._stopping = stopping

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self._stopping()
        await super().shutdown(sockets)


def _serve(settings: Settings) -> None:
    # Imported here: the API takes seconds to import, which no other command needs.
    from app.api.bounded_headers import with_header_limit
    from app.bootstrap.api import build_app

    app = build_app(settings)
    # uvicorn shuts down gracefully on SIGTERM/SIGINT, then re-raises the signal to the handler it
    # found. Ours exits normally, so the embedded PostgreSQL is stopped and the exit status is 0.
    signal.signal(signal.SIGTERM, _exit_after_shutdown)
    signal.signal(signal.SIGINT, _exit_after_shutdown)
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,  # structlog owns logging
        access_log=False,  # the API writes its own access line, with the request id
        lifespan="on",
        http=with_header_limit(settings.max_header_bytes),  # 431 past the cap, where uvicorn reads any size
        proxy_headers=False,  # the application applies RELAIS_TRUSTED_PROXIES itself (app/api/app.py)
        timeout_graceful_shutdown=25,  # under the usual 30 s grace period of orchestrators
        timeout_keep_alive=5,
        server_header=False,
    )
    server = StoppingServer(config, stopping=app.state.stopping.set)
    server.run()
    if not server.started:
        sys.exit(3)  # what uvicorn.run answers when the server could not start


@main.command()
def serve() -> None:
    """Serve the API. Waits for the database (RELAIS_DB_WAIT_SECONDS), and refuses to start when
    its schema is behind."""
    settings = Settings()
    with resolved_database(settings) as resolved:
        with_engine(resolved, nothing, wait_seconds=settings.db_wait_seconds)
        _serve(resolved)


@main.command()
def dev() -> None:
    """Migrate, seed the demo tenant, print tokens and serve: what ``make run`` does."""
    settings = Settings()
    with resolved_database(settings, create=True) as resolved:
        with_engine(resolved, nothing, schema=False)
        migrations.upgrade(str(resolved.database_url))
        demo = with_engine(resolved, lambda engine: seed_demo(engine, resolved.public_base_url, resolved))
        _print_welcome(resolved, demo.tenant_id, seeded=demo.created)
        worker = _start_dev_worker(resolved)
        try:
            _serve(resolved)
        finally:
            _stop_dev_worker(worker, resolved)


def _start_dev_worker(settings: Settings) -> subprocess.Popen[bytes]:
    """``relais worker`` beside the server, on the same database (the embedded one this process
    started): its log lines join the server's on stderr."""
    environment = os.environ | {"RELAIS_DATABASE_URL": str(settings.database_url)}
    # Started as a module of this interpreter: the `relais` script may not be on the PATH.
    return subprocess.Popen([sys.executable, "-m", "app", "worker"], env=environment)


def _stop_dev_worker(worker: subprocess.Popen[bytes], settings: Settings) -> None:
    """SIGTERM, as an orchestrator would, and wait for its batch; the embedded PostgreSQL must
    outlive it. (Ctrl-C reaches it directly: it is in the terminal's process group.)"""
    if worker.poll() is None:
        worker.terminate()
    try:
        worker.wait(timeout=settings.worker_shutdown_seconds + 10)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def _print_welcome(settings: Settings, tenant_id: UUID, *, seeded: bool) -> None:
    base = settings.public_base_url.rstrip("/")
    lines = [
        "",
        f"Relais is starting on {base}",
        f"  API docs (OpenAPI):  {base}/docs",
        f"  GraphQL:             {base}/graphql",
        f"  Event worker:        health and metrics on http://{settings.host}:{settings.worker_port}/metrics",
        f"  Demo tenant:         {DEMO_SLUG} ({'seeded now' if seeded else 'already there'})",
    ]
    if settings.dev_issuer_enabled:
        issuer = dev_issuer(settings)
        now = datetime.now(UTC)
        admin = issuer.mint(tenant_id=tenant_id, subject=ADMIN_SUBJECT, roles=["admin"], email=ADMIN_EMAIL, now=now)
        ambassador = issuer.mint(
            tenant_id=tenant_id,
            subject=DEMO_AMBASSADOR.subject,
            roles=["ambassador"],
            email=DEMO_AMBASSADOR.email,
            now=now,
        )
        lines += [
            "",
            f"Demo admin ({ADMIN_EMAIL}), valid 12 hours:",
            f"  export ADMIN_TOKEN={admin}",
            f"Demo ambassador ({DEMO_AMBASSADOR.given_name} {DEMO_AMBASSADOR.family_name}), valid 12 hours:",
            f"  export AMBASSADOR_TOKEN={ambassador}",
            "",
            f'Try: curl -H "Authorization: Bearer $ADMIN_TOKEN" {base}/v1/employees',
            f'     curl -H "Authorization: Bearer $AMBASSADOR_TOKEN" {base}/v1/me/feed',
            "Then share one of its contents (Camille has accepted the charter and connected LinkedIn and X):",
            '     curl -H "Authorization: Bearer $AMBASSADOR_TOKEN" -H "Content-Type: application/json" \\',
            f'          -d \'{{"content_id": "<an id from the feed>", "network": "linkedin"}}\' {base}/v1/shares',
            f"Mint more with: {program()} token --tenant {DEMO_SLUG} --role manager --email {MANAGER_EMAIL}",
        ]
        if os.environ.get("MAKELEVEL"):  # started by make: its target is shorter to type
            lines.append(f"           or: make token ROLE=manager EMAIL={MANAGER_EMAIL}")
        lines += [
            "",
            f"Sign in from a front end: OpenID provider {base} (discovery at /.well-known/openid-configuration),",
            "  client_id relais-dev, PKCE S256, scope 'openid profile email', redirect to http://localhost:<port>/...",
        ]
    click.echo("\n".join(lines) + "\n")


# The event worker


@main.command()
def worker() -> None:
    """Run the event worker: hand the outbox's events and the clicks to their handlers until SIGTERM.
    Refuses to start when the database schema is behind. Health and metrics on RELAIS_WORKER_PORT."""
    settings = Settings()
    with resolved_database(settings) as resolved:
        with_engine(resolved, nothing)
        asyncio.run(run_worker(resolved))
