"""The ``relais`` command: serve, migrate, mint development tokens, manage tenants."""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar
from uuid import UUID

import click
import uvicorn

from app.adapters.postgres import migrations
from app.bootstrap import (
    SchemaBehind,
    build_app,
    core_ports,
    database,
    dev_issuer,
    require_current_schema,
    resolved_database,
)
from app.demo.run import seed_demo
from app.demo.seed import ADMIN_EMAIL, ADMIN_SUBJECT, DEMO_AMBASSADOR, DEMO_SLUG
from app.domain.errors import DomainError
from app.domain.roster.identity import Principal, Role
from app.logging_config import configure_logging
from app.services.roster import build_roster
from app.services.roster.create_tenant import CreateTenantCommand
from app.settings import Settings

T = TypeVar("T")
CLI_OPERATOR = Principal(tenant_id=None, subject="relais-cli", roles=frozenset({Role.OPERATOR}))


def _with_engine(settings: Settings, work: Callable[..., Awaitable[T]]) -> T:
    async def run() -> T:
        async with database(settings) as engine:
            return await work(engine)

    try:
        return asyncio.run(run())
    except DomainError as error:
        raise click.ClickException(error.detail) from error


@click.group()
def main() -> None:
    """Relais: an open, API-first backend for employee advocacy programmes."""
    settings = Settings()
    configure_logging(settings.log_level, settings.log_format)


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
        proxy_headers=False,  # the application applies RELAIS_TRUSTED_PROXIES itself (app/api/app.py)
        timeout_graceful_shutdown=25,  # under the usual 30 s grace period of orchestrators
        timeout_keep_alive=5,
        server_header=False,
    )


@main.command()
def serve() -> None:
    """Serve the API. Refuses to start when the database schema is behind."""
    settings = Settings()
    with resolved_database(settings) as resolved:
        try:
            _with_engine(resolved, require_current_schema)
        except SchemaBehind as error:
            raise click.ClickException(str(error)) from error
        _serve(resolved)


@main.command()
def dev() -> None:
    """Migrate, seed the demo tenant, print tokens and serve: what ``make run`` does."""
    settings = Settings()
    with resolved_database(settings) as resolved:
        url = str(resolved.database_url)
        migrations.upgrade(url)
        demo = _with_engine(resolved, lambda engine: seed_demo(engine, resolved.public_base_url))
        _print_welcome(resolved, demo.tenant_id, seeded=demo.created)
        _serve(resolved)


def _print_welcome(settings: Settings, tenant_id: UUID, *, seeded: bool) -> None:
    base = settings.public_base_url.rstrip("/")
    lines = [
        "",
        f"Relais is starting on {base}",
        f"  API docs (OpenAPI):  {base}/docs",
        f"  GraphQL:             {base}/graphql",
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
            "Mint more with: relais token --tenant demo --role manager --email someone@example.com",
        ]
    click.echo("\n".join(lines) + "\n")


# Database


@main.group()
def db() -> None:
    """Database schema migrations."""


@db.command()
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """Apply migrations up to REVISION (default: the latest). Run once per release."""
    with resolved_database(Settings()) as resolved:
        migrations.upgrade(str(resolved.database_url), revision)
    click.echo(f"Database schema upgraded to {revision}.")


@db.command()
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Revert migrations down to REVISION (``base`` removes everything)."""
    with resolved_database(Settings()) as resolved:
        migrations.downgrade(str(resolved.database_url), revision)
    click.echo(f"Database schema downgraded to {revision}.")


@db.command()
def current() -> None:
    """Print the schema revision of the database and the one this code needs."""
    revision = _with_engine(Settings(), migrations.current_revision)
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
