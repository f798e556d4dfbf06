"""Response headers that keep browsers and caches from misusing answers.

- ``X-Content-Type-Options: nosniff`` on every answer: a browser never reads JSON as a script or page.
- ``Cache-Control: no-store`` on every answer to a request with credentials, unless the answer
  says otherwise: no shared or browser cache keeps someone's data. ``ETag`` and ``If-None-Match``
  still work, as clients send them themselves.
- On HTML pages (the API docs, ReDoc, GraphiQL), a Content-Security-Policy and
  ``X-Frame-Options: DENY``: no framing, and scripts only from this service or, for GraphiQL, the
  CDN its page names with subresource integrity. The pages' own inline scripts are allowed by
  their SHA-256, computed from the page generators at start-up, never from what is being sent.

A plain ASGI middleware, placed just inside the request-id layer: one pass over the response
start, nothing buffered. The redirect, served ahead of it, sends its one header itself.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.http.ides import get_graphql_ide_html

NOSNIFF = (b"x-content-type-options", b"nosniff")
NO_STORE = (b"cache-control", b"no-store")
DENY = (b"x-frame-options", b"DENY")
# Nothing but what a JSON answer needs: were it ever opened as a page, it could run and load nothing.
NOTHING = "default-src 'none'; frame-ancestors 'none'"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
# Where Strawberry's GraphiQL page loads React and GraphiQL from, each pinned with its integrity hash.
GRAPHIQL_CDN = "https://unpkg.com"


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for each inline ``<script>`` of ``html``."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(html)
    ]


def page_policy(html: str, cdn: Iterable[str] = ()) -> str:
    """The policy of one of our HTML pages: its own scripts and styles, images and fonts inline
    or from here, requests to this service only, never framed. Styles may be inline: Swagger UI
    and GraphiQL set style attributes, which no hash can allow."""
    remote = " ".join(cdn)
    scripts = " ".join(["'self'", *inline_script_hashes(html), remote]).strip()
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {scripts}",
            f"style-src 'self' 'unsafe-inline' {remote}".strip(),
            f"font-src 'self' data: {remote}".strip(),
            "img-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",  # ReDoc searches in a worker it builds from a blob
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, page_policies: Mapping[str, str]) -> None:
        self.app = app
        self.page_policies = {path: policy.encode("latin-1") for path, policy in page_policies.items()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        credentials = False
        for name, _ in scope["headers"]:
            if name == b"authorization":
                credentials = True
                break
        page_policy = self.page_policies.get(scope["path"])

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                secure(message, credentials=credentials, page_policy=page_policy)
            await send(message)

        await self.app(scope, receive, send_secured)


def secure(message: Message, *, credentials: bool, page_policy: bytes | None = None) -> None:
    """Add the headers to a response start (``message``), leaving those the response set itself.
    ASGI servers and Starlette give header names in lower case."""
    raw: list[tuple[bytes, bytes]] = message.setdefault("headers", [])
    if not isinstance(raw, list):
        raw = message["headers"] = list(raw)
    content_type, sniffing, cacheable, policy, framed = b"", True, True, False, False
    for name, value in raw:
        if name == b"content-type":
            content_type = value
        elif name == b"x-content-type-options":
            sniffing = False
        elif name == b"cache-control":
            cacheable = False
        elif name == b"content-security-policy":
            policy = True
        elif name == b"x-frame-options":
            framed = True
    if sniffing:
        raw.append(NOSNIFF)
    if credentials and cacheable:
        raw.append(NO_STORE)
    if content_type.startswith(b"text/html"):
        if not policy:
            raw.append((b"content-security-policy", page_policy or NOTHING.encode()))
        if not framed:
            raw.append(DENY)


def secure_headers(headers: MutableHeaders, *, credentials: bool) -> None:
    """The same headers on a response built outside the middleware (the server-error answer)."""
    headers.setdefault("X-Content-Type-Options", "nosniff")
    if credentials:
        headers.setdefault("Cache-Control", "no-store")


def page_policies(app: FastAPI, *, docs: str, redoc: str, graphiql: str | None) -> dict[str, str]:
    """The policy of each HTML page the API serves, by path, from the same generators and
    arguments as the pages themselves (``fastapi_offline`` for the docs, Strawberry for GraphiQL)."""
    redirect = app.swagger_ui_oauth2_redirect_url or docs + "/oauth2-redirect"
    swagger = get_swagger_ui_html(
        openapi_url=app.openapi_url or "/openapi.json",
        title=app.title,
        oauth2_redirect_url=redirect,
        swagger_ui_parameters=app.swagger_ui_parameters,
    ).body
    policies = {
        docs: page_policy(bytes(swagger).decode()),
        redirect: page_policy(bytes(get_swagger_ui_oauth2_redirect_html().body).decode()),
        redoc: page_policy(""),  # no inline script: its one script is served from here
    }
    if graphiql:
        policies[graphiql] = page_policy(get_graphql_ide_html("graphiql"), cdn=[GRAPHIQL_CDN])
    return policies
