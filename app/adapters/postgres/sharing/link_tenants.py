"""The tenant a tracked link's code names, known in process, so the redirect's one statement can
say ``tenant_id = $n`` (on Citus: the one shard holding the share).

A code's first four characters are its tenant's link prefix, which never changes: once read, a
prefix's tenant is kept for the life of the process (one entry per tenant). A code issued before
prefixes (8 characters) is found in ``legacy_share_codes``, frozen since revision 0022: the codes
followed most are kept. Reading either costs one statement, on a miss only; what is not found is
remembered for a short while, so probing one unknown prefix or code again costs nothing.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from uuid import UUID

import asyncpg

from app.domain.sharing.tracked_links import CODES_KEPT, ShareCode

TENANT_OF_PREFIX = "SELECT id FROM tenants WHERE link_prefix = $1::text"
TENANT_OF_LEGACY_CODE = "SELECT tenant_id FROM legacy_share_codes WHERE code = $1::text"
# Long enough to absorb a burst of one unknown prefix, short enough that a tenant created after a
# visitor tried its prefix is found soon after.
UNKNOWN_KEPT_FOR = 10.0
UNKNOWN_KEPT = CODES_KEPT
LEGACY_CODES_KEPT = CODES_KEPT


class LinkTenants:
    def __init__(self, pool: asyncpg.Pool, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._pool = pool
        self._monotonic = monotonic
        self._prefixes: dict[str, UUID] = {}
        self._legacy: OrderedDict[str, UUID] = OrderedDict()
        # A prefix or a legacy code not found, and until when that answer holds; oldest first.
        self._unknown: OrderedDict[str, float] = OrderedDict()

    def known(self, code: ShareCode) -> UUID | None:
        """The tenant of the code when already known here: no statement, no await."""
        prefix = code.link_prefix
        if prefix is not None:
            return self._prefixes.get(prefix)
        tenant = self._legacy.get(code.value)
        if tenant is not None:
            self._legacy.move_to_end(code.value)
        return tenant

    async def look_up(self, code: ShareCode) -> UUID | None:
        """The tenant of a code not known here, read (one statement) unless just found unknown."""
        prefix = code.link_prefix
        if prefix is not None:
            if (tenant := await self._read(TENANT_OF_PREFIX, prefix)) is not None:
                self._prefixes[prefix] = tenant
            return tenant
        if (tenant := await self._read(TENANT_OF_LEGACY_CODE, code.value)) is not None:
            self._legacy[code.value] = tenant
            if len(self._legacy) > LEGACY_CODES_KEPT:
                self._legacy.popitem(last=False)
        return tenant

    async def _read(self, statement: str, key: str) -> UUID | None:
        """The tenant the key names, read unless the key was just found unknown."""
        now = self._monotonic()
        until = self._unknown.get(key)
        if until is not None:
            if until > now:
                return None
            del self._unknown[key]
        tenant: UUID | None = await self._pool.fetchval(statement, key)
        if tenant is None:
            self._unknown[key] = now + UNKNOWN_KEPT_FOR
            if len(self._unknown) > UNKNOWN_KEPT:
                self._unknown.popitem(last=False)
        return tenant
