"""Request dependencies shared by the routers: the runtime, the caller, paging, ETags, If-Match, If-None-Match."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Header, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from app.api.pagination import decode_cursor, decode_page_cursor
from app.api.runtime import Runtime, Services
from app.domain.aggregate import ONLY_IF_ABSENT
from app.domain.errors import MissingCredentials
from app.domain.roster.identity import Principal
from app.ports.pagination import DEFAULT_LIMIT, MAX_LIMIT, KeyKind, PageRequest, sort_field

bearer = HTTPBearer(auto_error=False, description="An OAuth 2.0 access token (JWT) from the tenant's issuer.")


# Dependencies are coroutines even when they do not await: FastAPI runs plain functions in a
# worker thread, a hop per dependency per request that costs more than the work they do.


async def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.state.runtime
    return runtime


async def get_services(runtime: Annotated[Runtime, Depends(get_runtime)]) -> Services:
    return runtime.services


async def _verified(request: Request, runtime: Runtime, credentials: HTTPAuthorizationCredentials | None) -> Principal:
    async def verify() -> Principal:
        if credentials is None:
            raise MissingCredentials("Send an access token in the Authorization header: 'Bearer <token>'.")
        return await runtime.verifier.verify(credentials.credentials)

    if runtime.rate_limits is None:
        return await verify()
    return await runtime.rate_limits.verified(request.scope, verify)


async def count_anonymous(request: Request, runtime: Annotated[Runtime, Depends(get_runtime)]) -> None:
    """Counts a request that carries no token by design (the development sign-in) against its address."""
    if runtime.rate_limits is not None:
        await runtime.rate_limits.count_anonymous(request.scope)


# In the request's scope, not its state: a server may share one state between requests.
_PRINCIPAL = "relais.principal"


async def authenticate(request: Request) -> Principal:
    """The caller, verified once per request: the operation's route does it before reading the request
    (see ``operations``), and ``get_principal`` then finds it."""
    known: Principal | None = request.scope.get(_PRINCIPAL)
    if known is None:
        known = await _verified(request, request.state.runtime, await bearer(request))
        request.scope[_PRINCIPAL] = known
    return known


async def get_principal(
    request: Request,
    runtime: Annotated[Runtime, Depends(get_runtime)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    known: Principal | None = request.scope.get(_PRINCIPAL)
    if known is None:
        # Verified (and counted against the budgets) once per request, whoever asks first.
        known = await _verified(request, runtime, credentials)
        request.scope[_PRINCIPAL] = known
    return known


ServicesDep = Annotated[Services, Depends(get_services)]
PrincipalDep = Annotated[Principal, Depends(get_principal)]


CursorQuery = Annotated[str | None, Query(description="The next_cursor of the previous page.")]
LimitQuery = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
SORT_HELP = "The order of the list; a leading `-` reverses it. Keep it while paging: a cursor belongs to its order."


async def get_page_request(cursor: CursorQuery = None, limit: LimitQuery = DEFAULT_LIMIT) -> PageRequest:
    return PageRequest(after=decode_cursor(cursor) if cursor else None, limit=limit)


PageDep = Annotated[PageRequest, Depends(get_page_request)]


def sorted_page(sort: StrEnum, keys: Mapping[str, tuple[KeyKind, ...]], cursor: str | None, limit: int) -> PageRequest:
    """The page asked for in one of the orders a list offers; the cursor must come from that order."""
    if cursor is None:
        return PageRequest(limit=limit, sort=sort.value)
    after, key = decode_page_cursor(cursor, sort.value, keys[sort_field(sort.value)])
    return PageRequest(after=after, limit=limit, sort=sort.value, after_key=key)


# If-Match reads the version of a tag; the digest some tags carry after it does not matter there.
_ETAG = re.compile(r'^(?:W/)?"v(\d+)(?:\.[0-9a-f]+)?"$')
# If-None-Match (RFC 9110 8.8.3, 5.6.1): entity tags, each maybe weak, in a comma list that may
# hold empty elements; a quoted tag may itself hold a comma.
_TAG = r'(?:W/)?"[\x21\x23-\x7e\x80-\xff]*"'
_TAG_LIST = re.compile(r"[\s,]*" + _TAG + r"(?:[ \t]*,[\s,]*" + _TAG + r")*[\s,]*")
_QUOTED = re.compile(r'"[^"]*"')

Body = TypeVar("Body", bound=BaseModel)


def etag(version: int | None, shown: BaseModel | None = None) -> str:
    """``"v3"`` for version 3 of a resource. A representation that shows more than its stored
    version (a status read at the current time, click counts), or a resource with no version, adds
    a digest of the body, ``"v3.1f0c…"``: If-None-Match then never answers 304 for a body that
    changed, while If-Match still compares versions only."""
    parts = [] if version is None else [f"v{version}"]
    if shown is not None:
        parts.append(hashlib.blake2b(shown.model_dump_json().encode(), digest_size=8).hexdigest())
    return '"' + ".".join(parts) + '"'


def set_etag(response: Response, version: int, shown: BaseModel | None = None) -> None:
    response.headers["ETag"] = etag(version, shown)


class NotModified(Exception):
    """The client's copy is current: the answer is 304 with the ETag and no body."""

    def __init__(self, tag: str) -> None:
        super().__init__(tag)
        self.etag = tag


def none_match_fails(if_none_match: str, current: str) -> bool:
    """RFC 9110 13.1.2: ``*``, or any listed tag weakly equal to the current one. A header that is
    not a list of entity tags is ignored, so the client gets the full answer rather than an error."""
    if if_none_match.strip() == "*":
        return True
    if _TAG_LIST.fullmatch(if_none_match) is None:
        return False
    return current.removeprefix("W/") in _QUOTED.findall(if_none_match)


class ConditionalRead:
    """Gives a read its ETag; when the request's If-None-Match names it, the answer is 304."""

    def __init__(self, response: Response, if_none_match: str | None) -> None:
        self._response = response
        self._if_none_match = if_none_match

    def __call__(self, body: Body, version: int | None = None, *, shows_more: bool = False) -> Body:
        """``shows_more``: the body shows what changes without a new version (see ``etag``)."""
        tag = etag(version, body if shows_more or version is None else None)
        self._response.headers["ETag"] = tag
        if self._if_none_match is not None and none_match_fails(self._if_none_match, tag):
            raise NotModified(tag)
        return body


async def get_conditional_read(
    response: Response,
    if_none_match: Annotated[
        str | None,
        Header(description="ETags you hold (or `*`): if one is current, the answer is 304 with no body."),
    ] = None,
) -> ConditionalRead:
    return ConditionalRead(response, if_none_match)


ConditionalReadDep = Annotated[ConditionalRead, Depends(get_conditional_read)]

NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {
        "description": "Not Modified: an ETag of If-None-Match is current; no body.",
        "headers": {"ETag": {"description": "The current ETag.", "schema": {"type": "string"}}},
    }
}


async def answer_not_modified(request: Request, error: Exception) -> Response:
    assert isinstance(error, NotModified)  # noqa: S101 - registered for this type only
    return Response(status_code=304, headers={"ETag": error.etag})


# Versions count up from 0, so this one never matches: an If-Match naming no version of ours fails the
# precondition in the use case, after the checks that come first (RFC 9110, 13.2.1: a request that would
# be refused anyway, for its body, the caller's roles or a missing resource, is refused for that).
NO_VERSION = -1


async def get_expected_version(
    if_match: Annotated[
        str | None, Header(description="The ETag you last read; the change is refused (412) if it is stale.")
    ] = None,
    if_none_match: Annotated[
        str | None,
        Header(
            description="`*` asks for the change only if the resource does not exist yet: since it does, the "
            "change is refused (412). ETags are not compared here."
        ),
    ] = None,
) -> int | None:
    if if_none_match is not None and if_none_match.strip() == "*":
        # RFC 9110, 13.1.2: on a change, `*` fails whenever a current representation exists.
        return ONLY_IF_ABSENT
    if if_match is None or if_match.strip() == "*":
        return None
    versions = [_ETAG.match(tag.strip()) for tag in if_match.split(",")]
    if len(versions) != 1 or versions[0] is None:
        return NO_VERSION
    return int(versions[0].group(1))


ExpectedVersionDep = Annotated[int | None, Depends(get_expected_version)]
