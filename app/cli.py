"""The ``relais`` command: serve, migrate, mint development tokens, manage tenants."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shlex
import shutil
import signal
import subprocess
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

import click
import uvicorn
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.auth.key_files import DevIssuerKeyError
from app.adapters.auth.redirect_uris import RedirectUriError
from app.adapters.postgres import migrations
from app.adapters.postgres.database import DatabaseUnreachable, check_reachable, wait_until_reachable
from app.adapters.postgres.embedded import EmbeddedPostgres, EmbeddedPostgresUnavailable
from app.api.bounded_headers import with_header_limit
from app.bootstrap import (
    NoEmbeddedDatabase,
    RateLimitSettingError,
    SchemaBehind,
    build_app,
    core_ports,
    database,
    dev_issuer,
    operator_events,
    require_current_schema,
    resolved_database,
    run_worker,
)
from app.demo.run import seed_demo
from app.demo.seed import ADMIN_EMAIL, ADMIN_SUBJECT, DEMO_AMBASSADOR, DEMO_SLUG, MANAGER_EMAIL
from app.domain.errors import DomainError
from app.domain.roster.identity import Principal, Role
from app.logging_config import configure_logging
from app.ports.events import ParkedFilter
from app.ports.pagination import MAX_LIMIT, PageRequest
from app.services.roster import build_roster
from app.services.roster.create_tenant import CreateTenantCommand
from app.settings import Settings

T = TypeVar("T")
CLI_OPERATOR = Principal(tenant_id=None, subject="relais-cli", roles=frozenset({Role.OPERATOR}))


# What keeps a command from working, said in one line with the fix, instead of a traceback.
EXPLAINED = (
    NoEmbeddedDatabase,
    DatabaseUnreachable,
    SchemaBehind,
    EmbeddedPostgresUnavailable,
    DevIssuerKeyError,
    RedirectUriError,
    RateLimitSettingError,
)


class RelaisCommands(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EXPLAINED as error:
            raise click.ClickException(_explain(error)) from error


def _explain(error: Exception) -> str:
    if isinstance(error, NoEmbeddedDatabase):
        return (
            f"{error} Create it with `make run` (which also seeds the demo tenant) or "
            f"`{program()} db upgrade`, or set RELAIS_DATABASE_URL to an existing PostgreSQL."
        )
    if isinstance(error, DatabaseUnreachable):
        return f"{error} Check RELAIS_DATABASE_URL and that the server is running."
    return " ".join(str(error).split())


def program() -> str:
    """This command as the user can type it again from here: ``relais`` when that is the one on
    the PATH, else its path (``.venv/bin/relais`` from a checkout)."""
    invoked = Path(sys.argv[0]).resolve()
    if invoked.name != "relais":
        return "relais"
    on_path = shutil.which("relais")
    if on_path is not None and Path(on_path).resolve() == invoked:
        return "relais"
    try:
        shown = str(invoked.relative_to(Path.cwd()))
    except ValueError:
        shown = str(invoked)
    return shlex.quote(shown if "/" in shown else f"./{shown}")


def _with_engine(
    settings: Settings, work: Callable[..., Awaitable[T]], *, schema: bool = True, wait_seconds: float = 0
) -> T:
    """Run ``work`` on the database once it answers (and, with ``schema``, once its schema is current),
    waiting up to ``wait_seconds`` for it to answer."""

    async def run() -> T:
        async with database(settings) as engine:
            if wait_seconds > 0:
                await wait_until_reachable(engine, wait_seconds)
            else:
                await check_reachable(engine)
            if schema:
                await require_current_schema(engine)
            return await work(engine)

    try:
        return asyncio.run(run())
    except DomainError as error:
        raise click.ClickException(error.detail) from error


async def _nothing(engine: AsyncEngine) -> None:
    """For commands that only need the checks ``_with_engine`` makes."""


@click.group(cls=RelaisCommands)
def main() -> None:
    """Relais: an open, API-first backend for employee advocacy programmes."""
    settings = Settings()
    configure_logging(settings.log_level, settings.log_format)
    if settings.log_level != "debug":
        # The embedded server narrates every start and stop, Alembic every schema check: a command's
        # output is what it was asked for (migrations applied are still told).
        logging.getLogger("pgserver").setLevel(logging.WARNING)
        logging.getLogger("alembic.runtime.migration").addFilter(_without_migration_preamble)


def _without_migration_preamble(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(("Context impl", "Will assume"))


# Serving


def _exit_after_shutdown(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _serve(settings: Settings) -> None:
    app = build_app(settings)
    # uvicorn shuts down gracefully on SIGTERM/SIGINT, then re-raises the signal to the handler it
    # found. Ours exits normally, so the embedded PostgreSQL is stopped and the exit status is 0.
    signal.signal(signal.SIGTERM, _exit_after_shutdown)
    signal.signal(signal.SIGINT, _exit_after_shutdown)
    uvicorn.run(
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


@main.command()
def serve() -> None:
    """Serve the API. Waits for the database (RELAIS_DB_WAIT_SECONDS), and refuses to start when
    its schema is behind."""
    settings = Settings()
    with resolved_database(settings) as resolved:
        _with_engine(resolved, _nothing, wait_seconds=settings.db_wait_seconds)
        _serve(resolved)


@main.command()
def dev() -> None:
    """Migrate, seed the demo tenant, print tokens and serve: what ``make run`` does."""
    settings = Settings()
    with resolved_database(settings, create=True) as resolved:
        _with_engine(resolved, _nothing, schema=False)
        migrations.upgrade(str(resolved.database_url))
        demo = _with_engine(resolved, lambda engine: seed_demo(engine, resolved.public_base_url))
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
        _with_engine(resolved, _nothing)
        asyncio.run(run_worker(resolved))


@main.group()
def events() -> None:
    """Events the worker parked after their handler failed every try."""


@events.command("parked")
@click.option("--tenant", "tenant_id", type=click.UUID, help="Only this organisation's.")
@click.option("--handler", help="Only this handler's.")
@click.option("--type", "event_type", help="Only events of this type (e.g. share.posted).")
@click.option("--after", type=click.UUID, help="Start after this parked event (the last id of a previous page).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, MAX_LIMIT))
def parked(tenant_id: UUID | None, handler: str | None, event_type: str | None, after: UUID | None, limit: int) -> None:
    """List parked events, oldest first, with their last error."""
    criteria = ParkedFilter(tenant_id=tenant_id, handler=handler, event_type=event_type)

    async def work(engine: AsyncEngine) -> Any:
        async with operator_events(engine) as use_cases:
            return await use_cases.list_parked_events(CLI_OPERATOR, criteria, PageRequest(after=after, limit=limit))

    page = _with_engine(Settings(), work)
    if not page.items:
        click.echo("No parked events.")
        return
    for event in page.items:
        click.echo(
            f"{event.id}  parked {event.parked_at:%Y-%m-%d %H:%M:%S}Z  {event.event_type}  event {event.event_id}\n"
            f"    tenant {event.tenant_id}  handler {event.handler}  {event.attempts} tries\n"
            f"    {event.error}"
        )
    if page.next_after is not None:
        click.echo(f"More: {program()} events parked --after {page.next_after}")


@events.command("replay")
@click.argument("parked_ids", nargs=-1, type=click.UUID)
@click.option("--all", "replay_all", is_flag=True, help="Every parked event (narrowed by the options below).")
@click.option("--tenant", "tenant_id", type=click.UUID, help="With --all: only this organisation's.")
@click.option("--handler", help="With --all: only this handler's.")
@click.option("--type", "event_type", help="With --all: only events of this type.")
def replay(
    parked_ids: tuple[UUID, ...], replay_all: bool, tenant_id: UUID | None, handler: str | None, event_type: str | None
) -> None:
    """Give parked events (by the ids `events parked` lists) back to their handler, once the cause is
    fixed: each is due at once, with every try ahead of it."""
    if bool(parked_ids) == replay_all:
        raise click.UsageError("Name parked events by id, or pass --all (not both).")
    if not replay_all and (tenant_id or handler or event_type):
        raise click.UsageError("--tenant, --handler and --type narrow --all.")

    async def work(engine: AsyncEngine) -> int:
        async with operator_events(engine) as use_cases:
            if replay_all:
                criteria = ParkedFilter(tenant_id=tenant_id, handler=handler, event_type=event_type)
                return await use_cases.replay_parked_events(CLI_OPERATOR, criteria)
            for parked_id in parked_ids:
                replayed = await use_cases.replay_parked_event(CLI_OPERATOR, parked_id)
                click.echo(f"Replaying {replayed.event_type} {replayed.event_id} for {replayed.handler}.")
            return len(parked_ids)

    count = _with_engine(Settings(), work)
    if replay_all:
        click.echo(f"Replaying {count} parked event{'' if count == 1 else 's'}.")


# Database


@main.group()
def db() -> None:
    """Database schema migrations."""


@db.command()
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """Apply migrations up to REVISION (default: the latest). Run once per release.

    Without RELAIS_DATABASE_URL, creates the embedded database in RELAIS_DATA_DIR if need be."""
    settings = Settings()
    created = settings.embedded and not EmbeddedPostgres(settings.data_dir).exists
    with resolved_database(settings, create=True) as resolved:
        _with_engine(resolved, _nothing, schema=False)
        migrations.upgrade(str(resolved.database_url), revision)
    if created:
        click.echo(f"Created an embedded PostgreSQL in {settings.data_dir.resolve()}.")
    click.echo(f"Database schema upgraded to {revision}.")


@db.command()
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Revert migrations down to REVISION (``base`` removes everything)."""
    with resolved_database(Settings()) as resolved:
        _with_engine(resolved, _nothing, schema=False)
        migrations.downgrade(str(resolved.database_url), revision)
    click.echo(f"Database schema downgraded to {revision}.")


@db.command()
def current() -> None:
    """Print the schema revision of the database and the one this code needs."""
    revision = _with_engine(Settings(), migrations.current_revision, schema=False)
    click.echo(f"database: {revision or 'empty'}\ncode:     {migrations.head_revision()}")


# Tenants and tokens


@main.group()
def tenants() -> None:
    """Organisations on this deployment."""


@tenants.command("create")
@click.argument("slug")
@click.option("--name", required=True, help="Display name of the organisation.")
def create_tenant(slug: str, name: str) -> None:
    """Create a tenant and print its id."""
    command = CreateTenantCommand(slug=slug, name=name)
    tenant = _with_engine(
        Settings(), lambda engine: build_roster(*core_ports(engine)).create_tenant(CLI_OPERATOR, command)
    )
    click.echo(str(tenant.id))


@main.command()
@click.option("--tenant", "tenant_ref", help="Tenant slug or id (omit only for --role operator).")
@click.option("--role", "roles", multiple=True, required=True, type=click.Choice([r.value for r in Role]))
@click.option("--email", help="E-mail claim (marked verified); links the token to the employee with that e-mail.")
@click.option("--subject", help="Subject (sub) claim; defaults to one derived from the e-mail or role.")
@click.option("--hours", default=12, show_default=True, help="Lifetime of the token.")
def token(tenant_ref: str | None, roles: tuple[str, ...], email: str | None, subject: str | None, hours: int) -> None:
    """Mint an access token with the embedded development issuer (prints only the token)."""
    settings = Settings()
    if not settings.dev_issuer_enabled:
        raise click.ClickException("An external issuer is configured (RELAIS_OIDC_ISSUER); get tokens from it.")
    tenant_id = _resolve_tenant(settings, tenant_ref) if tenant_ref else None
    if tenant_id is None and Role.OPERATOR.value not in roles:
        raise click.ClickException("Pass --tenant: only operator tokens have no tenant.")
    minted = dev_issuer(settings).mint(
        tenant_id=tenant_id,
        subject=subject or (f"dev|{email}" if email else f"dev|{roles[0]}"),
        roles=list(roles),
        email=email,
        ttl=timedelta(hours=hours),
        now=datetime.now(UTC),
    )
    click.echo(minted)


def _resolve_tenant(settings: Settings, reference: str) -> UUID:
    try:
        return UUID(reference)
    except ValueError:
        tenant = _with_engine(settings, lambda engine: build_roster(*core_ports(engine)).find_tenant(reference))
        return tenant.id


# Contracts


@main.group()
def openapi() -> None:
    """The committed API contracts."""


@openapi.command("export")
@click.option("--out", "out_dir", default="openapi", type=click.Path(file_okay=False, path_type=Path))
@click.option("--catalogue", default="docs/problems.md", type=click.Path(dir_okay=False, path_type=Path))
def export(out_dir: Path, catalogue: Path) -> None:
    """Write openapi.json and schema.graphql as the running app would serve them, and the catalogue
    of problem types."""
    from app.api.graphql.schema import build_schema
    from app.api.problem_types.catalogue import render_catalogue

    out_dir.mkdir(parents=True, exist_ok=True)
    document = build_app(Settings()).openapi()
    (out_dir / "openapi.json").write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")
    (out_dir / "schema.graphql").write_text(build_schema().as_str() + "\n")
    catalogue.write_text(render_catalogue())
    click.echo(f"Wrote {out_dir / 'openapi.json'}, {out_dir / 'schema.graphql'} and {catalogue}.")
