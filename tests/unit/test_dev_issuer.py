"""The embedded development issuer: a key that survives restarts, stays private, and mints verifiable tokens."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from joserfc import jwt
from joserfc.jwk import ECKey, thumbprint

from app.adapters.auth.dev_issuer import KEY_FILE_NAME, DevIssuer, DevIssuerKeyError
from app.domain.roster.identity import Role
from tests.support.tokens import AUDIENCE, ISSUER, TENANT_ID

NOW = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


class FrozenClock:
    def now(self) -> datetime:
        return NOW


def test_key_file_is_created_in_a_new_data_directory(tmp_path: Path) -> None:
    data_dir = tmp_path / "nested" / ".relais"
    DevIssuer.load_or_create(data_dir, ISSUER)
    assert (data_dir / KEY_FILE_NAME).is_file()
    assert [path.name for path in data_dir.iterdir()] == [KEY_FILE_NAME]


def test_key_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    DevIssuer.load_or_create(tmp_path, ISSUER)
    assert stat.S_IMODE((tmp_path / KEY_FILE_NAME).stat().st_mode) == 0o600


def test_key_file_is_reused_across_starts(tmp_path: Path) -> None:
    first = DevIssuer.load_or_create(tmp_path, ISSUER)
    second = DevIssuer.load_or_create(tmp_path, ISSUER)
    assert first.kid == second.kid
    assert first.public_jwks() == second.public_jwks()


async def test_tokens_survive_a_restart(tmp_path: Path) -> None:
    token = DevIssuer.load_or_create(tmp_path, ISSUER).mint(
        tenant_id=TENANT_ID, subject="employee-1", roles=["ambassador"], now=NOW
    )
    restarted = DevIssuer.load_or_create(tmp_path, ISSUER)
    principal = await restarted.verifier(FrozenClock()).verify(token)
    assert principal.tenant_id == TENANT_ID
    assert principal.roles == {Role.AMBASSADOR}


def test_existing_key_file_is_never_replaced(tmp_path: Path) -> None:
    existing = ECKey.generate_key("P-256")
    (tmp_path / KEY_FILE_NAME).write_text(json.dumps(existing.as_dict(private=True)))
    assert DevIssuer.load_or_create(tmp_path, ISSUER).kid == existing.thumbprint()


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps({"kty": "EC"}),
        json.dumps(ECKey.generate_key("P-256").as_dict(private=False)),
        json.dumps(ECKey.generate_key("P-384").as_dict(private=True)),
    ],
    ids=["not-json", "incomplete", "public-only", "wrong-curve"],
)
def test_unusable_key_file_is_reported(tmp_path: Path, content: str) -> None:
    (tmp_path / KEY_FILE_NAME).write_text(content)
    with pytest.raises(DevIssuerKeyError):
        DevIssuer.load_or_create(tmp_path, ISSUER)


def test_kid_is_the_rfc7638_thumbprint(tmp_path: Path) -> None:
    issuer = DevIssuer.load_or_create(tmp_path, ISSUER)
    published = issuer.public_jwks()["keys"][0]
    required_members = {name: published[name] for name in ("crv", "kty", "x", "y")}
    assert issuer.kid == published["kid"] == thumbprint(required_members)


def test_public_jwks_has_no_private_member() -> None:
    jwks = DevIssuer.ephemeral(ISSUER).public_jwks()
    assert len(jwks["keys"]) == 1
    key = jwks["keys"][0]
    assert "d" not in key
    assert {"kty": "EC", "crv": "P-256", "use": "sig", "alg": "ES256"}.items() <= key.items()
    assert not ECKey.import_key(key).is_private


async def test_key_source_holds_only_the_public_key() -> None:
    issuer = DevIssuer.ephemeral(ISSUER)
    key = await issuer.key_source().get(issuer.kid)
    assert key is not None
    assert not key.is_private


def test_minted_token_carries_access_token_claims() -> None:
    issuer = DevIssuer.ephemeral(ISSUER, AUDIENCE)
    token = issuer.mint(
        tenant_id=TENANT_ID,
        subject="employee-1",
        roles=["admin"],
        email="ada@example.com",
        scopes=["roster:write"],
        ttl=timedelta(minutes=5),
        now=NOW,
    )
    decoded = jwt.decode(token, ECKey.import_key(issuer.public_jwks()["keys"][0]), algorithms=["ES256"])
    assert decoded.header == {"alg": "ES256", "typ": "at+jwt", "kid": issuer.kid}
    claims = decoded.claims
    issued_at = int(NOW.timestamp())
    assert claims["iss"] == ISSUER
    assert claims["aud"] == AUDIENCE
    assert (claims["iat"], claims["nbf"], claims["exp"]) == (issued_at, issued_at, issued_at + 300)
    assert claims["tenant_id"] == str(TENANT_ID)
    assert claims["roles"] == ["admin"]
    assert (claims["email"], claims["email_verified"]) == ("ada@example.com", True)
    assert claims["scope"] == "roster:write"
    assert claims["jti"]


def test_tokens_default_to_a_twelve_hour_lifetime() -> None:
    claims = DevIssuer.ephemeral(ISSUER).claims(tenant_id=TENANT_ID, subject="s", roles=[], now=NOW)
    assert claims["exp"] - claims["iat"] == 12 * 3600


def test_each_token_has_its_own_id() -> None:
    issuer = DevIssuer.ephemeral(ISSUER)
    first, second = (issuer.claims(tenant_id=TENANT_ID, subject="s", roles=[], now=NOW) for _ in range(2))
    assert first["jti"] != second["jti"]


def test_unknown_role_cannot_be_minted() -> None:
    with pytest.raises(ValueError, match="Unknown role 'superuser'"):
        DevIssuer.ephemeral(ISSUER).mint(tenant_id=TENANT_ID, subject="s", roles=["superuser"], now=NOW)


def test_naive_time_cannot_be_used_to_mint() -> None:
    naive = datetime(2026, 5, 4, 9, 30)  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="timezone-aware"):
        DevIssuer.ephemeral(ISSUER).mint(tenant_id=TENANT_ID, subject="s", roles=[], now=naive)
