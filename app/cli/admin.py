"""``relais db``, ``relais tenants``, ``relais token`` and ``relais openapi``: one-off tasks."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

import click

from app.adapters.postgres import migrations
from app.adapters.postgres.embedded import EmbeddedPostgres
from app.adapters.postgres.storage import distribution
from app.adapters.postgres.tables import metadata
from app.bootstrap import (
    core_ports,
    dev_issuer,
    resolved_database,
)
from app.cli.base import CLI_OPERATOR, main, nothing, with_engine
from app.domain.roster.identity import Role
from app.services.roster import build_roster
from app.services.roster.create_tenant import CreateTenantCommand
from app.settings import Settings


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
        with_engine(resolved, nothing, schema=False)
        migrations.upgrade(str(resolved.database_url), revision)
    if created:
        click.echo(f"Created an embedded PostgreSQL in {settings.data_dir.resolve()}.")
    click.echo(f"Database schema upgraded to {revision}.")


@db.command()
@click.argument("revision")
def downgrade(revision: str) -> None:
    """Revert migrations down to REVISION (``base`` removes everything)."""
    with resolved_database(Settings()) as resolved:
        with_engine(resolved, nothing, schema=False)
        migrations.downgrade(str(resolved.database_url), revision)
    click.echo(f"Database schema downgraded to {revision}.")


@db.command()
def current() -> None:
    """Print the schema revision of the database and the one this code needs."""
    revision = with_engine(Settings(), migrations.current_revision, schema=False)
    click.echo(f"database: {revision or 'empty'}\ncode:     {migrations.head_revision()}")


@db.command("citus-plan")
def citus_plan() -> None:
    """Print the statements that distribute the schema on a Citus coordinator, in an order Citus accepts.

    Reference tables first, then every table with a tenant_id distributed by it, colocated with
    employees. Run them once, on a database at the latest revision."""
    for statement in distribution.citus_plan(metadata):
        click.echo(statement)


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
    tenant = with_engine(
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
        tenant = with_engine(settings, lambda engine: build_roster(*core_ports(engine)).find_tenant(reference))
        return tenant.id


# Contracts


@main.group()
def openapi() -> None:
    """The committed API contracts."""


@openapi.command("export")
@click.option("--out", "out_dir", default="openapi", type=click.Path(file_okay=False, path_type=Path))
@click.option("--catalogue", default="docs/problems.md", type=click.Path(dir_okay=False, path_type=Path))
def export(out_dir: Path, catalogue: Path) -> None:
    """Write openapi.json and schema.graphql as the running app would serve them, asyncapi.yaml (the
    outgoing webhooks' events), and the catalogue of problem types."""
    from app.api.asyncapi import asyncapi_yaml
    from app.api.graphql.schema import build_schema
    from app.api.problem_types.catalogue import render_catalogue
    from app.bootstrap.api import build_app

    out_dir.mkdir(parents=True, exist_ok=True)
    document = build_app(Settings()).openapi()
    (out_dir / "openapi.json").write_text(json.dumps(document, indent=2, sort_keys=True) + "\n")
    (out_dir / "schema.graphql").write_text(build_schema().as_str() + "\n")
    (out_dir / "asyncapi.yaml").write_text(asyncapi_yaml())
    catalogue.write_text(render_catalogue())
    click.echo(
        f"Wrote {out_dir / 'openapi.json'}, {out_dir / 'schema.graphql'}, {out_dir / 'asyncapi.yaml'} and {catalogue}."
    )
