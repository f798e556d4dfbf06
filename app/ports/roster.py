"""Ports of the roster: tenants, employees, memberships, social accounts, access-token verification
and the development OpenID provider."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol
from uuid import UUID

from app.domain.programme.charter import CharterStatus
from app.domain.roster.ambassadors import Ambassador, MembershipStatus, SocialAccount
from app.domain.roster.employees import Employee, EmployeeStatus
from app.domain.roster.identity import Principal
from app.domain.roster.sign_in import SignInIdentity
from app.domain.roster.tenants import Tenant
from app.ports.pagination import KeyKind, Page, PageRequest


@dataclass(frozen=True, slots=True, kw_only=True)
class EmployeeFilter:
    department: str | None = None
    location: str | None = None
    status: EmployeeStatus | None = None
    query: str | None = None


class EmployeeSort(StrEnum):
    """Orders of the roster (``-`` reverses one); ties go by id. ``name`` is the family name, then
    the given name, case aside; ``id`` is the order employees were added in."""

    ID = "id"
    ID_DESC = "-id"
    NAME = "name"
    NAME_DESC = "-name"
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"


EMPLOYEE_SORT_KEYS: Mapping[str, tuple[KeyKind, ...]] = {
    "id": (),
    "name": (KeyKind.TEXT, KeyKind.TEXT),
    "created_at": (KeyKind.INSTANT,),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class AmbassadorFilter:
    status: MembershipStatus | None = None
    department: str | None = None
    location: str | None = None
    charter_status: CharterStatus | None = None


class TenantRepository(Protocol):
    async def add(self, tenant: Tenant) -> None: ...
    async def get(self, tenant_id: UUID) -> Tenant | None: ...
    async def get_by_slug(self, slug: str) -> Tenant | None: ...


class EmployeeRepository(Protocol):
    async def add(self, employee: Employee) -> None: ...
    async def save(self, employee: Employee) -> None: ...
    async def get(self, employee_id: UUID, *, for_update: bool = False) -> Employee | None: ...
    async def get_many(self, employee_ids: Sequence[UUID]) -> list[Employee]: ...
    async def find_by_subject(self, subject: str) -> Employee | None: ...
    async def find_by_email(self, email: str) -> Employee | None: ...
    async def list(self, criteria: EmployeeFilter, page: PageRequest) -> Page[Employee]: ...


class AmbassadorRepository(Protocol):
    async def add(self, ambassador: Ambassador) -> None: ...
    async def save(self, ambassador: Ambassador) -> None: ...
    async def get(self, ambassador_id: UUID, *, for_update: bool = False) -> Ambassador | None: ...
    async def get_by_employee(self, employee_id: UUID, *, for_update: bool = False) -> Ambassador | None: ...
    async def get_many(self, ambassador_ids: Sequence[UUID]) -> list[Ambassador]: ...
    async def get_many_by_employee(self, employee_ids: Sequence[UUID]) -> list[Ambassador]: ...
    async def list(self, criteria: AmbassadorFilter, page: PageRequest) -> Page[Ambassador]: ...


class SocialAccountRepository(Protocol):
    async def add(self, account: SocialAccount) -> None: ...
    async def save(self, account: SocialAccount) -> None:
        """Store the account's audience size (the only thing about it that changes)."""
        ...

    async def get(self, account_id: UUID) -> SocialAccount | None: ...
    async def remove(self, account_id: UUID) -> None: ...
    async def list_for(self, ambassador_id: UUID) -> list[SocialAccount]: ...


class TokenVerifier(Protocol):
    async def verify(self, token: str) -> Principal:
        """Return the principal of a valid bearer token or raise ``Unauthenticated``."""
        ...


# The development OpenID provider (off whenever an external issuer is configured)


@dataclass(frozen=True, slots=True, kw_only=True)
class SignInCode:
    """What an authorization code stands for until it is exchanged: who signed in, for which
    client, redirect URI and scopes, and the PKCE challenge the exchange must answer."""

    client_id: str
    redirect_uri: str
    scope: str
    nonce: str | None
    code_challenge: str
    code_challenge_method: str
    identity: SignInIdentity
    auth_time: datetime
    expires_at: datetime


class SignInCodeStore(Protocol):
    """Authorization codes kept where every replica sees them; each can be taken once."""

    async def save(self, code: str, value: SignInCode) -> None: ...

    async def take(self, code: str, now: datetime) -> SignInCode | None:
        """Remove the code and return what it stood for; None when unknown, already taken or expired."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class OAuthRequest:
    """An HTTP request to one of the provider's endpoints, as the protocol needs to see it."""

    method: str
    path: str
    query: Sequence[tuple[str, str]] = ()
    form: Sequence[tuple[str, str]] = ()
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class OAuthResponse:
    """The protocol's answer: a JSON body, a redirect (``Location`` header), or an error. An error
    that may not be sent back to the client (unknown client or redirect URI) carries no redirect
    and is shown to the person in the browser instead, with ``error_description``."""

    status: int
    headers: Sequence[tuple[str, str]] = ()
    body: str = ""
    error_description: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SignInRequest:
    """A valid authorization request waiting for someone to sign in."""

    client_id: str
    redirect_uri: str
    scope: str


class OpenIDProvider(Protocol):
    """Authorization code flow with PKCE for public clients, OpenID Connect discovery and userinfo."""

    def metadata(self) -> dict[str, Any]:
        """The discovery document served at ``/.well-known/openid-configuration``."""
        ...

    def check_authorization(self, request: OAuthRequest) -> SignInRequest | OAuthResponse:
        """The request to show the sign-in page for, or the response refusing it."""
        ...

    async def authorize(self, request: OAuthRequest, identity: SignInIdentity) -> OAuthResponse:
        """Issue a code for ``identity`` and redirect back to the client (or refuse the request)."""
        ...

    async def token(self, request: OAuthRequest) -> OAuthResponse: ...

    async def userinfo(self, access_token: str) -> OAuthResponse: ...

    def allows_origin(self, origin: str) -> bool:
        """Whether a browser page at ``origin`` may call the token and userinfo endpoints."""
        ...
