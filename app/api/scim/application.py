"""SCIM 2.0 at /scim/v2, served by scim2-server over the SCIM use cases: its own routes, errors in SCIM's
format (``application/scim+json``), and a bearer token that names the integration and so the tenant."""

from __future__ import annotations

from typing import Any

from scim2_models import (
    Context,
    ForbiddenException,
    InvalidValueException,
    NotFoundException,
    PreconditionFailedException,
    Resource,
    ResponseParameters,
    SCIMException,
    UnauthorizedException,
    UniquenessException,
)
from scim2_server.applications.asgi import ASGIApplication, Receive, Scope, Send
from scim2_server.requests import ScimRequest
from scim2_server.responses import ScimResponse
from scim2_server.service import ScimService

from app.api.rest.guards import BodyTooLarge
from app.api.runtime import Runtime
from app.api.scim.models import scim_provider
from app.api.scim.refusals import send_too_large
from app.api.scim.storage import CALLER, SERVICES, ScimStorage
from app.domain.errors import (
    DomainError,
    DuplicateValue,
    Forbidden,
    NotFound,
    PreconditionFailed,
    Unauthenticated,
    Unavailable,
    ValidationFailed,
)


class ServiceUnavailableException(SCIMException):
    """The database does not answer: nothing in the request is to blame (RFC 7644 §3.12 lists 5xx)."""

    status = 503


def scim_error(error: DomainError) -> SCIMException:
    """A refusal of the use cases as SCIM says it (a conflict other than a taken userName is a bad value)."""
    detail = str(error.detail)
    if isinstance(error, ValidationFailed) and error.errors:
        detail += " " + "; ".join(f"{'.'.join(map(str, e.loc))}: {e.message}" for e in error.errors)
    kinds: list[tuple[type[DomainError], type[SCIMException]]] = [
        (Unauthenticated, UnauthorizedException),
        (Forbidden, ForbiddenException),
        (NotFound, NotFoundException),
        (DuplicateValue, UniquenessException),
        (PreconditionFailed, PreconditionFailedException),
    ]
    kinds.append((Unavailable, ServiceUnavailableException))
    kind = next((scim for domain, scim in kinds if isinstance(error, domain)), InvalidValueException)
    return kind(detail=detail)


class RelaisScimService(ScimService):
    def patch_response(
        self, base_url: str, resource: Resource[Any], response_parameters: ResponseParameters[Any]
    ) -> ScimResponse:
        """The patched resource, always (200): Okta reads it back, where RFC 7644 would allow an empty 204."""
        published = self.publish(base_url, resource)
        return self.resource_response(published, Context.RESOURCE_REPLACEMENT_RESPONSE, response_parameters)


class ScimApplication(ASGIApplication):
    def __init__(self) -> None:
        provider = scim_provider()
        super().__init__(ScimStorage(), provider, RelaisScimService(provider))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            runtime: Runtime = scope["state"]["runtime"]
            SERVICES.set(runtime.services)
        try:
            await super().__call__(scope, receive, send)
        except BodyTooLarge as refused:
            # A streamed body passed the guard's limit while scim2-server read it.
            await send_too_large(refused.max_bytes, send)

    async def dispatch_request(self, request: ScimRequest) -> ScimResponse:
        if self.needs_auth(request):
            header = request.header("Authorization") or ""
            scheme, _, token = header.partition(" ")
            CALLER.set(await SERVICES.get().scim.authenticate(token.strip() if scheme.lower() == "bearer" else None))
        return await self.handler.handle(request)

    def handle_exception(self, request: ScimRequest, exception: Exception) -> ScimResponse:
        if isinstance(exception, DomainError):
            exception = scim_error(exception)
        return super().handle_exception(request, exception)

    def finalize_response(self, request: ScimRequest, response: ScimResponse) -> ScimResponse:
        response = super().finalize_response(request, response)
        if int(response.status) == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="scim"'
        return response
