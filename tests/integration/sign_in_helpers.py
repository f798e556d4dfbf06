"""Steps of the development sign-in tests: a sign-in tenant, an OpenID client, a click on the page."""

from __future__ import annotations

import html
import importlib
import importlib.util
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import httpx
from authlib.common.security import generate_token
from authlib.integrations.httpx_client import AsyncOAuth2Client
from fastapi import FastAPI

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import create_employee

ISSUER = "http://127.0.0.1:8000"  # the integration settings' public base URL
REDIRECT_URI = "http://localhost:5173/callback"
SPA_ORIGIN = "http://localhost:5173"
CLIENT_ID = "relais-dev"
SCOPE = "openid profile email"
CAMILLE_EMAIL = "camille.martin@demo.example"
# Authlib's client is built on httpx2 where it is installed (the SCIM test client brings it), on httpx
# otherwise: its transport must come from the same library.
OAUTH_HTTP: Any = importlib.import_module("httpx2" if importlib.util.find_spec("httpx2") else "httpx")


@dataclass(frozen=True, slots=True)
class SignInTenant:
    tenant_id: UUID
    admin: dict[str, str]
    people: dict[str, dict[str, Any]]  # by given name


async def seed_sign_in_tenant(
    client: httpx.AsyncClient, tenant_factory: Callable[..., Any], mint: Mint
) -> SignInTenant:
    """The tenant the provider signs people into (slug ``demo``, the default), with a few people."""
    tenant_id: UUID = await tenant_factory("demo")
    admin = bearer(mint(tenant_id, "admin", email="admin@demo.example"))
    people = {
        "Camille": await create_employee(
            client,
            admin,
            given_name="Camille",
            family_name="Martin",
            email=CAMILLE_EMAIL,
            idp_subject="demo|camille",
            department="Marketing",
        ),
        "Léa": await create_employee(
            client, admin, given_name="Léa", family_name="Bernard", email="lea.bernard@demo.example"
        ),
        "Grace": await create_employee(
            client, admin, given_name="Grace", family_name="Evans", email="grace.evans@demo.example"
        ),
    }
    terminated = await client.post(f"/v1/employees/{people['Grace']['id']}/terminate", headers=admin, json={})
    assert terminated.status_code == 200, terminated.text
    return SignInTenant(tenant_id, admin, people)


@dataclass(frozen=True, slots=True)
class FrontEnd:
    """A single-page application: Authlib's own OpenID client, and the browser it sends people to."""

    oidc: AsyncOAuth2Client
    browser: httpx.AsyncClient


@asynccontextmanager
async def front_end(app: FastAPI, **options: Any) -> AsyncIterator[FrontEnd]:
    settings: dict[str, Any] = {
        "client_id": CLIENT_ID,
        "token_endpoint_auth_method": "none",
        "scope": SCOPE,
        "redirect_uri": REDIRECT_URI,
        "code_challenge_method": "S256",
        **options,
    }
    async with (
        AsyncOAuth2Client(transport=OAUTH_HTTP.ASGITransport(app=app), base_url=ISSUER, **settings) as oidc,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=ISSUER) as browser,
    ):
        yield FrontEnd(oidc, browser)


def sign_in_form(page: str, name: str) -> tuple[str, str]:
    """The form action and person id of the row that signs in as ``name`` (full name)."""
    for row in re.findall(r"<tr>.*?</tr>", page, flags=re.DOTALL):
        if f"Sign in as {html.escape(name)}</button>" in row:
            action = re.search(r'action="([^"]*)"', row)
            person = re.search(r'name="person" value="([^"]*)"', row)
            assert action is not None
            assert person is not None
            return html.unescape(action.group(1)), html.unescape(person.group(1))
    raise AssertionError(f"{name} is not offered on the sign-in page")


async def click_sign_in(http: httpx.AsyncClient, authorization_url: str, name: str, role: str = "ambassador") -> str:
    """Open the sign-in page, click ``name``'s button with ``role`` chosen; returns the redirect."""
    page = await http.get(authorization_url)
    assert page.status_code == 200, page.text
    action, person = sign_in_form(page.text, name)
    response = await http.post(action, data={"person": person, "role": role})
    assert response.status_code == 302, response.text
    location: str = response.headers["location"]
    return location


async def sign_in_as(spa: FrontEnd, name: str, role: str = "ambassador", **authorize: str) -> dict[str, Any]:
    """The whole flow: authorization URL with PKCE, a click on the page, the code exchanged for tokens."""
    verifier = generate_token(64)
    url, _ = spa.oidc.create_authorization_url(ISSUER + "/oauth/authorize", code_verifier=verifier, **authorize)
    redirect = await click_sign_in(spa.browser, url, name, role)
    token: dict[str, Any] = await spa.oidc.fetch_token(
        ISSUER + "/oauth/token", authorization_response=redirect, code_verifier=verifier
    )
    return token
