"""Authlib's authorization server, fitted to the development OpenID provider.

Authlib does the protocol (parameters, client checks, redirect URI matching, PKCE, ID tokens);
what it leaves to the integrator is here: the one public client, how codes are remembered and
how tokens are made. Authlib's server is synchronous and our code store is not, so the provider
(``dev_openid_provider``) takes a code out of the store before Authlib checks it, and saves the
code Authlib issued after it answered; in between, the request object carries them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from authlib.oauth2.rfc6749 import (
    AuthorizationCodeGrant,
    AuthorizationServer,
    ClientMixin,
    InvalidRequestError,
    OAuth2Payload,
    OAuth2Request,
)
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import OpenIDCode, UserInfo
from authlib.oidc.core.models import AuthorizationCodeMixin
from joserfc.jwk import RSAKey

from app.adapters.auth.dev_issuer import DEV_CLIENT_ID, DevIssuer
from app.adapters.auth.key_files import key_id
from app.adapters.auth.redirect_uris import RedirectUriPolicy
from app.domain.roster.sign_in import SignInIdentity
from app.ports.roster import OAuthResponse, SignInCode
from app.ports.system import Clock

SUPPORTED_SCOPES = ("openid", "profile", "email")
RELAIS_CLAIMS = ("sub", "tenant_id", "roles")
# OpenID Connect's default: the one algorithm every client must accept, and what many expect by default.
ID_TOKEN_ALGORITHM = "RS256"  # noqa: S105  (an algorithm name)


def identity_claims(identity: SignInIdentity, scope: str) -> dict[str, Any]:
    """The ID token's claims for ``identity`` under the granted ``scope``."""
    everything = {
        "sub": identity.subject,
        "name": identity.name,
        "given_name": identity.given_name,
        "family_name": identity.family_name,
        "email": identity.email,
        "email_verified": True,
        "tenant_id": str(identity.tenant_id),
        "roles": [role.value for role in identity.roles],
    }
    return scoped_claims(everything, scope)


def scoped_claims(claims: Mapping[str, Any], scope: str) -> dict[str, Any]:
    """The standard claims the scopes grant (``profile``: names, ``email``: e-mail), and always
    Relais's own, ``tenant_id`` and ``roles``, which a front end needs to know what it may show."""
    standard = UserInfo({name: value for name, value in claims.items() if name in UserInfo.REGISTERED_CLAIMS})
    scoped: dict[str, Any] = dict(standard.filter(scope))
    scoped.update({name: claims[name] for name in RELAIS_CLAIMS if name in claims})
    return scoped


class DevClient(ClientMixin):  # type: ignore[misc]
    """The one registered client: public (no secret), authorization code only, loopback redirects."""

    def __init__(self, redirect_uris: RedirectUriPolicy) -> None:
        self._redirect_uris = redirect_uris

    def get_client_id(self) -> str:
        return DEV_CLIENT_ID

    def get_default_redirect_uri(self) -> None:
        return None  # OpenID Connect requires the client to name its redirect URI

    def get_allowed_scope(self, scope: str | None) -> str:
        # Scopes this provider does not know (offline_access, ...) are dropped, not refused (RFC 6749 §3.3).
        requested = (scope or "").split()
        return " ".join(name for name in dict.fromkeys(requested) if name in SUPPORTED_SCOPES)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return self._redirect_uris.allows(redirect_uri)

    def check_client_secret(self, client_secret: str) -> bool:
        return False

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == "none"

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


class StoredCode(AuthorizationCodeMixin):  # type: ignore[misc]
    """A code taken from the store, as Authlib's grant and PKCE extension read it."""

    def __init__(self, value: SignInCode) -> None:
        self.value = value
        self.code_challenge = value.code_challenge
        self.code_challenge_method = value.code_challenge_method

    def get_redirect_uri(self) -> str:
        return self.value.redirect_uri

    def get_scope(self) -> str:
        return self.value.scope

    def get_nonce(self) -> str | None:
        return self.value.nonce

    def get_auth_time(self) -> int:
        return int(self.value.auth_time.timestamp())


class _Payload(OAuth2Payload):  # type: ignore[misc]
    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        self._datalist: defaultdict[str, list[str]] = defaultdict(list)
        for name, value in pairs:
            self._datalist[name].append(value)
        self._data = {name: values[0] for name, values in self._datalist.items()}

    @property
    def data(self) -> dict[str, str]:
        return self._data

    @property
    def datalist(self) -> defaultdict[str, list[str]]:
        return self._datalist


class DevRequest(OAuth2Request):  # type: ignore[misc]
    """One HTTP request; ``taken`` and ``issued`` carry the code across Authlib's synchronous calls."""

    def __init__(
        self,
        method: str,
        uri: str,
        query: Sequence[tuple[str, str]],
        form: Sequence[tuple[str, str]],
        headers: dict[str, str],
    ) -> None:
        super().__init__(method, uri, headers=headers)
        self.payload = _Payload([*query, *form])
        self._args = _Payload(query).data
        self._form = _Payload(form).data
        self.taken: SignInCode | None = None
        self.issued: tuple[str, SignInCode] | None = None

    @property
    def args(self) -> dict[str, str]:
        return self._args

    @property
    def form(self) -> dict[str, str]:
        return self._form


class DevAuthorizationServer(AuthorizationServer):  # type: ignore[misc]
    """Tokens are self-contained JWTs signed by the development issuer: nothing is stored for them."""

    def __init__(self, issuer: DevIssuer, clock: Clock, client: DevClient, code_ttl: timedelta) -> None:
        super().__init__()
        self.issuer = issuer
        self.clock = clock
        self.client = client
        self.code_ttl = code_ttl

    def query_client(self, client_id: str) -> DevClient | None:
        return self.client if client_id == DEV_CLIENT_ID else None

    def save_token(self, token: dict[str, Any], request: DevRequest) -> None:
        """Nothing to save: an access token is verified by its signature, never looked up."""

    def create_oauth2_request(self, request: DevRequest) -> DevRequest:
        return request

    def handle_response(self, status: int, body: Any, headers: list[tuple[str, str]]) -> OAuthResponse:
        description = body.get("error_description") if isinstance(body, dict) else None
        text = json.dumps(body) if isinstance(body, dict) else str(body)
        return OAuthResponse(status=status, headers=tuple(headers), body=text, error_description=description)

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        """Authlib announces client authentication and revocation; nothing here listens."""


class DevCodeGrant(AuthorizationCodeGrant):  # type: ignore[misc]
    TOKEN_ENDPOINT_AUTH_METHODS = ["none"]

    def save_authorization_code(self, code: str, request: DevRequest) -> None:
        server: DevAuthorizationServer = self.server
        now = server.clock.now()
        request.issued = (
            code,
            SignInCode(
                client_id=request.client.get_client_id(),
                redirect_uri=request.payload.redirect_uri,
                scope=request.scope,
                nonce=request.payload.data.get("nonce"),
                code_challenge=request.payload.data["code_challenge"],
                code_challenge_method=request.payload.data["code_challenge_method"],
                identity=request.user,
                auth_time=now,
                expires_at=now + server.code_ttl,
            ),
        )

    def query_authorization_code(self, code: str, client: DevClient) -> StoredCode | None:
        taken: SignInCode | None = self.request.taken
        if taken is None or taken.client_id != client.get_client_id():
            return None
        return StoredCode(taken)

    def delete_authorization_code(self, authorization_code: StoredCode) -> None:
        """Already gone: the code was taken out of the store before Authlib checked it."""

    def authenticate_user(self, authorization_code: StoredCode) -> SignInIdentity:
        return authorization_code.value.identity


class S256CodeChallenge(CodeChallenge):  # type: ignore[misc]
    """PKCE with S256 only, and required: ``plain`` would hand the verifier to whoever sees the
    authorization request, and a public client without PKCE has nothing binding code to client."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]
    DEFAULT_CODE_CHALLENGE_METHOD = "S256"

    def __init__(self) -> None:
        super().__init__(required=True)

    def validate_code_challenge(self, grant: DevCodeGrant, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge"):
            raise InvalidRequestError("PKCE is required: send code_challenge with code_challenge_method=S256.")
        if data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("Only code_challenge_method=S256 is accepted.")
        super().validate_code_challenge(grant, redirect_uri)


class DevOpenIDCode(OpenIDCode):  # type: ignore[misc]
    """ID tokens signed with RS256, the algorithm every OpenID client accepts (and many expect)."""

    def __init__(self, issuer: DevIssuer, id_token_key: RSAKey, clock: Clock, ttl: timedelta) -> None:
        super().__init__(require_nonce=False)
        self._issuer = issuer
        self._key = id_token_key
        self._clock = clock
        self._ttl = ttl

    def exists_nonce(self, nonce: str, request: DevRequest) -> bool:
        # The client checks that the ID token echoes the nonce it sent; codes are single-use, so a
        # replayed authorization request only ever yields a fresh sign-in.
        return False

    def resolve_client_private_key(self, client: DevClient) -> RSAKey:
        return self._key

    def get_client_algorithm(self, client: DevClient) -> str:
        return ID_TOKEN_ALGORITHM

    def get_encode_header(self, client: DevClient) -> dict[str, str]:
        return {"alg": ID_TOKEN_ALGORITHM, "kid": key_id(self._key), "typ": "JWT"}

    def get_client_claims(self, client: DevClient) -> dict[str, Any]:
        issued_at = int(self._clock.now().timestamp())
        return {
            "iss": self._issuer.issuer,
            "aud": client.get_client_id(),
            "iat": issued_at,
            "exp": issued_at + int(self._ttl.total_seconds()),
        }

    def generate_user_info(self, user: SignInIdentity, scope: str) -> dict[str, Any]:
        return identity_claims(user, scope)
