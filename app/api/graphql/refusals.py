"""A GraphQL request refused before anything runs because a budget of requests is spent: answered as
GraphQL clients read failures, an error whose ``extensions.code`` is the problem type's slug (REST's
``type`` ends with it), with the status and ``Retry-After`` REST gives for it."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from app.api.problem_types import problem_type_of
from app.domain.errors import RateLimited

GRAPHQL_RESPONSE = "application/graphql-response+json"


class OperationRefused(Exception):
    """Raised by the GraphQL context in place of ``error``, so that its answer is GraphQL's."""

    def __init__(self, error: RateLimited) -> None:
        super().__init__(error.detail)
        self.error = error


async def answer_refused(request: Request, exception: Exception) -> Response:
    assert isinstance(exception, OperationRefused)  # noqa: S101 - registered for this type only
    error = exception.error
    extensions = {"code": error.code, "policy": error.policy, "retryAfter": error.retry_after}
    # No `data`: the operation never started (GraphQL's response format leaves it out then).
    body = {"errors": [{"message": str(error.detail), "extensions": extensions}]}
    media_type = GRAPHQL_RESPONSE if GRAPHQL_RESPONSE in request.headers.get("accept", "") else "application/json"
    headers = {"Retry-After": str(error.retry_after)}
    return JSONResponse(body, status_code=problem_type_of(error).status, media_type=media_type, headers=headers)
