"""The paths served outside FastAPI's routing, described by hand for the OpenAPI document: the
tracked-link redirect (a plain ASGI layer, for speed) and GraphQL over HTTP (Strawberry's router)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from app.api import problem_types as problem
from app.api.rest.openapi import RATE_LIMIT_HEADERS, problems
from app.domain.sharing.tracked_links import MAX_CODE_LENGTH, MIN_CODE_LENGTH

GRAPHQL_TAG = "graphql"


class GraphQLRequest(BaseModel):
    """A GraphQL operation over HTTP (the GraphQL-over-HTTP convention)."""

    query: str = Field(description="The GraphQL document.", examples=["query Me { me { subject roles } }"])
    variables: dict[str, Any] | None = Field(
        default=None, description="Values of the document's variables, by name (camelCase)."
    )
    operation_name: str | None = Field(
        default=None,
        alias="operationName",
        description="Which operation of the document to run, when it holds several.",
    )


class GraphQLErrorLocation(BaseModel):
    """Where in the document an error was found."""

    line: int = Field(description="Line number, from 1.")
    column: int = Field(description="Column number, from 1.")


class GraphQLResponseError(BaseModel):
    """An error that is not one of a mutation's typed failures: a malformed document, a refusal."""

    message: str = Field(description="What went wrong, for people.")
    locations: list[GraphQLErrorLocation] | None = Field(
        default=None, description="Where in the document, for errors of the document itself."
    )
    path: list[str | int] | None = Field(default=None, description="The field that failed, for errors of a field.")
    extensions: dict[str, Any] | None = Field(
        default=None,
        description="`code`: the same stable code as REST's problem types (`forbidden`, `not-found`, "
        "`rate-limited`...); `fieldErrors` for invalid input; `policy` and `retryAfter` (seconds) for a spent "
        "budget.",
    )


class GraphQLResponse(BaseModel):
    """The result of a GraphQL operation. Expected failures of mutations are typed members of their
    result unions, in `data`; `errors` holds the rest."""

    data: dict[str, Any] | None = Field(
        default=None, description="The fields asked for; null or absent when the operation could not run."
    )
    errors: list[GraphQLResponseError] | None = Field(
        default=None, description="Present only when something went wrong."
    )


SCHEMA_MODELS: tuple[type[BaseModel], ...] = (GraphQLRequest, GraphQLResponse)

_REDIRECTED = {
    "description": "The visit is counted (unless it is a bot, a preview, a prefetch or a HEAD) and "
    "redirected to the content's link, with its campaign's UTM parameters and the click reference.",
    "headers": {
        "Location": {
            "description": "The content's link, tagged for attribution.",
            "schema": {"type": "string", "format": "uri"},
            "example": "https://acme.example/careers/lyon-backend?utm_source=linkedin&utm_medium=employee_advocacy"
            "&utm_campaign=spring-hiring&utm_content=0196a3c2-5b7e-7d41-9a0e-3f2b8c1d4e5f"
            "&rl_click=0196a3e1-6f70-7182-a394-b5c6d7e8f901",
        },
        "Cache-Control": {"description": "`no-store`: every visit reaches Relais.", "schema": {"type": "string"}},
        "RateLimit-Policy": RATE_LIMIT_HEADERS["RateLimit-Policy"]
        | {"example": '"tracked-links";q=300;w=60', "description": "The visits budget of the visitor's address."},
        "RateLimit": RATE_LIMIT_HEADERS["RateLimit"]
        | {"example": '"tracked-links";r=299;t=60', "description": "What remains of it, and when it is full again."},
    },
}
_TRACKED_LINK_PROBLEMS = problems(
    problem.TRACKED_LINK_NOT_FOUND, problem.TRACKED_LINK_GONE, problem.RATE_LIMITED, problem.UNAVAILABLE
)
_CODE = {
    "name": "code",
    "in": "path",
    "required": True,
    "description": "The share's code, the last part of its tracked link.",
    "schema": {"type": "string", "pattern": f"^[0-9A-Za-z]{{{MIN_CODE_LENGTH},{MAX_CODE_LENGTH}}}$"},
    "example": "k3Jx9QpA",
}


def _follow(operation_id: str, summary: str, description: str) -> dict[str, Any]:
    return {
        "tags": ["tracked links"],
        "summary": summary,
        "description": description,
        "operationId": operation_id,
        "parameters": [_CODE],
        "responses": {"302": _REDIRECTED, **{str(status): answer for status, answer in _TRACKED_LINK_PROBLEMS.items()}},
    }


def _graphql_answers(*, get: bool) -> dict[str, Any]:
    result: dict[str, Any] = {
        "schema": {"$ref": "#/components/schemas/GraphQLResponse"},
        "example": {"data": {"me": {"subject": "auth0|ada", "roles": ["ambassador"]}}},
    }
    content: dict[str, Any] = {"application/json": result, "application/graphql-response+json": result}
    if get:
        content["text/html"] = {"schema": {"type": "string", "description": "The GraphiQL page."}}
    refused = {
        "errors": [
            {
                "message": problem.RATE_LIMITED.sample()[0],
                "extensions": {"code": problem.RATE_LIMITED.slug, "policy": "caller-60s", "retryAfter": 42},
            }
        ]
    }
    rate_limited = {"schema": {"$ref": "#/components/schemas/GraphQLResponse"}, "example": refused}
    # Refusals of the request itself, before any operation runs, and the outage no field survives.
    refusals: list[problem.ProblemType[Any]] = [
        problem.BAD_REQUEST,
        problem.MALFORMED_JSON,
        problem.UNAUTHENTICATED,
        problem.NOT_ACCEPTABLE,
        problem.UNAVAILABLE,
    ]
    if get:
        refusals += [problem.NOT_FOUND, problem.METHOD_NOT_ALLOWED]
    else:
        refusals += [problem.PAYLOAD_TOO_LARGE, problem.UNSUPPORTED_MEDIA_TYPE]
    answers: dict[str, dict[str, Any]] = {
        "200": {"description": "The operation's result.", "content": content},
        "429": {
            "description": "A budget of requests is spent (the caller's, the organisation's, or the address's after "
            "refused tokens) and nothing ran: one error with `extensions.code` `rate-limited`, as REST's "
            "`rate-limited` problem, with the `policy` spent and `retryAfter`.",
            "headers": RATE_LIMIT_HEADERS,
            "content": {"application/json": rate_limited, "application/graphql-response+json": rate_limited},
        },
    }
    return answers | {str(status): answer for status, answer in problems(*refusals).items()}


GRAPHQL_DESCRIPTION = (
    "The same use cases as REST, typed for front-end clients: the schema is `openapi/schema.graphql`. "
    "Send the bearer token as for REST. Mutations answer a union of their result and their expected "
    "failures (branch on `__typename`); other errors are in `errors`, each with `extensions.code`. "
    "A request refused before any operation runs (not JSON, a list of operations, no query) and an "
    "outage of the database are answered as REST answers them, with a problem."
)

EXTRA_PATHS: dict[str, dict[str, Any]] = {
    "/r/{code}": {
        "get": _follow(
            "followTrackedLink",
            "Follow a tracked link",
            "The address ambassadors post. Public (no token), never cached. The visit is counted, unless it "
            "comes from a bot, a link-preview crawler, a prefetch or the ambassador themself, and redirected.",
        ),
        "head": _follow(
            "checkTrackedLink",
            "Check a tracked link",
            "As GET, without counting the visit: what link checkers and previews see.",
        ),
    },
    "/graphql": {
        "get": {
            "tags": [GRAPHQL_TAG],
            "summary": "Run a GraphQL query, or open GraphiQL",
            "description": GRAPHQL_DESCRIPTION + " With GET, only queries run (never mutations); a browser "
            "asking for HTML without a query gets the GraphiQL page.",
            "operationId": "queryGraphql",
            "parameters": [
                {
                    "name": "query",
                    "in": "query",
                    "required": False,
                    "description": "The GraphQL document (a query).",
                    "schema": {"type": "string"},
                    "example": "{ me { subject } }",
                },
                {
                    "name": "variables",
                    "in": "query",
                    "required": False,
                    "description": "The variables, as a JSON object.",
                    "schema": {"type": "string"},
                },
                {
                    "name": "operationName",
                    "in": "query",
                    "required": False,
                    "description": "Which operation of the document to run.",
                    "schema": {"type": "string"},
                },
            ],
            "responses": _graphql_answers(get=True),
            "security": [{"HTTPBearer": []}],
        },
        "post": {
            "tags": [GRAPHQL_TAG],
            "summary": "Run a GraphQL operation",
            "description": GRAPHQL_DESCRIPTION,
            "operationId": "executeGraphql",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/GraphQLRequest"},
                        "example": {"query": "mutation { optIn { __typename } }"},
                    }
                },
            },
            "responses": _graphql_answers(get=False),
            "security": [{"HTTPBearer": []}],
        },
    },
}
