"""Request budgets on the ``limits`` library: fixed windows counted in this process's memory, or in
Redis when replicas share one budget.

``limits`` parses the budgets (``30/second;1200/minute``) and gives the Redis storage (an atomic
increment-and-expire script, over plain or TLS connections). A fixed window is one increment
whose count is both the verdict and what remains, then the window's expiry, so the storage is called
directly rather than through the library's strategy, which would read the counter back. Its own
memory storage is not used: a thread every 10 ms (a task per hit in its asyncio version) walks every
key to expire it, which cost tens of microseconds a request and grows with the number of callers;
``WindowCounters`` implements the same storage interface and drops ended windows as it counts.
"""

from __future__ import annotations

import heapq
import logging
import math
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import limits
from limits.aio.storage import RedisStorage, Storage
from redis.asyncio import ConnectionPool

from app.ports.rate_limits import Quota, Usage

logger = logging.getLogger("relais.rate_limits")

MEMORY = "memory://"
REDIS_SCHEMES = ("redis://", "rediss://")
KEY_PREFIX = "relais-rate"
# A request waits at most this long for Redis before it is served uncounted.
REDIS_TIMEOUT_SECONDS = 0.25
# One line, not one per request, while the counters cannot be reached.
REPORT_EVERY_SECONDS = 60.0


def quotas(name: str, text: str) -> tuple[Quota, ...]:
    """The budgets written ``30/second;1200/minute`` (the ``limits`` notation; empty: none), named
    ``name``, or ``name-1s`` and ``name-60s`` when there are several. A ValueError says what is wrong."""
    if not text.strip():
        return ()
    try:
        items = limits.parse_many(text)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a rate limit such as '30/second;1200/minute': {error}") from error
    windows = [item.get_expiry() for item in items]
    if len(set(windows)) != len(windows):
        raise ValueError(f"{text!r} gives two budgets for the same window")
    if len(items) == 1:
        return (Quota(name, items[0].amount, windows[0]),)
    return tuple(Quota(f"{name}-{window}s", item.amount, window) for item, window in zip(items, windows, strict=True))


class WindowCounters(Storage):
    """Fixed-window counters in this process, for the ``limits`` storage interface. Each window's end
    is also pushed on a heap, so that counting drops the windows that ended (amortised logarithmic
    time, nothing walks every key)."""

    # Not registered under a URL scheme: built here only.
    STORAGE_SCHEME = None

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._clock = clock
        # key -> [count, end of its window on ``clock``]
        self._windows: dict[str, list[float]] = {}
        self._ends: list[tuple[float, str]] = []

    @property
    def windows_kept(self) -> int:
        """How many windows are in memory: those of the keys counted within the last window only."""
        return len(self._windows)

    @property
    def base_exceptions(self) -> type[Exception] | tuple[type[Exception], ...]:
        return ValueError

    def _drop_ended(self, now: float) -> None:
        ends, windows = self._ends, self._windows
        while ends and ends[0][0] <= now:
            end, key = heapq.heappop(ends)
            window = windows.get(key)
            if window is not None and window[1] == end:
                del windows[key]

    def count(self, key: str, expiry: float, amount: int = 1) -> tuple[int, float]:
        """Count ``amount`` against ``key``: (its count in the current window, seconds until that
        window ends). At once, not awaited: what ``incr`` then ``get_expiry`` tell."""
        now = self._clock()
        self._drop_ended(now)
        window = self._windows.get(key)
        if window is None or window[1] <= now:
            end = now + expiry
            self._windows[key] = [amount, end]
            heapq.heappush(self._ends, (end, key))
            return amount, expiry
        window[0] += amount
        return int(window[0]), window[1] - now

    async def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        return self.count(key, expiry, amount)[0]

    async def get(self, key: str) -> int:
        window = self._windows.get(key)
        return int(window[0]) if window is not None and window[1] > self._clock() else 0

    async def get_expiry(self, key: str) -> float:
        """When the key's window ends, in seconds since the epoch (now when it has none)."""
        window = self._windows.get(key)
        left = window[1] - self._clock() if window is not None else 0.0
        return time.time() + max(left, 0.0)

    async def check(self) -> bool:
        return True

    async def reset(self) -> int | None:
        count = len(self._windows)
        self._windows.clear()
        self._ends.clear()
        return count

    async def clear(self, key: str) -> None:
        self._windows.pop(key, None)


class LimitsRateLimiter:
    """The ``RateLimiter`` port on a ``limits`` storage. A storage failure serves the request
    uncounted and is logged at most once a minute."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage
        # Counted in this process without the storage interface's two awaited calls, each wrapped.
        self._in_memory = storage if isinstance(storage, WindowCounters) else None
        self._failures: tuple[type[BaseException], ...] = (*self._exceptions(storage), OSError, TimeoutError)
        self._prefixes: dict[Quota, str] = {}
        self._reported_at = -math.inf

    @staticmethod
    def _exceptions(storage: Storage) -> tuple[type[BaseException], ...]:
        found = storage.base_exceptions
        return found if isinstance(found, tuple) else (found,)

    def _prefix(self, quota: Quota) -> str:
        # The budget is part of the key, so that a changed budget starts from a fresh count.
        prefix = self._prefixes.get(quota)
        if prefix is None:
            prefix = self._prefixes[quota] = f"{quota.name}/{quota.amount}/{quota.window_seconds}/"
        return prefix

    async def hit(self, quota: Quota, key: str) -> Usage | None:
        counter = self._prefix(quota) + key
        if self._in_memory is not None:
            count, left = self._in_memory.count(counter, quota.window_seconds)
        else:
            try:
                count = await self._storage.incr(counter, quota.window_seconds)
                left = await self._storage.get_expiry(counter) - time.time()
            except self._failures as error:
                self._report(error)
                return None
        remaining = quota.amount - count
        resets_in = max(1, math.ceil(left))
        return Usage(quota, remaining >= 0, max(remaining, 0), resets_in)

    def _report(self, error: BaseException) -> None:
        now = time.monotonic()
        if now - self._reported_at >= REPORT_EVERY_SECONDS:
            self._reported_at = now
            logger.warning("rate-limit counters unreachable, requests are served uncounted: %r", error)


def check_storage_url(storage_url: str) -> None:
    if storage_url != MEMORY and not storage_url.startswith(REDIS_SCHEMES):
        raise ValueError(f"unknown rate-limit storage {storage_url!r}: give memory:// or a redis:// URL")


@asynccontextmanager
async def rate_limiter(storage_url: str, *, key_prefix: str = KEY_PREFIX) -> AsyncIterator[LimitsRateLimiter]:
    """The limiter on ``memory://`` (this process) or a Redis URL (every replica pointed at it
    shares the budgets); its connections close on exit."""
    check_storage_url(storage_url)
    if storage_url == MEMORY:
        yield LimitsRateLimiter(WindowCounters())
        return
    pool = ConnectionPool.from_url(
        storage_url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
    )
    try:
        # limits hands its options to redis-py; its annotation only names the scalar ones.
        options: dict[str, Any] = {"connection_pool": pool}
        storage = RedisStorage("async+" + storage_url, implementation="redispy", key_prefix=key_prefix, **options)
        yield LimitsRateLimiter(storage)
    finally:
        await pool.aclose()
