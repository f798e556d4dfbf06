"""Problems of the HTTP exchange itself (answered before any use case runs, or instead of one),
and the generic type each status stands for when no more specific one applies."""

from __future__ import annotations

from uuid import UUID

from app.api.graphql import errors as gql
from app.api.problem_types.problem_type import Sample, of_error, of_request
from app.api.rate_limits import CALLER
from app.api.rest.problem_members import FieldErrors, NotReady, ReadinessChecks, SpentBudget
from app.domain import errors as domain
from app.domain.messages import Message

_ID = UUID("0196a3c2-5b7e-7d41-9a0e-3f2b8c1d4e5f")
_INVALID = domain.FieldError(("email",), "Give a valid e-mail address, such as ada@example.com.")

MALFORMED_JSON = of_request(
    "malformed-json",
    400,
    "Malformed JSON",
    means="The request body is not strict JSON in UTF-8, or goes beyond what any operation reads.",
    fix="Send a well-formed JSON document in UTF-8: check quotes, commas and brackets; no `NaN` or `Infinity`, "
    "no lone surrogate escape, at most 32 levels of nesting and numbers of at most 100 characters. `detail` "
    "says which.",
    example=Sample("The request body is not valid JSON."),
)
BAD_REQUEST = of_request(
    "bad-request",
    400,
    "Bad request",
    means="The request could not be read, for example a body that stops before its announced length.",
    fix="Check the request line, headers and body against the operation's description, then send it again.",
    example=Sample("There was an error parsing the body"),
)
METHOD_NOT_ALLOWED = of_request(
    "method-not-allowed",
    405,
    "Method not allowed",
    means="The path exists but does not answer this method.",
    fix="Use one of the methods the `Allow` header of the answer lists.",
    example=Sample("DELETE is not allowed on /v1/settings."),
)
NOT_ACCEPTABLE = of_request(
    "not-acceptable",
    406,
    "Not acceptable",
    means="The `Accept` header allows none of the media types the operation answers in.",
    fix="Accept `application/json` (and `application/problem+json` for problems), or send no `Accept` header.",
    example=Sample(
        "This answers in application/json, application/problem+json; the Accept header allows none of them."
    ),
)
PAYLOAD_TOO_LARGE = of_request(
    "payload-too-large",
    413,
    "Body too large",
    means="The request body is larger than this deployment accepts (`RELAIS_MAX_BODY_BYTES`).",
    fix="Send a smaller body: split a large batch into several requests.",
    example=Sample("The request body exceeds 1048576 bytes."),
)
HEADERS_TOO_LARGE = of_request(
    "headers-too-large",
    431,
    "Headers too large",
    means="The request line and headers together are larger than this deployment reads "
    "(`RELAIS_MAX_HEADER_BYTES`); the connection is closed after the answer.",
    fix="Send fewer or shorter headers (cookies, long custom headers) or a shorter address, on a new connection.",
    example=Sample("The request line and headers exceed 32768 bytes."),
)
UNSUPPORTED_MEDIA_TYPE = of_request(
    "unsupported-media-type",
    415,
    "Body is not JSON",
    means="The request has a body that is not announced as JSON.",
    fix="Send the body as JSON with `Content-Type: application/json`.",
    example=Sample("Send the body as application/json, not text/plain."),
)
INTERNAL_ERROR = of_request(
    "internal-error",
    500,
    "Internal error",
    means="Something failed on the server; nothing in the request is to blame, and nothing was half-written.",
    fix="Retry later. If it persists, report it with the `X-Request-ID` of the answer.",
    example=Sample("Something went wrong on our side. Retry later, quoting the X-Request-ID of this response."),
)
NOT_READY = of_request(
    "not-ready",
    503,
    "Not ready",
    means="This instance cannot serve traffic: its database does not answer or its schema is not migrated.",
    fix="Operators: check the database and run `relais db upgrade`; the load balancer sends traffic elsewhere.",
    example=Sample(
        "The database schema is not at the latest migration.",
        NotReady(checks=ReadinessChecks(database=True, schema_current=False)),
    ),
)

DOMAIN_ERROR = of_error(
    domain.DomainError,
    400,
    "Request refused",
    means="A rule refused the request and no more specific type applies.",
    fix="Read `detail`: it says what to change.",
    example=domain.DomainError("This request cannot be carried out as sent."),
)
UNAUTHENTICATED = of_error(
    domain.Unauthenticated,
    401,
    "Not authenticated",
    means="The access token is missing, malformed, expired, or was not issued for this API.",
    fix="Get a fresh access token from your organisation's issuer and send it as `Authorization: Bearer <token>`.",
    example=domain.Unauthenticated("The access token has expired."),
)
FORBIDDEN = of_error(
    domain.Forbidden,
    403,
    "Forbidden",
    means="The token's roles, or the organisation it was issued for, do not allow this action.",
    fix="Use a token with one of the roles `detail` names, issued for your organisation.",
    example=domain.Forbidden("This action needs one of the roles: admin, manager."),
    graphql=gql.FORBIDDEN,
)
NOT_FOUND = of_error(
    domain.NotFound,
    404,
    "Not found",
    means="Nothing with this id exists in your organisation, or nothing answers at this path.",
    fix="Check the id and the path. Records of other organisations read as missing.",
    example=domain.NotFound("employee", _ID),
    graphql=gql.NOT_FOUND,
)
CONFLICT = of_error(
    domain.Conflict,
    409,
    "Conflict",
    means="The request conflicts with the current state of the resource.",
    fix="Read the resource again, then decide whether to retry.",
    example=domain.Conflict("This request conflicts with the current state of the resource."),
)
GONE = of_error(
    domain.Gone,
    410,
    "Gone",
    means="The resource existed and was withdrawn for good.",
    fix="Stop using it; nothing will bring it back.",
    example=domain.Gone("This resource was withdrawn."),
)
PRECONDITION_FAILED = of_error(
    domain.PreconditionFailed,
    412,
    "Stale version",
    means="`If-Match` names a version other than the current one: the resource changed since you read it.",
    fix="Read the resource again, re-apply your change to it and send its new `ETag` in `If-Match`.",
    example=domain.PreconditionFailed(
        "This resource changed since you read it (version 4, you sent 3); read it again and retry with the new ETag."
    ),
    graphql=gql.PRECONDITION_FAILED,
)
VALIDATION_FAILED = of_error(
    domain.ValidationFailed,
    422,
    "Invalid request",
    means="Some values of the request are not valid; `errors` lists each one.",
    fix="Correct every value `errors` lists: its `loc` says where it is, its `message` what to change.",
    example=domain.ValidationFailed("The employee is not valid.", [_INVALID]),
    rest=FieldErrors.of,
    graphql=gql.VALIDATION,
)
RATE_LIMITED = of_error(
    domain.RateLimited,
    429,
    "Too many requests",
    means="A budget of requests is spent: the caller's, their organisation's, or their address's (for requests "
    "without a valid token and for visits to tracked links); `policy` names it. Nothing was done.",
    fix="Wait `retry_after` seconds (the `Retry-After` header), then retry. Pace requests by the `RateLimit` "
    "header, which every counted answer carries: what remains of each budget and when it is full again.",
    example=domain.RateLimited(
        Message(CALLER, amount=1200, window=60, retry_after=42), policy="caller-60s", retry_after=42
    ),
    rest=SpentBudget.of,
)
UNAVAILABLE = of_error(
    domain.Unavailable,
    503,
    "Unavailable",
    means="The service cannot reach its database at the moment; nothing in the request is to blame.",
    fix="Retry after the number of seconds `Retry-After` gives, with the same request. If it lasts, "
    "operators: check the database and the logs, which name the cause of each failure.",
    example=domain.Unavailable("ConnectionRefusedError: Connect call failed ('10.0.0.5', 5432)"),
)
