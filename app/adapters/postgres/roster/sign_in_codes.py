"""The development OpenID provider's authorization codes on asyncpg, in the table every replica shares.

Only a code's SHA-256 digest is stored: reading the table gives nobody a usable code. Taking a
code deletes it in the same statement that reads it, so of two concurrent exchanges of one code
exactly one gets it. Saving a code also clears the expired ones, which keeps the table tiny.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

import asyncpg

from app.domain.roster.identity import Role
from app.domain.roster.sign_in import SignInIdentity
from app.ports.roster import SignInCode

# $14, the instant the code is issued, is also the instant before which expired codes are cleared.
SAVE = """
WITH expired AS (
    DELETE FROM sign_in_codes WHERE expires_at <= $14
)
INSERT INTO sign_in_codes (
    code_digest, client_id, redirect_uri, scope, nonce, code_challenge, code_challenge_method,
    tenant_id, subject, email, given_name, family_name, roles, auth_time, expires_at
) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
"""

TAKE = """
DELETE FROM sign_in_codes WHERE code_digest = $1
RETURNING client_id, redirect_uri, scope, nonce, code_challenge, code_challenge_method,
          tenant_id, subject, email, given_name, family_name, roles, auth_time, expires_at
"""


def _digest(code: str) -> bytes:
    return hashlib.sha256(code.encode()).digest()


class PostgresSignInCodeStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def save(self, code: str, value: SignInCode) -> None:
        identity = value.identity
        await self._pool.execute(
            SAVE,
            _digest(code),
            value.client_id,
            value.redirect_uri,
            value.scope,
            value.nonce,
            value.code_challenge,
            value.code_challenge_method,
            identity.tenant_id,
            identity.subject,
            identity.email,
            identity.given_name,
            identity.family_name,
            [role.value for role in identity.roles],
            value.auth_time,
            value.expires_at,
        )

    async def take(self, code: str, now: datetime) -> SignInCode | None:
        row = await self._pool.fetchrow(TAKE, _digest(code))
        # An expired code is deleted all the same: it can never be exchanged again.
        if row is None or row["expires_at"] <= now:
            return None
        return SignInCode(
            client_id=row["client_id"],
            redirect_uri=row["redirect_uri"],
            scope=row["scope"],
            nonce=row["nonce"],
            code_challenge=row["code_challenge"],
            code_challenge_method=row["code_challenge_method"],
            identity=SignInIdentity(
                tenant_id=row["tenant_id"],
                subject=row["subject"],
                email=row["email"],
                given_name=row["given_name"],
                family_name=row["family_name"],
                roles=tuple(Role(role) for role in row["roles"]),
            ),
            auth_time=row["auth_time"],
            expires_at=row["expires_at"],
        )
