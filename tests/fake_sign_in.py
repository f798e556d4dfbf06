"""An in-memory ``SignInCodeStore``, behaving as the PostgreSQL one does: by digest, taken once."""

from __future__ import annotations

import hashlib
from datetime import datetime

from app.ports.roster import SignInCode


class FakeSignInCodeStore:
    def __init__(self) -> None:
        self.codes: dict[bytes, SignInCode] = {}

    async def save(self, code: str, value: SignInCode) -> None:
        self.codes = {digest: kept for digest, kept in self.codes.items() if kept.expires_at > value.auth_time}
        digest = _digest(code)
        if digest in self.codes:
            raise ValueError("duplicate key value violates unique constraint pk_sign_in_codes")
        self.codes[digest] = value

    async def take(self, code: str, now: datetime) -> SignInCode | None:
        taken = self.codes.pop(_digest(code), None)
        return taken if taken is not None and taken.expires_at > now else None


def _digest(code: str) -> bytes:
    return hashlib.sha256(code.encode()).digest()
