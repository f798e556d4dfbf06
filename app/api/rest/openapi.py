"""OpenAPI fragments derived from the problem-type registry: problem+json responses, the
``Problem`` schema, and the problem types an operation answers by its shape alone.

Routes declare the problem types of their own rules with ``problems(...)``; those any operation
of its shape answers (a token refused, a body that is not JSON, a stale ``If-Match``) are added
by ``complete_operation``, so the document lists every type an operation can answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from pydantic.json_schema import models_json_schema

from app.api import problem_types as problem
from app.api.problem_types import REGISTRY, ProblemType, registered
from app.api.rest.problems import PROBLEM_JSON, problem_body

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
# What a caller acting as a member of the programme may be refused: a token linked to no employee of the
# organisation, or a membership that is not active.
AS_MEMBER = (problem.EMPLOYEE_NOT_LINKED, problem.NOT_AN_AMBASSADOR)
BODY_METHODS = frozenset({"post", "put", "patch"})
CHALLENGE = {
    "description": 'RFC 6750: `Bearer` when no token was sent, `Bearer error="invalid_token"` when it was refused.',
    "schema": {"type": "string"},
}
# What a refusal for a spent budget carries (draft-ietf-httpapi-ratelimit-headers for the last two).
RATE_LIMIT_HEADERS = {
    "Retry-After": {"description": "Seconds to wait before retrying.", "schema": {"type": "integer", "minimum": 1}},
    "RateLimit-Policy": {
        "description": "Each budget the request was counted against: its name, quota `q` and window `w` in seconds. "
        "Every answer of a counted request carries it.",
        "schema": {"type": "string"},
        "example": '"caller-1s";q=30;w=1, "caller-60s";q=1200;w=60, "tenant";q=12000;w=60',
    },
    "RateLimit": {
        "description": "What remains of each budget (`r`) and the seconds until it is full again (`t`). Every "
        "answer of a counted request carries it.",
        "schema": {"type": "string"},
        "example": '"caller-1s";r=29;t=1, "caller-60s";r=0;t=42, "tenant";r=11873;t=42',
    },
}
RETRY_AFTER = {
    "description": "`unavailable`: seconds to wait before sending the same request again.",
    "schema": {"type": "integer"},
    "example": 5,
}


class Problem(BaseModel):
    """An RFC 9457 problem: every error Relais answers. `type` says which problem it is (docs/problems.md
    lists each with its meaning and fix); members besides the standard four appear only on the types
    that define them."""

    type: str = Field(
        description="The problem type, a URN ending with the type's stable slug; branch on it.",
        examples=["urn:relais:problem:validation-failed"],
        pattern=r"^urn:relais:problem:[a-z0-9-]+$",
    )
    title: str = Field(description="The name of the HTTP status, the same for every problem of that status.")
    status: int = Field(description="The HTTP status of the answer.", ge=400, le=599)
    detail: str = Field(description="What went wrong with this request and how to fix it, in plain words.")


def operation_id(route: APIRoute) -> str:
    """``createShare`` for the route function ``create_share``: stable, readable names for generated clients."""
    head, *rest = route.name.split("_")
    return head + "".join(part.title() for part in rest)


def problems(*kinds: ProblemType[Any]) -> dict[int | str, dict[str, Any]]:
    """The responses of these problem types, one per status, each type with its example."""
    return {status: problem_response(group) for status, group in _by_status(kinds).items()}


def problem_response(kinds: Iterable[ProblemType[Any]]) -> dict[str, Any]:
    listed = list(kinds)
    lines = [f"- `{kind.slug}`: {kind.means}" for kind in listed]
    examples = {kind.slug: _example(kind) for kind in listed}
    response: dict[str, Any] = {
        "description": "\n".join(["One of these problem types:", *lines]),
        "content": {PROBLEM_JSON: {"schema": PROBLEM_REF, "examples": examples}},
    }
    if any(kind.status == 401 for kind in listed):
        response["headers"] = {"WWW-Authenticate": CHALLENGE}
    if any(kind.status == 429 for kind in listed):
        response["headers"] = RATE_LIMIT_HEADERS
    if problem.UNAVAILABLE in listed:
        response["headers"] = {"Retry-After": RETRY_AFTER}
    return response


def _example(kind: ProblemType[Any]) -> dict[str, Any]:
    detail, members = kind.sample()
    return {"summary": kind.title, "value": problem_body(kind, detail, members)}


def _by_status(kinds: Iterable[ProblemType[Any]]) -> dict[int, list[ProblemType[Any]]]:
    wanted = set(kinds)
    grouped: dict[int, list[ProblemType[Any]]] = {}
    for kind in REGISTRY:  # in the registry's order, whatever the order they were named in
        if kind in wanted:
            grouped.setdefault(kind.status, []).append(kind)
    return dict(sorted(grouped.items()))


def implied_problems(path: str, method: str, operation: dict[str, Any]) -> list[ProblemType[Any]]:
    """The problem types an operation answers because of its shape, whatever its rules."""
    kinds: list[ProblemType[Any]] = []
    parameters = operation.get("parameters", [])
    if operation.get("security"):
        # A token counts against its caller's and organisation's budgets, a refused one against its address's.
        kinds += [problem.UNAUTHENTICATED, problem.FORBIDDEN, problem.RATE_LIMITED]
    if method in BODY_METHODS:
        kinds.append(problem.PAYLOAD_TOO_LARGE)
        if path.startswith("/v1/"):
            kinds.append(problem.UNSUPPORTED_MEDIA_TYPE)
    if "requestBody" in operation:
        kinds += [problem.MALFORMED_JSON, problem.VALIDATION_FAILED]
    if any(parameter["in"] in ("path", "query") for parameter in parameters):
        kinds.append(problem.VALIDATION_FAILED)
    if any(parameter["in"] == "header" and parameter["name"].lower() == "if-match" for parameter in parameters):
        kinds.append(problem.PRECONDITION_FAILED)
    if path.startswith("/v1/"):
        kinds.append(problem.UNAVAILABLE)  # every operation of the API reads or writes the database
        kinds.append(problem.NOT_ACCEPTABLE)
    return kinds


def _declared_problems(status: str, response: dict[str, Any]) -> list[ProblemType[Any]]:
    content = response.get("content", {})
    if PROBLEM_JSON in content:
        return [registered(slug) for slug in content[PROBLEM_JSON].get("examples", {})]
    if status == "422" and "application/json" in content:
        return []  # FastAPI's own answer to invalid parameters, replaced by validation-failed
    raise ValueError(f"the {status} response is not a problem: declare it with problems(...)")


# What a list's filter means is the same on every list; a route may say more in its own description.
FILTERS = {
    "status": "Keep only those in this status.",
    "department": "Keep only those of this department.",
    "location": "Keep only those of this location.",
    "charter_status": "Keep only the members in this charter status (`needs_acceptance`: who must accept the "
    "charter in force).",
    "objective": "Keep only those with this objective.",
    "active_at": "Keep only the campaigns running at this instant.",
    "format": "Keep only contents of this kind.",
    "topic": "Keep only contents about this topic.",
    "campaign_id": "Keep only those of this campaign.",
    "content_id": "Keep only those of this content.",
    "ambassador_id": "Keep only those of this ambassador.",
    "type": "Keep only conversions of this type.",
    "attributed": "Keep only attributed (true) or unattributed (false) conversions.",
    "occurred_from": "Keep only conversions that occurred at or after this instant.",
    "occurred_to": "Keep only conversions that occurred before this instant.",
    "network": "Keep only those on this network.",
    "severity": "Keep only those of this severity.",
    "kind": "Keep only those of this kind.",
    "unanswered": "Keep only the questions without an accepted answer (true).",
}


def _describe(parameter: dict[str, Any]) -> None:
    """A path id is the id of what the path names; a filter says what it keeps."""
    if parameter.get("description"):
        return
    name = parameter["name"]
    if parameter["in"] == "path" and name.endswith("_id"):
        parameter["description"] = f"The {name.removesuffix('_id').replace('_', ' ')}'s id."
    elif parameter["in"] == "query" and name in FILTERS:
        parameter["description"] = FILTERS[name]


def complete_operation(path: str, method: str, operation: dict[str, Any]) -> None:
    """Give the operation every problem type it answers, as problem+json only, and its parameters
    the types they really take (an omitted parameter is never null)."""
    responses: dict[str, Any] = operation["responses"]
    errors = [status for status in responses if status[0] in "45"]
    kinds = [kind for status in errors for kind in _declared_problems(status, responses.pop(status))]
    kinds += implied_problems(path, method, operation)
    responses.update({str(status): response for status, response in problems(*kinds).items()})
    operation["responses"] = dict(sorted(responses.items()))
    for parameter in operation.get("parameters", []):
        _not_nullable(parameter["schema"])
        _describe(parameter)


def _not_nullable(schema: dict[str, Any]) -> None:
    alternatives = schema.get("anyOf", [])
    kept = [alternative for alternative in alternatives if alternative != {"type": "null"}]
    if len(kept) == 1 and len(alternatives) == 2:
        del schema["anyOf"]
        schema.update(kept[0])


def problem_schemas() -> dict[str, Any]:
    """``Problem`` with every registered type's members as optional properties, and what they refer to.

    One schema rather than one per type: generated clients (openapi-typescript, openapi-python-client)
    then read ``type`` and any member off one class, whatever the status, and a type added later
    still parses as a ``Problem``.
    """
    members = list(dict.fromkeys(model for kind in REGISTRY if (model := kind.member_model()) is not None))
    models: list[type[BaseModel]] = [Problem, *members]
    _, top = models_json_schema(
        [(model, "serialization") for model in models], ref_template="#/components/schemas/{model}"
    )
    definitions: dict[str, Any] = top["$defs"]
    schema = definitions.pop(Problem.__name__)
    for model in members:
        for name, member in definitions.pop(model.__name__)["properties"].items():
            if schema["properties"].setdefault(name, member) != member:
                raise ValueError(f"the problem member {name} is described two ways")
    return {Problem.__name__: schema, **definitions}


def add_schemas(components: dict[str, Any], schemas: dict[str, Any]) -> None:
    """Add ``schemas`` to the document's; a name given to two different schemas is a mistake."""
    for name, schema in schemas.items():
        if components.setdefault(name, schema) != schema:
            raise ValueError(f"two schemas are named {name}")
