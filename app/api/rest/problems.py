"""RFC 9457 problem details: REST's handlers, each answering with a type of the registry."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from app.api.problem_types import ProblemType, problem_type_for_status, problem_type_of, registered
from app.api.problem_types.exchange import INTERNAL_ERROR, MALFORMED_JSON, VALIDATION_FAILED
from app.api.rest.languages import ProblemResponse, validation_message
from app.domain import errors as domain
from app.domain.messages import Message

PROBLEM_JSON = "application/problem+json"

# Python 3.11 still names 413 by its obsolete RFC 7231 phrase.
TITLES = {413: "Content Too Large"}

logger = logging.getLogger("relais.api")


def problem_body(kind: ProblemType[Any], detail: str, members: dict[str, Any] | None = None) -> dict[str, Any]:
    """The one rendering of a problem: the standard members, then the type's own."""
    body: dict[str, Any] = {
        "type": kind.uri,
        "title": TITLES.get(kind.status) or HTTPStatus(kind.status).phrase,
        "status": kind.status,
        "detail": detail,
    }
    body.update(members or {})
    return body


def problem(
    status: int,
    detail: str,
    *,
    code: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """A problem answer of the registered type ``code`` (else the generic type of ``status``)."""
    kind = registered(code) if code else problem_type_for_status(status)
    members = ({"errors": errors} if errors is not None else {}) | extra
    return answer(kind, detail, members, headers)


def answer(
    kind: ProblemType[Any],
    detail: str,
    members: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = problem_body(kind, detail, members)
    return ProblemResponse(body, status_code=kind.status, media_type=PROBLEM_JSON, headers=headers)


def domain_problem(error: domain.DomainError) -> JSONResponse:
    kind = problem_type_of(error)
    headers = None
    if kind.status == 401:
        # RFC 6750: a request that sent no token is challenged without an error code.
        challenge = "Bearer" if isinstance(error, domain.MissingCredentials) else 'Bearer error="invalid_token"'
        headers = {"WWW-Authenticate": challenge}
    elif isinstance(error, domain.RateLimited):
        headers = {"Retry-After": str(error.retry_after)}
    elif isinstance(error, domain.Unavailable):
        log_outage(error)
        headers = {"Retry-After": str(error.retry_after_seconds)}
    return answer(kind, error.detail, kind.members(error), headers)


def log_outage(error: domain.Unavailable) -> None:
    """One line per request the outage failed, naming its cause: no traceback, which would say
    nothing more and, under traffic, fill the disk."""
    logger.warning("database unavailable", extra={"cause": error.cause})


def _validation_problem(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)  # noqa: S101 - registered for this type only
    items = []
    for item in error.errors():
        if item.get("type") == "json_invalid":
            # The strict reader says what is wrong (see json_bodies); a plain syntax error says no more.
            reason = (item.get("ctx") or {}).get("error")
            return answer(
                MALFORMED_JSON, reason if isinstance(reason, Message) else "The request body is not valid JSON."
            )
        items.append({"loc": list(item.get("loc", ())), "message": validation_message(item)})
    where = ", ".join(".".join(str(part) for part in e["loc"]) for e in items)
    return answer(
        VALIDATION_FAILED, Message("The request is not valid: check {where}.", where=where), {"errors": items}
    )


def _http_problem(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)  # noqa: S101 - registered for this type only
    if isinstance(error.__cause__, UnicodeDecodeError):
        # FastAPI's own answer to a body it cannot decode says neither what is wrong nor what to do.
        return answer(MALFORMED_JSON, Message("The request body is not valid JSON: send it encoded in UTF-8."))
    detail = error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).phrase
    if error.status_code == 404 and detail == "Not Found":
        detail = Message("No resource at {path}.", path=request.url.path)
    headers = getattr(error, "headers", None)
    if error.status_code == 405:
        detail = Message("{method} is not allowed on {path}.", method=request.method, path=request.url.path)
        headers = {**(headers or {}), "Allow": ", ".join(_allowed_methods(request))}
    return answer(problem_type_for_status(error.status_code), detail, headers=headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method the path answers to; the router's own Allow names only the first route that matched."""
    allowed: set[str] = set()
    for route in iter_route_contexts(request.app.router.routes):
        if route.path and route.methods and compile_path(route.path)[0].match(request.scope["path"]):
            allowed |= route.methods
    if "GET" in allowed:
        allowed.add("HEAD")  # answered for every GET (guards.HeadAsGet)
    return sorted(allowed)


def _domain_handler(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, domain.DomainError)  # noqa: S101 - registered for this type only
    return domain_problem(error)


def _unexpected(request: Request, error: Exception) -> JSONResponse:
    logger.exception("unhandled error", exc_info=error)
    return answer(
        INTERNAL_ERROR, "Something went wrong on our side. Retry later, quoting the X-Request-ID of this response."
    )


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(domain.DomainError, _domain_handler)
    app.add_exception_handler(RequestValidationError, _validation_problem)
    app.add_exception_handler(StarletteHTTPException, _http_problem)
    app.add_exception_handler(Exception, _unexpected)
