"""Turn the claims of a verified access token into a ``Principal``.

Only the token decides the tenant: a caller without a tenant is acceptable only as a platform operator.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from app.domain.errors import Unauthenticated
from app.domain.roster.identity import Principal, Role

_KNOWN_ROLES = {role.value: role for role in Role}


def principal_from_claims(claims: Mapping[str, Any]) -> Principal:
    """Map ``sub``, ``tenant_id``, ``roles``, ``scope``, ``email`` and ``email_verified``; the signature,
    issuer, audience and lifetime must already have been checked."""
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject:
        raise Unauthenticated("The access token names no subject.")
    roles = _roles(claims.get("roles"))
    tenant_id = _tenant_id(claims.get("tenant_id"))
    if tenant_id is None and Role.OPERATOR not in roles:
        raise Unauthenticated("The access token names no tenant.")
    email = claims.get("email")
    if email is not None and not isinstance(email, str):
        raise Unauthenticated("The access token's email claim is not a string.")
    return Principal(
        tenant_id=tenant_id,
        subject=subject,
        email=email or None,
        # Only a JSON true counts: a string "true" or a missing claim must not vouch for an address.
        email_verified=bool(email) and claims.get("email_verified") is True,
        roles=roles,
        scopes=_scopes(claims.get("scope")),
        expires_at=_expiry(claims.get("exp")),
    )


def _expiry(value: Any) -> datetime | None:
    """``exp`` was checked already; a number it is, unless a caller maps claims that never were."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)
    return None


def _tenant_id(value: Any) -> UUID | None:
    if value is None:
        return None
    # A malformed tenant is an issuer misconfiguration; treating it as "no tenant" could quietly
    # promote a broken token to platform scope, so it is rejected outright.
    if not isinstance(value, str):
        raise Unauthenticated("The access token's tenant_id claim is not a valid id.")
    try:
        return UUID(value)
    except ValueError:
        raise Unauthenticated("The access token's tenant_id claim is not a valid id.") from None


def _roles(value: Any) -> frozenset[Role]:
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        raise Unauthenticated("The access token's roles claim is not a list.")
    # Names this service does not know are ignored, so an issuer may carry roles meant for other services.
    return frozenset(_KNOWN_ROLES[name] for name in value if isinstance(name, str) and name in _KNOWN_ROLES)


def _scopes(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, str):
        raise Unauthenticated("The access token's scope claim is not a string.")
    return frozenset(value.split())
