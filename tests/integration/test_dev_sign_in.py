"""The development OpenID provider, driven by a real OpenID client: a front end signs in as Camille."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from authlib.common.security import generate_token
from authlib.oidc.discovery import OpenIDProviderMetadata
from fastapi import FastAPI
from joserfc import jwt
from joserfc.jwk import KeySet

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import create_employee
from tests.integration.sign_in_helpers import (
    CAMILLE_EMAIL,
    CLIENT_ID,
    ISSUER,
    REDIRECT_URI,
    SPA_ORIGIN,
    SignInTenant,
    click_sign_in,
    front_end,
    seed_sign_in_tenant,
    sign_in_as,
)


@pytest.fixture
async def demo(client: httpx.AsyncClient, tenant_factory: Callable[..., Any], mint: Mint) -> SignInTenant:
    return await seed_sign_in_tenant(client, tenant_factory, mint)


async def test_a_single_page_app_signs_in_as_camille_and_reads_her_profile(app: FastAPI, demo: SignInTenant) -> None:
    async with front_end(app) as spa:
        discovery = await spa.browser.get("/.well-known/openid-configuration")
        assert discovery.status_code == 200
        metadata = discovery.json()
        OpenIDProviderMetadata(metadata).validate()
        assert metadata["issuer"] == ISSUER
        assert metadata["code_challenge_methods_supported"] == ["S256"]

        verifier, nonce = generate_token(64), generate_token(20)
        url, state = spa.oidc.create_authorization_url(
            metadata["authorization_endpoint"], code_verifier=verifier, nonce=nonce
        )
        page = await spa.browser.get(url)
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert "Camille Martin" in page.text
        assert CAMILLE_EMAIL in page.text
        assert "Grace Evans" not in page.text, "a terminated employee cannot sign in"

        redirect = await click_sign_in(spa.browser, url, "Camille Martin")
        assert redirect.startswith(REDIRECT_URI + "?")
        assert f"state={state}" in redirect
        token = await spa.oidc.fetch_token(
            metadata["token_endpoint"], authorization_response=redirect, code_verifier=verifier
        )

        me = await spa.browser.get("/v1/me", headers=bearer(token["access_token"]))
        assert me.status_code == 200, me.text
        assert me.json()["employee"]["id"] == demo.people["Camille"]["id"]
        assert me.json()["roles"] == ["ambassador"]

        keys = KeySet.import_key_set((await spa.browser.get(metadata["jwks_uri"])).json())
    id_token = jwt.decode(token["id_token"], keys).claims
    assert id_token["iss"] == ISSUER
    assert id_token["aud"] == CLIENT_ID
    assert id_token["nonce"] == nonce
    assert id_token["sub"] == "demo|camille"
    assert id_token["name"] == "Camille Martin"
    assert id_token["email"] == CAMILLE_EMAIL
    assert id_token["email_verified"] is True
    assert id_token["tenant_id"] == str(demo.tenant_id)
    assert id_token["roles"] == ["ambassador"]


async def test_the_access_token_carries_the_claims_relais_token_mints(app: FastAPI, demo: SignInTenant) -> None:
    async with front_end(app) as spa:
        token = await sign_in_as(spa, "Camille Martin", role="manager")
        keys = KeySet.import_key_set((await spa.browser.get("/.well-known/jwks.json")).json())
    access = jwt.decode(token["access_token"], keys)
    assert access.header["typ"] == "at+jwt"
    claims = access.claims
    assert claims["iss"] == ISSUER
    assert claims["aud"] == "relais"
    assert claims["client_id"] == CLIENT_ID
    assert claims["sub"] == "demo|camille"
    assert claims["tenant_id"] == str(demo.tenant_id)
    assert claims["roles"] == ["manager"]
    assert claims["email"] == CAMILLE_EMAIL
    assert claims["email_verified"] is True
    assert claims["scope"] == "openid profile email"
    assert token["token_type"].lower() == "bearer"
    assert token["expires_in"] == claims["exp"] - claims["iat"]


async def test_a_chosen_role_opens_what_that_role_may_do(app: FastAPI, demo: SignInTenant) -> None:
    async with front_end(app) as spa:
        token = await sign_in_as(spa, "Camille Martin", role="admin")
        roster = await spa.browser.get("/v1/employees", headers=bearer(token["access_token"]))
    assert roster.status_code == 200, roster.text
    assert {person["given_name"] for person in roster.json()["items"]} >= {"Camille", "Léa"}


async def test_someone_without_an_identity_provider_subject_is_linked_by_email(
    app: FastAPI, demo: SignInTenant
) -> None:
    async with front_end(app) as spa:
        token = await sign_in_as(spa, "Léa Bernard")
        me = await spa.browser.get("/v1/me", headers=bearer(token["access_token"]))
    assert me.status_code == 200, me.text
    assert me.json()["subject"] == "dev|lea.bernard@demo.example"
    assert me.json()["employee"]["id"] == demo.people["Léa"]["id"]


async def test_userinfo_answers_with_the_claims_the_scopes_granted(app: FastAPI, demo: SignInTenant) -> None:
    async with front_end(app, scope="openid email") as spa:
        token = await sign_in_as(spa, "Camille Martin")
        info = await spa.browser.get("/oauth/userinfo", headers=bearer(token["access_token"]))
        anonymous = await spa.browser.get("/oauth/userinfo")
        forged = await spa.browser.get("/oauth/userinfo", headers=bearer(token["access_token"][:-4] + "AAAA"))
    assert info.status_code == 200, info.text
    assert info.json() == {
        "sub": "demo|camille",
        "email": CAMILLE_EMAIL,
        "email_verified": True,
        "tenant_id": str(demo.tenant_id),
        "roles": ["ambassador"],
    }
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    assert forged.status_code == 401
    assert forged.json()["error"] == "invalid_token"


async def test_the_sign_in_page_escapes_what_the_roster_and_the_request_hold(
    app: FastAPI, demo: SignInTenant, client: httpx.AsyncClient
) -> None:
    await create_employee(
        client,
        demo.admin,
        given_name="<script>alert(1)</script>",
        family_name='"Quote" & <b>',
        email="mallory@demo.example",
        department="<img src=x onerror=alert(2)>",
    )
    async with front_end(app) as spa:
        url, _ = spa.oidc.create_authorization_url(
            ISSUER + "/oauth/authorize", code_verifier=generate_token(64), state="<svg onload=alert(3)>"
        )
        page = await spa.browser.get(url)
    assert page.status_code == 200
    assert "<script>" not in page.text
    assert "<img" not in page.text
    assert "<svg" not in page.text
    assert "<b>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Quote&quot; &amp; &lt;b&gt;" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]


async def test_a_browser_application_may_call_the_provider_from_a_loopback_origin_only(
    app: FastAPI, demo: SignInTenant
) -> None:
    async with front_end(app) as spa:
        preflight = await spa.browser.options(
            "/oauth/userinfo", headers={"Origin": SPA_ORIGIN, "Access-Control-Request-Method": "GET"}
        )
        stranger = await spa.browser.post("/oauth/token", data={}, headers={"Origin": "https://attacker.example"})
        discovery = await spa.browser.get("/.well-known/openid-configuration", headers={"Origin": "https://x.example"})
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == SPA_ORIGIN
    assert "Authorization" in preflight.headers["access-control-allow-headers"]
    assert "access-control-allow-origin" not in stranger.headers
    assert discovery.headers["access-control-allow-origin"] == "*"


async def test_without_the_sign_in_tenant_the_page_says_how_to_get_it(app: FastAPI) -> None:
    async with front_end(app) as spa:
        url, _ = spa.oidc.create_authorization_url(ISSUER + "/oauth/authorize", code_verifier=generate_token(64))
        page = await spa.browser.get(url)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "make run" in page.text
    assert "RELAIS_DEV_OIDC_TENANT" in page.text
