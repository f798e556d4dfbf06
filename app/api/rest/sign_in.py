"""The development OpenID provider's routes: discovery, the sign-in page, token and userinfo.

They exist only while Relais signs its own tokens; with an external issuer every one answers
404. The protocol is the provider's (behind the ``OpenIDProvider`` port); these routes turn
HTTP into its requests and its answers back into HTTP, and read the roster through use cases.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qsl
from uuid import UUID

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse

from app.api.rest.deps import count_anonymous, get_runtime
from app.api.rest.problems import problem
from app.api.rest.sign_in_page import message_page, sign_in_page
from app.api.runtime import DevSignIn, Runtime
from app.domain.errors import NotFound, ValidationFailed
from app.ports.roster import OAuthRequest, OAuthResponse
from app.services.roster.sign_in_as import SignInAsCommand

# Nobody is signed in yet: each request counts against its address, as a refused token does.
router = APIRouter(tags=["development sign-in"], include_in_schema=False, dependencies=[Depends(count_anonymous)])
FORM = "application/x-www-form-urlencoded"
EXTERNAL_ISSUER = "This deployment uses an external token issuer; sign in there."


async def get_dev_sign_in(runtime: Annotated[Runtime, Depends(get_runtime)]) -> DevSignIn | None:
    return runtime.dev_sign_in


DevSignInDep = Annotated[DevSignIn | None, Depends(get_dev_sign_in)]


@router.get("/.well-known/openid-configuration")
async def discovery(sign_in: DevSignInDep) -> Response:
    if sign_in is None:
        return problem(404, EXTERNAL_ISSUER)
    # A public document: any page may read it, as any page may read the JWKS.
    headers = {"Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*"}
    return JSONResponse(sign_in.provider.metadata(), headers=headers)


@router.get("/oauth/authorize")
async def authorize_page(request: Request, sign_in: DevSignInDep) -> Response:
    if sign_in is None:
        return problem(404, EXTERNAL_ISSUER)
    query = _pairs(request.url.query)
    checked = sign_in.provider.check_authorization(_oauth(request, query))
    if isinstance(checked, OAuthResponse):
        return _to_browser(checked)
    try:
        roster = await sign_in.list_people()
    except NotFound:
        return message_page(404, "Nobody to sign in as", _NO_TENANT)
    return sign_in_page(checked, roster, query)


@router.post("/oauth/authorize")
async def sign_in_as(request: Request, sign_in: DevSignInDep) -> Response:
    if sign_in is None:
        return problem(404, EXTERNAL_ISSUER)
    form = dict(await _form(request))
    try:
        command = SignInAsCommand(employee_id=UUID(form.get("person", "")), role=form.get("role", ""))
        identity = await sign_in.sign_in_as(command)
    except (ValueError, NotFound):
        return message_page(400, "Cannot sign in", "Choose one of the people listed on the sign-in page.")
    except ValidationFailed as error:
        return message_page(400, "Cannot sign in", error.detail)
    # Only the authorization request's own parameters (the query) reach the protocol.
    return _to_browser(await sign_in.provider.authorize(_oauth(request, _pairs(request.url.query)), identity))


@router.post("/oauth/token")
async def token(request: Request, sign_in: DevSignInDep) -> Response:
    if sign_in is None:
        return problem(404, EXTERNAL_ISSUER)
    answer = await sign_in.provider.token(_oauth(request, [], await _form(request)))
    return _cors(request, sign_in, _response(answer))


@router.api_route("/oauth/userinfo", methods=["GET", "POST"])
async def userinfo(request: Request, sign_in: DevSignInDep) -> Response:
    if sign_in is None:
        return problem(404, EXTERNAL_ISSUER)
    scheme, _, access_token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not access_token.strip():
        headers = {"WWW-Authenticate": 'Bearer realm="relais"', "Cache-Control": "no-store"}
        response: Response = JSONResponse({"error": "invalid_request"}, status_code=401, headers=headers)
    else:
        response = _response(await sign_in.provider.userinfo(access_token.strip()))
    return _cors(request, sign_in, response)


@router.options("/oauth/token")
@router.options("/oauth/userinfo")
async def preflight(request: Request, sign_in: DevSignInDep) -> Response:
    """CORS preflight for a single-page application calling the provider from its own origin."""
    if sign_in is None:
        return problem(404, EXTERNAL_ISSUER)
    response = Response(status_code=204)
    if _cors(request, sign_in, response).headers.get("Access-Control-Allow-Origin"):
        response.headers["Access-Control-Allow-Methods"] = "GET, POST"
        response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type"
        response.headers["Access-Control-Max-Age"] = "600"
    return response


_NO_TENANT = (
    "The tenant whose people sign in here does not exist on this database. "
    "Start Relais with `make run` (or `relais dev`), which seeds the demo tenant, "
    "or set RELAIS_DEV_OIDC_TENANT to the slug of an existing tenant."
)


def _pairs(text: str) -> list[tuple[str, str]]:
    return parse_qsl(text, keep_blank_values=True)


async def _form(request: Request) -> list[tuple[str, str]]:
    """An ``application/x-www-form-urlencoded`` body (RFC 6749 sends nothing else); any other body is none."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != FORM:
        return []
    try:
        return _pairs((await request.body()).decode("utf-8"))
    except UnicodeDecodeError:
        return []


def _oauth(request: Request, query: list[tuple[str, str]], form: list[tuple[str, str]] | None = None) -> OAuthRequest:
    return OAuthRequest(
        method=request.method,
        path=request.url.path,
        query=query,
        form=form or [],
        headers=dict(request.headers),
    )


def _response(answer: OAuthResponse) -> Response:
    return Response(answer.body, status_code=answer.status, headers=dict(answer.headers))


def _to_browser(answer: OAuthResponse) -> Response:
    """A redirect goes back to the application; an error that may not goes to the person, as a page."""
    if answer.status in (301, 302, 303, 307):
        return RedirectResponse(
            dict(answer.headers)["Location"], status_code=302, headers={"Cache-Control": "no-store"}
        )
    return message_page(answer.status, "This sign-in request is not valid", answer.error_description or "")


def _cors(request: Request, sign_in: DevSignIn, response: Response) -> Response:
    origin = request.headers.get("origin")
    if origin and sign_in.provider.allows_origin(origin):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Vary"] = "Origin"
    return response
