"""Where the database not answering becomes ``Unavailable``, the one error the rest of the
service knows an outage by: a refused or dropped connection, a server shutting down or starting
up, no connection slot left. Anything else (a bug, a constraint) is left as it is."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from types import TracebackType
from typing import Any

import asyncpg
from sqlalchemy import exc

from app.domain.errors import Unavailable

# What the driver raises when the server cannot be talked to, as opposed to a statement it refused.
# OSError covers refused, reset and timed-out connections and unknown host names.
OUTAGES: tuple[type[BaseException], ...] = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.TooManyConnectionsError,
)


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error, then what it wraps: SQLAlchemy keeps the driver's error as ``orig``, whose own
    cause is asyncpg's."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = current.orig if isinstance(current, exc.DBAPIError) else None
        current = orig if isinstance(orig, BaseException) else current.__cause__


def outage_cause(error: BaseException) -> str | None:
    """One line naming why the database cannot be reached, or None when ``error`` is no outage."""
    if isinstance(error, Unavailable):
        return error.cause
    for link in _chain(error):
        if isinstance(link, OUTAGES):
            return " ".join(f"{type(link).__name__}: {link}".split())
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return " ".join(f"{type(error.orig).__name__}: {error.orig}".split())
    return None


def unavailable(error: BaseException) -> Unavailable | None:
    cause = outage_cause(error)
    return None if cause is None or isinstance(error, Unavailable) else Unavailable(cause)


class TranslatedOutages:
    """``with TranslatedOutages():`` raises ``Unavailable`` in place of an outage of the database.

    A class rather than a generator-based context manager: it sits on the hot paths' statements."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if error is not None and (translated := unavailable(error)) is not None:
            raise translated from error


translated_outages = TranslatedOutages()


class OutageTranslatingConnection(asyncpg.Connection):  # type: ignore[misc]  # asyncpg ships no types
    """The raw pool's connections: a statement whose connection is lost, or whose server is going
    away, raises ``Unavailable``. Every hot-path adapter reads through these, so none of them has
    to translate on its own."""

    # Keyword options (a timeout, a record class) pass through as asyncpg names them.
    async def execute(self, query: str, *args: Any, **options: Any) -> str:
        with translated_outages:
            result: str = await super().execute(query, *args, **options)
            return result

    async def fetch(self, query: str, *args: Any, **options: Any) -> Any:
        with translated_outages:
            return await super().fetch(query, *args, **options)

    async def fetchval(self, query: str, *args: Any, **options: Any) -> Any:
        with translated_outages:
            return await super().fetchval(query, *args, **options)

    async def fetchrow(self, query: str, *args: Any, **options: Any) -> Any:
        with translated_outages:
            return await super().fetchrow(query, *args, **options)


async def connect_or_unavailable(*args: Any, **kwargs: Any) -> asyncpg.Connection:
    """``asyncpg.connect`` for the raw pool, which calls it whenever it needs a new connection
    (an outage shows there first): a connection that cannot be opened raises ``Unavailable``."""
    with translated_outages:
        connection: asyncpg.Connection = await asyncpg.connect(*args, **kwargs)
        return connection


class _OutageWithoutTraceback(logging.Filter):
    """The raw pool reconnects in the background while the database is away (every few seconds,
    backing off to a minute), logging each failure with a traceback: the cause is all it says."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        cause = outage_cause(error) if error is not None else None
        if cause is not None:
            record.cause = cause
            record.exc_info, record.exc_text = None, None
        return True


def log_pool_outages_in_one_line() -> None:
    """Idempotent: every pool of the process shares asyncpg's logger."""
    pool_logger = logging.getLogger("asyncpg.pool")
    if not any(isinstance(existing, _OutageWithoutTraceback) for existing in pool_logger.filters):
        pool_logger.addFilter(_OutageWithoutTraceback())
