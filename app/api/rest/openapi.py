"""OpenAPI fragments shared by routers: the problem+json responses each route may give."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, Field

PROBLEM_JSON = "application/problem+json"


class FieldProblem(BaseModel):
    loc: list[str | int]
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(examples=["urn:relais:problem:validation-failed"])
    title: str
    status: int
    detail: str
    errors: list[FieldProblem] | None = None


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    described = {
        400: "Malformed request (for example, invalid JSON).",
        401: "Missing, invalid or expired access token.",
        403: "The token's roles do not allow this.",
        404: "No such resource in your organisation.",
        409: "The request conflicts with the current state.",
        412: "If-Match does not match the current ETag.",
        413: "The request body is too large.",
        415: "The request body is not JSON.",
        422: "The request is not valid; `errors` lists each field.",
    }
    # Whatever reads a body can be sent one that is not JSON at all (415) or not well-formed (400).
    bodies = {400} if 415 in statuses else set()
    wanted = sorted({401, 403, 422, *bodies, *statuses})
    return {
        status: {"model": Problem, "description": described[status], "content": {"application/problem+json": {}}}
        for status in wanted
    }


def document_problems_as_sent(app: FastAPI) -> None:
    """Errors are sent as application/problem+json; FastAPI files a response model under application/json.
    Move each problem schema to the media type the server really answers with, so that generated clients
    type the error they receive."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = generate()
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for response in operation.get("responses", {}).values():
                    content = response.get("content", {})
                    if PROBLEM_JSON in content and "application/json" in content:
                        content[PROBLEM_JSON] = content.pop("application/json")
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
