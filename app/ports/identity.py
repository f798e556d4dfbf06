"""Access-token verification."""

from __future__ import annotations

from typing import Protocol

from app.domain.identity import Principal


class TokenVerifier(Protocol):
    async def verify(self, token: str) -> Principal:
        """Return the principal of a valid bearer token or raise ``Unauthenticated``."""
        ...
