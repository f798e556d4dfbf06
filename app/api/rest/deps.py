"""Request dependencies shared by the routers: the runtime, the caller, paging, If-Match."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends, Header, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.api.pagination import decode_cursor
from app.api.runtime import Runtime, Services
from app.domain.errors import MissingCredentials
from app.domain.roster.identity import Principal
from app.ports.pagination import DEFAULT_LIMIT, MAX_LIMIT, PageRequest

bearer = HTTPBearer(auto_error=False, description="An OAuth 2.0 access token (JWT) from the tenant's issuer.")


# Dependencies are coroutines even when they do not await: FastAPI runs plain functions in a
# worker thread, a hop per dependency per request that costs more than the work they do.


async def get_runtime(request: Request) -> Runtime:
    runtime: Runtime = request.state.runtime
    return runtime


async def get_services(runtime: Annotated[Runtime, Depends(get_runtime)]) -> Services:
    return runtime.services


async def get_principal(
    runtime: Annotated[Runtime, Depends(get_runtime)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    if credentials is None:
        raise MissingCredentials("Send an access token in the Authorization header: 'Bearer <token>'.")
    return await runtime.verifier.verify(credentials.credentials)


ServicesDep = Annotated[Services, Depends(get_services)]
PrincipalDep = Annotated[Principal, Depends(get_principal)]


async def get_page_request(
    cursor: Annotated[str | None, Query(description="The next_cursor of the previous page.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
) -> PageRequest:
    return PageRequest(after=decode_cursor(cursor) if cursor else None, limit=limit)


PageDep = Annotated[PageRequest, Depends(get_page_request)]

_ETAG = re.compile(r'^(?:W/)?"v(\d+)"$')


def etag(version: int) -> str:
    return f'"v{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag(version)


# Versions count up from 0, so this one never matches: an If-Match naming no version of ours fails the
# precondition in the use case, after the checks that come first (RFC 9110, 13.2.1: a request that would
# be refused anyway, for its body, the caller's roles or a missing resource, is refused for that).
NO_VERSION = -1


async def get_expected_version(
    if_match: Annotated[
        str | None, Header(description="The ETag you last read; the change is refused (412) if it is stale.")
    ] = None,
) -> int | None:
    if if_match is None or if_match.strip() == "*":
        return None
    versions = [_ETAG.match(tag.strip()) for tag in if_match.split(",")]
    if len(versions) != 1 or versions[0] is None:
        return NO_VERSION
    return int(versions[0].group(1))


ExpectedVersionDep = Annotated[int | None, Depends(get_expected_version)]
