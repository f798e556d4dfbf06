"""What a client may ask an answer to be: ``Accept`` (406 when nothing offered fits) and ``HEAD``
(every read answers it, as GET would, without the body)."""

from __future__ import annotations

import re
from uuid import uuid4

import httpx
import pytest

from tests.integration.conftest import Mint, bearer

NOT_ACCEPTABLE = "urn:relais:problem:not-acceptable"


@pytest.fixture
def admin(mint: Mint) -> dict[str, str]:
    return bearer(mint(uuid4(), "admin", email="admin@acme.example"))


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/v1/employees"), ("POST", "/graphql"), ("GET", "/v1/me")], ids=str
)
@pytest.mark.parametrize("accept", ["application/xml", "text/html, application/xhtml+xml", "application/json;q=0"])
async def test_an_accept_header_that_allows_no_json_is_answered_406(
    client: httpx.AsyncClient, admin: dict[str, str], method: str, path: str, accept: str
) -> None:
    body = {"query": "{ me { subject } }"} if method == "POST" else None
    if path == "/graphql" and "text/html" in accept:
        accept = "application/xml"  # GraphiQL is HTML: GraphQL offers it
    response = await client.request(method, path, json=body, headers={**admin, "Accept": accept})

    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == NOT_ACCEPTABLE
    assert "application/json" in problem["detail"]


@pytest.mark.parametrize(
    "accept",
    [
        "*/*",
        "application/*",
        "application/json",
        "application/problem+json",
        "application/xml, application/json;q=0.5",
        "text/html, */*;q=0.8",
        "json please",  # no valid range: says nothing
    ],
)
async def test_an_accept_header_that_allows_json_is_served(
    client: httpx.AsyncClient, admin: dict[str, str], accept: str
) -> None:
    response = await client.get("/v1/employees", headers={**admin, "Accept": accept})
    assert response.status_code == 200


async def test_graphiql_is_still_served_to_a_browser(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")


async def every_get_path(client: httpx.AsyncClient) -> list[str]:
    document = (await client.get("/openapi.json")).json()
    paths = [path for path, operations in document["paths"].items() if "get" in operations]
    return [re.sub(r"\{[^}]+\}", str(uuid4()), path) for path in [*paths, "/docs", "/redoc"]]


async def event_stream_paths(client: httpx.AsyncClient) -> set[str]:
    """The reads that answer an endless event stream: a GET is never done reading them."""
    document = (await client.get("/openapi.json")).json()
    return {
        path
        for path, operations in document["paths"].items()
        if "text/event-stream" in operations.get("get", {}).get("responses", {}).get("200", {}).get("content", {})
    }


async def test_every_read_answers_head_as_get_would_without_the_body(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    paths = await every_get_path(client)
    streams = await event_stream_paths(client)
    opened: dict[str, tuple[int, str | None]] = {}
    assert len(paths) > 20
    assert {"/v1/me/events", "/v1/space/events"} <= streams
    for path in paths:
        if path.startswith("/r/"):
            continue  # the redirect answers HEAD itself, without counting the visit (test_redirect)
        if path in streams:
            # HEAD answers the stream's headers at once, where a GET would read it forever.
            head = await client.head(path, headers=admin)
            assert head.content == b"", path
            opened[path] = (head.status_code, head.headers.get("content-type"))
            continue
        got = await client.get(path, headers=admin)
        head = await client.head(path, headers=admin)
        assert head.status_code == got.status_code, path
        assert head.content == b"", path
        assert head.headers.get("content-type") == got.headers.get("content-type"), path
        assert head.headers.get("content-length") == got.headers.get("content-length"), path
    # Staff follow the space; the stream of points and notifications is for ambassadors.
    assert opened["/v1/space/events"] == (200, "text/event-stream; charset=utf-8")
    assert opened["/v1/me/events"][0] == 403


async def test_every_read_is_served_to_a_client_that_accepts_only_the_type_it_declares(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    """An event stream, a CSV export or a report is asked for as a browser's EventSource, a spreadsheet
    tool or a link would: with only its own type in Accept. HEAD, so that a stream is not read forever."""
    document = (await client.get("/openapi.json")).json()
    declared = {
        (re.sub(r"\{[^}]+\}", str(uuid4()), path), media)
        for path, operations in document["paths"].items()
        for media in operations.get("get", {}).get("responses", {}).get("200", {}).get("content", {})
        if not media.startswith("application/json")
    }
    assert {media for _, media in declared} >= {"text/event-stream", "text/csv", "text/html"}
    refused = {
        (path, media)
        for path, media in declared
        if (await client.head(path, headers=admin | {"Accept": media})).status_code == 406
    }
    assert refused == set()


async def test_head_on_a_path_without_get_is_refused_and_allow_lists_head_beside_get(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    refused = await client.head("/v1/me/opt-in", headers=admin)
    assert (refused.status_code, refused.headers["Allow"]) == (405, "POST")
    assert refused.headers["content-type"] == "application/problem+json"

    not_posted = await client.post("/healthz")
    assert (not_posted.status_code, not_posted.headers["Allow"]) == (405, "GET, HEAD")
