"""Where token-verification keys come from: a fixed set, or an issuer's JWKS fetched over HTTP and cached."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any, Protocol

import httpx
from joserfc.errors import JoseError
from joserfc.jwk import JWKRegistry, Key, KeySet

from app.domain.errors import Unauthenticated
from app.ports.system import Clock

logger = logging.getLogger(__name__)

# A real JWKS is a few kilobytes; anything far larger is a misconfigured URL or a hostile endpoint.
MAX_JWKS_BYTES = 256 * 1024


class KeySource(Protocol):
    async def get(self, kid: str | None) -> Key | None:
        """The verification key named ``kid`` (the only key when ``kid`` is None), or None when unknown."""
        ...


def find_key(keys: KeySet, kid: str | None) -> Key | None:
    """Pick a key by id; a token without ``kid`` is only unambiguous when the set holds one key."""
    if kid is None:
        return keys.keys[0] if len(keys.keys) == 1 else None
    return next((key for key in keys if key.kid == kid), None)


class StaticKeySource:
    """Keys known in-process, such as the embedded development issuer's public key."""

    def __init__(self, keys: KeySet) -> None:
        self._keys = keys

    async def get(self, kid: str | None) -> Key | None:
        return find_key(self._keys, kid)


class HttpJwksSource:
    """An external issuer's JWKS, cached for ``cache_seconds``.

    An unknown ``kid`` usually means the issuer rotated its keys, so it triggers a refetch, but at
    most one fetch per ``refetch_cooldown_seconds``: a flood of tokens with random key ids must not
    turn into a flood of requests to the identity provider. Concurrent callers share one fetch.
    When a fetch fails the last good key set stays in use, so a brief IdP outage does not log
    everybody out. The HTTP client (and its timeouts) belongs to the caller, who also closes it.
    """

    def __init__(
        self,
        url: str,
        http: httpx.AsyncClient,
        cache_seconds: int,
        refetch_cooldown_seconds: int,
        clock: Clock,
    ) -> None:
        self._url = url
        self._http = http
        self._cache_for = timedelta(seconds=cache_seconds)
        self._cooldown = timedelta(seconds=refetch_cooldown_seconds)
        self._clock = clock
        self._lock = asyncio.Lock()
        self._keys: KeySet | None = None
        self._fetched_at: datetime | None = None
        self._last_attempt: datetime | None = None
        self._completed_fetches = 0

    async def get(self, kid: str | None) -> Key | None:
        if self._keys is None or self._is_stale():
            await self._refresh()
        key = self._lookup(kid)
        if key is None and kid is not None:
            await self._refresh()
            key = self._lookup(kid)
        if self._keys is None:
            raise Unauthenticated("The token issuer's keys could not be fetched.")
        return key

    def _lookup(self, kid: str | None) -> Key | None:
        return None if self._keys is None else find_key(self._keys, kid)

    def _is_stale(self) -> bool:
        return self._fetched_at is None or self._clock.now() - self._fetched_at >= self._cache_for

    async def _refresh(self) -> None:
        completed_before = self._completed_fetches
        async with self._lock:
            if self._completed_fetches != completed_before:
                return  # a fetch finished while this caller waited for the lock: share its result
            now = self._clock.now()
            if self._last_attempt is not None and now - self._last_attempt < self._cooldown:
                return
            self._last_attempt = now
            try:
                keys = await self._fetch()
            finally:
                self._completed_fetches += 1
            if keys is not None:
                self._keys = keys
                self._fetched_at = now

    async def _fetch(self) -> KeySet | None:
        try:
            response = await self._http.get(self._url, headers={"Accept": "application/json"})
            response.raise_for_status()
            if len(response.content) > MAX_JWKS_BYTES:
                logger.warning("The JWKS at %s is larger than %d bytes; ignored.", self._url, MAX_JWKS_BYTES)
                return None
            document = response.json()
        except (httpx.HTTPError, ValueError) as error:
            logger.warning("Fetching the JWKS at %s failed: %s", self._url, error)
            return None
        keys = import_signing_keys(document)
        if keys is None:
            logger.warning("The JWKS at %s holds no usable signing key.", self._url)
        return keys


def import_signing_keys(document: Any) -> KeySet | None:
    """Import the usable public signing keys of a JWKS document, skipping the ones we cannot use.

    Symmetric keys are dropped: HMAC algorithms are never accepted, and a shared secret has no
    business in a published key set.
    """
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        return None
    keys: list[Key] = []
    for entry in document["keys"]:
        if not isinstance(entry, dict) or entry.get("use", "sig") != "sig" or entry.get("kty") == "oct":
            continue
        try:
            keys.append(JWKRegistry.import_key(entry))
        except (JoseError, ValueError, TypeError, KeyError):
            continue
    return KeySet(keys) if keys else None
