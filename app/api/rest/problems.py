"""RFC 9457 problem details: the one table mapping domain errors to HTTP, and the handlers."""

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

from app.domain import errors as domain
from app.domain.programme.charter import CharterVersionNotCurrent
from app.domain.sharing.refusals import (
    CaptionNotCompliant,
    CharterAcceptanceRequired,
    ContentNotPublished,
    ShareLimitReached,
)

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "urn:relais:problem:"

# Most specific first: the first class an error is an instance of decides.
STATUS_BY_ERROR: list[tuple[type[domain.DomainError], int]] = [
    (domain.Unauthenticated, 401),
    (domain.Forbidden, 403),
    (domain.NotFound, 404),
    (domain.Gone, 410),
    (domain.PreconditionFailed, 412),
    (domain.ValidationFailed, 422),
    (domain.Conflict, 409),
    (domain.DomainError, 400),
]

HTTP_TYPES = {
    400: "bad-request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    410: "gone",
    412: "precondition-failed",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "validation-failed",
    428: "precondition-required",
    500: "internal-error",
    503: "unavailable",
}

REQUEST_PARTS = frozenset({"body", "query", "path", "header", "cookie"})

logger = logging.getLogger("relais.api")


def problem(
    status: int,
    detail: str,
    *,
    code: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": TYPE_PREFIX + (code or HTTP_TYPES.get(status, "error")),
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors is not None:
        body["errors"] = errors
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def status_of(error: domain.DomainError) -> int:
    return next(status for kind, status in STATUS_BY_ERROR if isinstance(error, kind))


def _in_request(loc: tuple[str | int, ...]) -> list[str | int]:
    """Where a field error is in the request: the body, unless its location already names a part."""
    return list(loc) if loc and loc[0] in REQUEST_PARTS else ["body", *loc]


def domain_problem(error: domain.DomainError) -> JSONResponse:
    status = status_of(error)
    extra: dict[str, Any] = {}
    errors = None
    if isinstance(error, domain.ValidationFailed):
        errors = [{"loc": _in_request(e.loc), "message": e.message} for e in error.errors]
    if isinstance(error, domain.DuplicateValue):
        errors = [{"loc": ["body", error.field], "message": error.detail}]
    if isinstance(error, domain.InvalidTransition):
        extra = {"current_status": error.current, "allowed": list(error.allowed)}
    if isinstance(error, CharterVersionNotCurrent):
        extra = {"current_version": error.current}
    extra |= _sharing_details(error)
    if isinstance(error, domain.CadenceExceeded):
        extra = {
            "conflicting_contents": [str(content_id) for content_id in error.conflicting],
            "window": {"starts_at": error.window_start.isoformat(), "ends_at": error.window_end.isoformat()},
            "weekly_content_budget": error.budget,
        }
    headers = None
    if status == 401:
        # RFC 6750: a request that sent no token is challenged without an error code.
        challenge = "Bearer" if isinstance(error, domain.MissingCredentials) else 'Bearer error="invalid_token"'
        headers = {"WWW-Authenticate": challenge}
    return problem(status, error.detail, code=error.code, errors=errors, headers=headers, **extra)


def _sharing_details(error: domain.DomainError) -> dict[str, Any]:
    """What a refused share names besides its detail: the charter to accept, the limit and when it
    resets, the content's status, or every caption violation (as POST /v1/compliance/check lists them)."""
    match error:
        case CharterAcceptanceRequired():
            return {"current_version": error.current_version}
        case ShareLimitReached():
            return {"network": error.network.value, "limit": error.limit, "resets_at": error.resets_at.isoformat()}
        case ContentNotPublished():
            return {"content_status": error.status}
        case CaptionNotCompliant():
            keys = ("code", "detail", "start", "end", "blocking")
            return {"violations": [{key: getattr(item, key) for key in keys} for item in error.violations]}
    return {}


def _validation_problem(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)  # noqa: S101 - registered for this type only
    items = []
    for item in error.errors():
        if item.get("type") == "json_invalid":
            return problem(400, "The request body is not valid JSON.", code="malformed-json")
        items.append({"loc": list(item.get("loc", ())), "message": item.get("msg", "Invalid value.")})
    where = ", ".join(".".join(str(part) for part in e["loc"]) for e in items)
    return problem(422, f"The request is not valid: check {where}.", errors=items)


def _http_problem(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)  # noqa: S101 - registered for this type only
    if isinstance(error.__cause__, UnicodeDecodeError):
        # FastAPI's own answer to a body it cannot decode says neither what is wrong nor what to do.
        return problem(400, "The request body is not valid JSON: send it encoded in UTF-8.", code="malformed-json")
    detail = error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).phrase
    if error.status_code == 404 and detail == "Not Found":
        detail = f"No resource at {request.url.path}."
    headers = getattr(error, "headers", None)
    if error.status_code == 405:
        detail = f"{request.method} is not allowed on {request.url.path}."
        headers = {**(headers or {}), "Allow": ", ".join(_allowed_methods(request))}
    return problem(error.status_code, detail, headers=headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method the path answers to; the router's own Allow names only the first route that matched."""
    allowed: set[str] = set()
    for route in iter_route_contexts(request.app.router.routes):
        if route.path and route.methods and compile_path(route.path)[0].match(request.scope["path"]):
            allowed |= route.methods
    return sorted(allowed)


def _domain_handler(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, domain.DomainError)  # noqa: S101 - registered for this type only
    return domain_problem(error)


def _unexpected(request: Request, error: Exception) -> JSONResponse:
    logger.exception("unhandled error", exc_info=error)
    return problem(500, "Something went wrong on our side. Retry later, quoting the X-Request-ID of this response.")


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(domain.DomainError, _domain_handler)
    app.add_exception_handler(RequestValidationError, _validation_problem)
    app.add_exception_handler(StarletteHTTPException, _http_problem)
    app.add_exception_handler(Exception, _unexpected)
