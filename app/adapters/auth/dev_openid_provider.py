"""The development OpenID provider: lets a front end sign in locally, as one of a tenant's people.

Authorization code flow with PKCE (S256) for the one public client ``relais-dev``, OpenID Connect
discovery, ID tokens and userinfo, on Authlib's server components. Access tokens are the ones
``relais token`` mints (same issuer, key and claims), so the API treats both alike. Only built
when no external issuer is configured.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from authlib.oauth2.rfc6749 import OAuth2Error
from joserfc.jwk import RSAKey

from app.adapters.auth.dev_issuer import DEFAULT_TTL, DEV_CLIENT_ID, DevIssuer
from app.adapters.auth.dev_openid_grants import (
    ID_TOKEN_ALGORITHM,
    SUPPORTED_SCOPES,
    DevAuthorizationServer,
    DevClient,
    DevCodeGrant,
    DevOpenIDCode,
    DevRequest,
    S256CodeChallenge,
    identity_claims,
    scoped_claims,
)
from app.adapters.auth.key_files import key_id, load_or_create
from app.adapters.auth.redirect_uris import RedirectUriPolicy
from app.domain.errors import Unauthenticated
from app.domain.roster.sign_in import SignInIdentity
from app.ports.roster import OAuthRequest, OAuthResponse, SignInCodeStore, SignInRequest
from app.ports.system import Clock

AUTHORIZE_PATH = "/oauth/authorize"
TOKEN_PATH = "/oauth/token"  # noqa: S105  (a path, not a secret)
USERINFO_PATH = "/oauth/userinfo"
JWKS_PATH = "/.well-known/jwks.json"
ID_TOKEN_KEY_FILE = "dev-id-token-key.json"  # noqa: S105  (a file name)
# RFC 6749 recommends at most ten minutes; a code is exchanged within seconds of the redirect.
CODE_TTL = timedelta(minutes=2)
# Characters an OAuth error may quote (RFC 6749 §5.2); Authlib refuses to build an error quoting others.
_QUOTABLE = re.compile(r"[\x20-\x21\x23-\x5b\x5d-\x7e]*")
_QUOTED_PARAMETERS = ("response_type", "client_id", "redirect_uri", "grant_type", "scope", "state")
_JSON = (("Content-Type", "application/json"), ("Cache-Control", "no-store"))


class DevOpenIDProvider:
    """The ``OpenIDProvider`` port on Authlib, with codes in a ``SignInCodeStore``."""

    def __init__(
        self,
        issuer: DevIssuer,
        id_token_key: RSAKey,
        codes: SignInCodeStore,
        clock: Clock,
        redirect_uris: RedirectUriPolicy,
        token_ttl: timedelta = DEFAULT_TTL,
    ) -> None:
        self._issuer = issuer
        self._id_token_key = id_token_key
        self._codes = codes
        self._clock = clock
        self._redirect_uris = redirect_uris
        self._token_ttl = token_ttl
        self._base = issuer.issuer.rstrip("/")
        self._verifier = issuer.verifier(clock)
        self._server = DevAuthorizationServer(issuer, clock, DevClient(redirect_uris), CODE_TTL)
        self._server.register_grant(
            DevCodeGrant, [S256CodeChallenge(), DevOpenIDCode(issuer, id_token_key, clock, token_ttl)]
        )
        self._server.register_token_generator("default", self._generate_token)

    def metadata(self) -> dict[str, Any]:
        return {
            "issuer": self._issuer.issuer,
            "authorization_endpoint": self._base + AUTHORIZE_PATH,
            "token_endpoint": self._base + TOKEN_PATH,
            "userinfo_endpoint": self._base + USERINFO_PATH,
            "jwks_uri": self._base + JWKS_PATH,
            "scopes_supported": list(SUPPORTED_SCOPES),
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": [ID_TOKEN_ALGORITHM],
            "token_endpoint_auth_methods_supported": ["none"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": [
                "sub",
                "iss",
                "aud",
                "exp",
                "iat",
                "auth_time",
                "nonce",
                "name",
                "given_name",
                "family_name",
                "email",
                "email_verified",
                "tenant_id",
                "roles",
            ],
        }

    def public_jwks(self) -> dict[str, Any]:
        """The JWKS: the issuer's access-token key and the ID-token key, public members only."""
        key = self._id_token_key
        public = key.as_dict(private=False, kid=key_id(key), use="sig", alg=ID_TOKEN_ALGORITHM)
        if "d" in public:
            raise RuntimeError("A private key member was about to be published.")
        return {"keys": [*self._issuer.public_jwks()["keys"], dict(public)]}

    def check_authorization(self, request: OAuthRequest) -> SignInRequest | OAuthResponse:
        try:
            oauth = self._request(request)
            grant = self._server.get_consent_grant(oauth)
        except OAuth2Error as error:
            return self._server.handle_error_response(None, error)  # type: ignore[no-any-return]
        return SignInRequest(client_id=DEV_CLIENT_ID, redirect_uri=grant.redirect_uri, scope=oauth.scope)

    async def authorize(self, request: OAuthRequest, identity: SignInIdentity) -> OAuthResponse:
        try:
            oauth = self._request(request)
            grant = self._server.get_consent_grant(oauth, end_user=identity)
        except OAuth2Error as error:
            return self._server.handle_error_response(None, error)  # type: ignore[no-any-return]
        response: OAuthResponse = self._server.create_authorization_response(oauth, identity, grant)
        if oauth.issued is not None:
            # The redirect carrying the code leaves only once the code is where the token endpoint finds it.
            await self._codes.save(*oauth.issued)
        return response

    async def token(self, request: OAuthRequest) -> OAuthResponse:
        try:
            oauth = self._request(request)
        except OAuth2Error as error:
            return self._server.handle_error_response(None, error)  # type: ignore[no-any-return]
        code = oauth.form.get("code")
        if code and oauth.form.get("grant_type") == "authorization_code":
            # Taken (deleted) before Authlib checks the client, redirect URI and verifier: a code
            # gets one attempt, so a wrong verifier or a replay leaves nothing to try again with.
            oauth.taken = await self._codes.take(code, self._clock.now())
        response: OAuthResponse = self._server.create_token_response(oauth)
        return response

    async def userinfo(self, access_token: str) -> OAuthResponse:
        try:
            claims = await self._verifier.verified_claims(access_token)
        except Unauthenticated as error:
            return _bearer_error(401, "invalid_token", error.detail)
        granted = claims.get("scope")
        scope = granted if isinstance(granted, str) else ""
        if "openid" not in scope.split():
            return _bearer_error(403, "insufficient_scope", "The access token was not granted the openid scope.")
        return OAuthResponse(status=200, headers=_JSON, body=_dumps(scoped_claims(claims, scope)))

    def allows_origin(self, origin: str) -> bool:
        return self._redirect_uris.allows_origin(origin)

    def _request(self, request: OAuthRequest) -> DevRequest:
        for name, value in [*request.query, *request.form]:
            if name in _QUOTED_PARAMETERS and not _QUOTABLE.fullmatch(value):
                raise _Unquotable(f"The {name} parameter holds characters OAuth does not allow.")
        # The issuer's address, not the Host header: Authlib refuses plain http off loopback.
        uri = self._base + request.path
        return DevRequest(request.method, uri, request.query, request.form, dict(request.headers))

    def _generate_token(
        self,
        grant_type: str,
        client: DevClient,
        user: SignInIdentity,
        scope: str,
        expires_in: int | None = None,
        include_refresh_token: bool = False,
    ) -> dict[str, Any]:
        """The access token ``relais token`` would mint for this person, with the granted scopes
        and, when ``profile`` is granted, their name (for userinfo)."""
        claims = self._issuer.claims(
            tenant_id=user.tenant_id,
            subject=user.subject,
            roles=[role.value for role in user.roles],
            email=user.email,
            scopes=scope.split(),
            ttl=self._token_ttl,
            now=self._clock.now(),
        )
        granted = identity_claims(user, scope)
        claims.update({name: granted[name] for name in ("name", "given_name", "family_name") if name in granted})
        token = {
            "token_type": "Bearer",
            "access_token": self._issuer.sign(claims),
            "expires_in": int(self._token_ttl.total_seconds()),
        }
        if scope:
            token["scope"] = scope
        return token


class _Unquotable(OAuth2Error):  # type: ignore[misc]
    """A parameter no error could quote back, so the request is refused without naming it."""

    error = "invalid_request"


def _bearer_error(status: int, error: str, description: str) -> OAuthResponse:
    challenge = f'Bearer error="{error}", error_description="{description}"'
    return OAuthResponse(
        status=status,
        headers=(*_JSON, ("WWW-Authenticate", challenge)),
        body=_dumps({"error": error, "error_description": description}),
        error_description=description,
    )


def _dumps(value: dict[str, Any]) -> str:
    return json.dumps(value)


def load_id_token_key(data_dir: Path) -> RSAKey:
    """The ID-token key in ``data_dir``, created on first use like the access-token key."""
    return load_or_create(data_dir / ID_TOKEN_KEY_FILE, RSAKey, generate_id_token_key, _is_large_enough)


def generate_id_token_key() -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"use": "sig", "alg": ID_TOKEN_ALGORITHM}, auto_kid=True)


def _is_large_enough(key: RSAKey) -> bool:
    return int(key.raw_value.key_size) >= 2048
