"""What the development OpenID provider refuses, and that it does not exist beside an external issuer."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from asgi_lifespan import LifespanManager
from authlib.common.security import generate_token
from authlib.integrations.base_client import OAuthError
from fastapi import FastAPI

from app.bootstrap.api import Overrides, build_app
from app.settings import Settings
from tests.integration.conftest import Mint
from tests.integration.helpers import assert_problem
from tests.integration.sign_in_helpers import (
    CLIENT_ID,
    ISSUER,
    REDIRECT_URI,
    SignInTenant,
    click_sign_in,
    front_end,
    seed_sign_in_tenant,
)

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
async def demo(client: httpx.AsyncClient, tenant_factory: Callable[..., Any], mint: Mint) -> SignInTenant:
    return await seed_sign_in_tenant(client, tenant_factory, mint)


def authorize_url(**overrides: str | None) -> str:
    params = {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT_URI,
        "scope": "openid profile",
        "state": "s1",
        "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method": "S256",
        **overrides,
    }
    return str(httpx.URL(ISSUER + "/oauth/authorize", params={k: v for k, v in params.items() if v is not None}))


def redirected_error(response: httpx.Response) -> dict[str, list[str]]:
    """The error the provider sent back to the application's redirect URI."""
    assert response.status_code == 302, response.text
    location = response.headers["location"]
    assert location.startswith(REDIRECT_URI + "?")
    return parse_qs(urlsplit(location).query)


async def code_for_camille(app: FastAPI, verifier: str) -> str:
    async with front_end(app) as spa:
        url, _ = spa.oidc.create_authorization_url(ISSUER + "/oauth/authorize", code_verifier=verifier)
        redirect = await click_sign_in(spa.browser, url, "Camille Martin")
    return parse_qs(urlsplit(redirect).query)["code"][0]


def exchange(code: str, verifier: str | None, redirect_uri: str = REDIRECT_URI) -> dict[str, str]:
    form = {"grant_type": "authorization_code", "code": code, "client_id": CLIENT_ID, "redirect_uri": redirect_uri}
    return form | ({"code_verifier": verifier} if verifier is not None else {})


async def test_a_wrong_verifier_gets_no_token(app: FastAPI, client: httpx.AsyncClient) -> None:
    code = await code_for_camille(app, verifier=generate_token(64))
    async with front_end(app) as spa:
        with pytest.raises(OAuthError) as refused:
            await spa.oidc.fetch_token(
                ISSUER + "/oauth/token", code=code, grant_type="authorization_code", code_verifier=generate_token(64)
            )
    assert refused.value.error == "invalid_grant"


async def test_a_code_is_exchanged_once_only(app: FastAPI, client: httpx.AsyncClient) -> None:
    verifier = generate_token(64)
    code = await code_for_camille(app, verifier)
    first = await client.post("/oauth/token", data=exchange(code, verifier))
    second = await client.post("/oauth/token", data=exchange(code, verifier))
    assert first.status_code == 200, first.text
    assert second.status_code == 400
    assert second.json()["error"] == "invalid_grant"
    assert second.headers["cache-control"] == "no-store"


async def test_a_code_without_its_verifier_or_for_another_redirect_is_refused(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    verifier = generate_token(64)
    without_verifier = await client.post("/oauth/token", data=exchange(await code_for_camille(app, verifier), None))
    elsewhere = await client.post(
        "/oauth/token",
        data=exchange(await code_for_camille(app, verifier), verifier, "http://localhost:5173/other"),
    )
    assert without_verifier.status_code == 400
    assert without_verifier.json()["error"] == "invalid_request"
    assert elsewhere.status_code == 400
    assert elsewhere.json()["error"] == "invalid_grant"


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "https://attacker.example/callback",
        "http://localhost.attacker.example:5173/callback",
        "http://localhost:5173@attacker.example/callback",
        "http://localhost:5173/callback#fragment",
        "javascript:alert(1)",
    ],
)
async def test_an_unknown_redirect_uri_is_refused_on_the_page_never_redirected_to(
    client: httpx.AsyncClient, redirect_uri: str
) -> None:
    response = await client.get(authorize_url(redirect_uri=redirect_uri))
    assert response.status_code == 400
    assert "location" not in response.headers
    assert response.headers["content-type"].startswith("text/html")
    assert "This sign-in request is not valid" in response.text


async def test_an_unknown_client_is_refused_on_the_page(client: httpx.AsyncClient) -> None:
    response = await client.get(authorize_url(client_id="someone-else"))
    assert response.status_code == 400
    assert "location" not in response.headers
    assert "The client does not exist on this server." in response.text


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"code_challenge": None, "code_challenge_method": None}, "PKCE is required"),
        ({"code_challenge_method": None}, "Only code_challenge_method=S256"),
        ({"code_challenge_method": "plain"}, "Only code_challenge_method=S256"),
        ({"code_challenge": "short"}, "Invalid 'code_challenge'"),
    ],
    ids=["no-pkce", "no-method", "plain", "malformed-challenge"],
)
async def test_an_authorization_without_s256_pkce_goes_back_to_the_application_as_an_error(
    client: httpx.AsyncClient, overrides: dict[str, str | None], reason: str
) -> None:
    response = await client.get(authorize_url(**overrides))
    error = redirected_error(response)
    assert error["error"] == ["invalid_request"]
    assert reason in error["error_description"][0]
    assert error["state"] == ["s1"]


async def test_the_implicit_flow_is_not_offered(client: httpx.AsyncClient) -> None:
    error = redirected_error(await client.get(authorize_url(response_type="token")))
    assert error["error"] == ["unsupported_response_type"]


async def test_signing_in_as_someone_off_the_roster_or_as_an_operator_is_refused(
    client: httpx.AsyncClient, demo: SignInTenant
) -> None:
    action = "/oauth/authorize?" + urlsplit(authorize_url()).query
    stranger = await client.post(action, data={"person": "01960000-0000-7000-8000-000000000099", "role": "admin"})
    terminated = await client.post(action, data={"person": demo.people["Grace"]["id"], "role": "ambassador"})
    operator = await client.post(action, data={"person": demo.people["Camille"]["id"], "role": "operator"})
    for refused in (stranger, terminated, operator):
        assert refused.status_code == 400
        assert "location" not in refused.headers
    assert "Choose one of the people listed" in stranger.text
    assert "Choose one of the people listed" in terminated.text
    assert "is not a role to sign in with" in operator.text


async def test_a_parameter_no_error_could_quote_is_refused_without_a_crash(client: httpx.AsyncClient) -> None:
    response = await client.get(authorize_url(redirect_uri='http://localhost:5173/"callback'))
    assert response.status_code == 400
    assert "location" not in response.headers


@pytest.fixture(scope="module")
async def production(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[FastAPI]:
    """The application as deployed: an external issuer, hence no development provider."""
    settings = Settings(
        database_url=database_url,
        data_dir=Path(tmp_path_factory.mktemp("production")),
        oidc_issuer="https://id.example.com/",
    )
    application = build_app(settings, Overrides())
    async with LifespanManager(application) as manager:
        yield manager.app  # type: ignore[misc]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/.well-known/openid-configuration"),
        ("GET", "/.well-known/jwks.json"),
        ("GET", "/oauth/authorize"),
        ("POST", "/oauth/authorize"),
        ("POST", "/oauth/token"),
        ("GET", "/oauth/userinfo"),
        ("OPTIONS", "/oauth/token"),
    ],
)
async def test_with_an_external_issuer_the_provider_does_not_exist(production: FastAPI, method: str, path: str) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=production), base_url=ISSUER) as http:
        response = await http.request(method, path + "?" + urlsplit(authorize_url()).query)
    assert_problem(response, 404)
