"""The ``relais`` command's group, and how a command reaches the database or says why it cannot."""

from __future__ import annotations

import asyncio
import logging
import shlex
import shutil
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.auth.key_files import DevIssuerKeyError
from app.adapters.auth.redirect_uris import RedirectUriError
from app.adapters.postgres.database import DatabaseUnreachable, check_reachable, wait_until_reachable
from app.adapters.postgres.embedded import EmbeddedPostgresUnavailable
from app.bootstrap import (
    NoEmbeddedDatabase,
    RateLimitSettingError,
    SchemaBehind,
    database,
    require_current_schema,
)
from app.domain.errors import DomainError
from app.domain.roster.identity import Principal, Role
from app.logging_config import configure_logging
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


def with_engine(
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


async def nothing(engine: AsyncEngine) -> None:
    """For commands that only need the checks ``with_engine`` makes."""


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
