"""Engine and session factory for asyncpg, the raw asyncpg pool of the hot paths, and URL normalisation."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import asyncpg
from sqlalchemy import exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from app.adapters.postgres.outages import (
    OutageTranslatingConnection,
    connect_or_unavailable,
    log_pool_outages_in_one_line,
)

# A database host that swallows packets would otherwise hold each request for asyncpg's default
# minute; past this, the request is answered as an outage.
CONNECT_TIMEOUT_SECONDS = 5.0


def async_url(url: str) -> URL:
    """Accept ``postgres://``, ``postgresql://`` or ``postgresql+asyncpg://`` URLs."""
    parsed = make_url(url.replace("postgres://", "postgresql://", 1) if url.startswith("postgres://") else url)
    return parsed.set(drivername="postgresql+asyncpg")


def create_engine(url: str, *, pool_size: int = 10, max_overflow: int = 10) -> AsyncEngine:
    return create_async_engine(
        async_url(url),
        pool_size=pool_size,
        max_overflow=max_overflow,
        pool_pre_ping=True,
        connect_args={
            "server_settings": {"application_name": "relais", "timezone": "UTC"},
            "timeout": CONNECT_TIMEOUT_SECONDS,
        },
    )


def create_sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    # Objects stay readable after commit; repositories map rows to domain objects anyway.
    return async_sessionmaker(engine, expire_on_commit=False)


def plain_dsn(url: str) -> str:
    """The URL as libpq (and asyncpg) read it."""
    return async_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _keep_session(connection: asyncpg.Connection) -> None:
    """Hot paths only read, with no session state to undo (no SET, LISTEN, advisory lock or
    cursor), so a released connection needs no reset statement; asyncpg still rolls back an
    open transaction first."""


async def create_pool(url: str, *, size: int = 10, query_logger: Callable[[Any], None] | None = None) -> asyncpg.Pool:
    """A raw asyncpg pool for the hot paths (the feed): no ORM, statements prepared once per
    connection. ``query_logger`` sees every statement sent, for tests that count them. A
    connection that cannot be opened, or that is lost under a statement, raises ``Unavailable``."""

    log_pool_outages_in_one_line()

    async def init(connection: asyncpg.Connection) -> None:
        if query_logger is not None:
            connection.add_query_logger(query_logger)

    pool: asyncpg.Pool = await asyncpg.create_pool(
        plain_dsn(url),
        min_size=1,
        max_size=size,
        init=init,
        reset=_keep_session,
        server_settings={"application_name": "relais", "timezone": "UTC"},
        timeout=CONNECT_TIMEOUT_SECONDS,
        connect=connect_or_unavailable,
        connection_class=OutageTranslatingConnection,
    )
    return pool


class DatabaseUnreachable(RuntimeError):
    """The configured PostgreSQL does not answer, or refuses the connection."""


async def check_reachable(engine: AsyncEngine, timeout_seconds: float = 10.0) -> None:
    """Open one connection, or raise ``DatabaseUnreachable`` saying where and why in one line.

    The password is never part of the message.
    """
    where = engine.url.set(drivername="postgresql").render_as_string(hide_password=True)
    try:
        async with asyncio.timeout(timeout_seconds), engine.connect():
            return
    except TimeoutError:
        reason = f"no answer within {timeout_seconds:g} seconds"
    except ConnectionRefusedError:
        reason = "connection refused"
    except exc.DBAPIError as error:
        reason = str(error.orig or error)
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        reason = str(error)
    raise DatabaseUnreachable(f"Cannot connect to the database at {where}: {' '.join(reason.split())}.")


logger = logging.getLogger("relais.database")


async def wait_until_reachable(
    engine: AsyncEngine, patience_seconds: float, *, first_pause: float = 0.5, longest_pause: float = 8.0
) -> None:
    """``check_reachable``, tried again with doubling pauses for up to ``patience_seconds``: in a
    deployment, containers start in any order and the database may come up after the API.

    Each failed attempt is one log line with its cause; past the patience, ``DatabaseUnreachable``.
    """
    deadline = time.monotonic() + patience_seconds
    pause = first_pause
    while True:
        try:
            await check_reachable(engine, timeout_seconds=min(10.0, max(deadline - time.monotonic(), 1.0)))
            return
        except DatabaseUnreachable as error:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise
            pause = min(pause, remaining)
            logger.warning(
                "waiting for the database", extra={"cause": str(error), "next_attempt_in_seconds": round(pause, 2)}
            )
            await asyncio.sleep(pause)
            pause = min(pause * 2, longest_pause)
