"""Engine and session factory for asyncpg, the raw asyncpg pool of the hot paths, and URL normalisation."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import asyncpg
from sqlalchemy import exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine


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
        connect_args={"server_settings": {"application_name": "relais", "timezone": "UTC"}},
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
    connection. ``query_logger`` sees every statement sent, for tests that count them."""

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
