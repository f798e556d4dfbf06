"""Who is calling: the principal taken from a verified access token, and the roles."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from app.domain.errors import Forbidden
from app.domain.messages import Message


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    MODERATOR = "moderator"
    ANALYST = "analyst"
    AMBASSADOR = "ambassador"
    INTEGRATOR = "integrator"
    OPERATOR = "operator"


ROSTER_WRITERS = frozenset({Role.ADMIN, Role.INTEGRATOR})
ROSTER_READERS = frozenset({Role.ADMIN, Role.MANAGER, Role.MODERATOR, Role.ANALYST})
PROGRAMME_STAFF = frozenset({Role.ADMIN, Role.MANAGER})
PLATFORM_OPERATORS = frozenset({Role.OPERATOR})


@dataclass(frozen=True, slots=True, kw_only=True)
class Principal:
    """A verified caller. ``tenant_id`` is None only for platform operators."""

    tenant_id: UUID | None
    subject: str
    email: str | None = None
    email_verified: bool = False
    roles: frozenset[Role] = frozenset()
    scopes: frozenset[str] = frozenset()
    # When the token stops being valid: a long-lived stream (a socket, an event stream) ends then.
    # Not part of who the caller is, so two tokens of the same caller compare equal.
    expires_at: datetime | None = field(default=None, compare=False)

    def require_any(self, allowed: frozenset[Role]) -> None:
        if not self.roles & allowed:
            wanted = ", ".join(sorted(allowed))
            raise Forbidden(Message("This action needs one of the roles: {wanted}.", wanted=wanted))

    def require_tenant(self) -> UUID:
        if self.tenant_id is None:
            raise Forbidden("This action needs a token issued for a tenant.")
        return self.tenant_id
