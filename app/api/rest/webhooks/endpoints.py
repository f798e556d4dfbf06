"""/v1/webhook-endpoints: receivers admins register for the organisation's events, their secrets,
their delivery logs, replays and test pings."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import (
    NOT_MODIFIED,
    ConditionalReadDep,
    ExpectedVersionDep,
    PageDep,
    PrincipalDep,
    ServicesDep,
    set_etag,
)
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.webhooks.mappers import delivery_out, endpoint_out, issued_out
from app.api.rest.webhooks.schemas import (
    DeliveryOut,
    EndpointCreate,
    EndpointOut,
    EndpointUpdate,
    IssuedEndpointOut,
    ReplayedOut,
    ReplayRequest,
    RotationRequest,
)
from app.services.webhooks.endpoint_use_cases import WEBHOOK_ADMINS, RegisterEndpointCommand, UpdateEndpointCommand

router = APIRouter(prefix="/v1/webhook-endpoints", tags=["webhooks"], route_class=OperationRoute)
ADMINS = [allowed(WEBHOOK_ADMINS)]


@router.post(
    "",
    dependencies=ADMINS,
    status_code=status.HTTP_201_CREATED,
    summary="Register a webhook endpoint",
    response_description="The endpoint with its secret, shown this once; `Location` is its address.",
    responses=problems(problem.WEBHOOK_URL_REFUSED),
)
async def register_webhook_endpoint(
    body: EndpointCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> IssuedEndpointOut:
    """Register a receiver for the organisation's events (admin). Each event of a wanted type is POSTed
    to it, signed as Standard Webhooks says (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with
    the secret in the answer, shown this once. A URL that is not https, or whose host resolves to a
    loopback, private, link-local or metadata address, is refused."""
    command = RegisterEndpointCommand(
        url=body.url, event_types=body.event_types, description=body.description, enabled=body.enabled
    )
    issued = await services.webhooks.register_endpoint(principal, command)
    response.headers["Location"] = f"/v1/webhook-endpoints/{issued.endpoint.id}"
    set_etag(response, issued.endpoint.version)
    return issued_out(issued)


@router.get("", dependencies=ADMINS, summary="List webhook endpoints")
async def list_webhook_endpoints(
    principal: PrincipalDep, services: ServicesDep, page: PageDep
) -> ItemPage[EndpointOut]:
    """The organisation's webhook endpoints (admin), in the order registered; never a secret."""
    result = await services.webhooks.list_endpoints(principal, page)
    return ItemPage(items=[endpoint_out(item) for item in result.items], next_cursor=encode_cursor(result.next_after))


@router.get(
    "/{endpoint_id}",
    dependencies=ADMINS,
    summary="Read a webhook endpoint",
    responses=problems(problem.NOT_FOUND) | NOT_MODIFIED,
)
async def get_webhook_endpoint(
    endpoint_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> EndpointOut:
    """One endpoint (admin), its secrets' dates but never their values. Its `ETag` is the version to send
    in `If-Match` when changing it."""
    endpoint = await services.webhooks.get_endpoint(principal, endpoint_id)
    return conditional(endpoint_out(endpoint), endpoint.version)


@router.patch(
    "/{endpoint_id}",
    dependencies=ADMINS,
    summary="Change a webhook endpoint",
    responses=problems(problem.NOT_FOUND, problem.PRECONDITION_FAILED, problem.WEBHOOK_URL_REFUSED),
)
async def update_webhook_endpoint(
    endpoint_id: UUID,
    body: EndpointUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> EndpointOut:
    """Change its URL, the events it wants, its description, or enable or disable it (admin); fields left
    out stay. Enabling an endpoint disabled for its failures resumes its pending deliveries. Honours If-Match."""
    command = UpdateEndpointCommand(
        endpoint_id=endpoint_id,
        url=body.url,
        event_types=body.event_types,
        description=body.description,
        enabled=body.enabled,
        expected_version=expected_version,
    )
    endpoint = await services.webhooks.update_endpoint(principal, command)
    set_etag(response, endpoint.version)
    return endpoint_out(endpoint)


@router.delete(
    "/{endpoint_id}",
    dependencies=ADMINS,
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a webhook endpoint",
    response_description="The endpoint is deleted with its delivery log; nothing more is sent to it.",
    responses=problems(problem.NOT_FOUND, problem.PRECONDITION_FAILED),
)
async def delete_webhook_endpoint(
    endpoint_id: UUID, principal: PrincipalDep, services: ServicesDep, expected_version: ExpectedVersionDep
) -> None:
    """Delete an endpoint (admin) and its delivery log. Honours If-Match."""
    await services.webhooks.delete_endpoint(principal, endpoint_id, expected_version)


@router.post(
    "/{endpoint_id}/rotate-secret",
    dependencies=ADMINS,
    summary="Rotate a webhook endpoint's secret",
    response_description="The endpoint with its new secret, shown this once.",
    responses=problems(problem.NOT_FOUND),
)
async def rotate_webhook_secret(
    endpoint_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    response: Response,
    body: Annotated[RotationRequest | None, Body()] = None,
) -> IssuedEndpointOut:
    """Issue a new secret (admin). The secrets valid until now keep signing for `overlap_seconds` (24 hours
    by default; 0 ends them at once): meanwhile every delivery carries one signature per secret in
    `webhook-signature`, so the receiver may switch to the new secret at any moment of the overlap."""
    overlap = timedelta(seconds=(body or RotationRequest()).overlap_seconds)
    issued = await services.webhooks.rotate_secret(principal, endpoint_id, overlap)
    set_etag(response, issued.endpoint.version)
    return issued_out(issued)


@router.get(
    "/{endpoint_id}/deliveries",
    dependencies=ADMINS,
    summary="List a webhook endpoint's deliveries",
    responses=problems(problem.NOT_FOUND),
)
async def list_webhook_deliveries(
    endpoint_id: UUID, principal: PrincipalDep, services: ServicesDep, page: PageDep
) -> ItemPage[DeliveryOut]:
    """The endpoint's deliveries (admin), newest first, each with every attempt: when, the receiver's
    status, the latency and the error."""
    result = await services.webhooks.list_deliveries(principal, endpoint_id, page)
    return ItemPage(items=[delivery_out(item) for item in result.items], next_cursor=encode_cursor(result.next_after))


@router.get(
    "/{endpoint_id}/deliveries/{delivery_id}",
    dependencies=ADMINS,
    summary="Read a webhook delivery",
    responses=problems(problem.NOT_FOUND),
)
async def get_webhook_delivery(
    endpoint_id: UUID, delivery_id: UUID, principal: PrincipalDep, services: ServicesDep
) -> DeliveryOut:
    """One delivery (admin) with its attempts, newest first."""
    return delivery_out(await services.webhooks.get_delivery(principal, endpoint_id, delivery_id))


@router.post(
    "/{endpoint_id}/deliveries/{delivery_id}/replay",
    dependencies=ADMINS,
    summary="Replay a webhook delivery",
    responses=problems(problem.NOT_FOUND),
)
async def replay_webhook_delivery(
    endpoint_id: UUID, delivery_id: UUID, principal: PrincipalDep, services: ServicesDep
) -> DeliveryOut:
    """Send a delivery again (admin): due now, with the whole retry schedule ahead of it. It keeps its
    `webhook-id` and body, so a receiver that had it already can tell."""
    return delivery_out(await services.webhooks.replay_delivery(principal, endpoint_id, delivery_id))


@router.post(
    "/{endpoint_id}/replay",
    dependencies=ADMINS,
    summary="Replay a webhook endpoint's deliveries since an instant",
    responses=problems(problem.NOT_FOUND),
)
async def replay_webhook_deliveries(
    endpoint_id: UUID, body: ReplayRequest, principal: PrincipalDep, services: ServicesDep
) -> ReplayedOut:
    """Send again every delivery to the endpoint made since `since` (admin), after an outage of the
    receiver, each as a replay of one does."""
    return ReplayedOut(replayed=await services.webhooks.replay_deliveries(principal, endpoint_id, body.since))


@router.post(
    "/{endpoint_id}/ping",
    dependencies=ADMINS,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Send a test ping to a webhook endpoint",
    response_description="The ping's delivery, due now; its log shows what the receiver answered.",
    responses=problems(problem.NOT_FOUND),
)
async def ping_webhook_endpoint(endpoint_id: UUID, principal: PrincipalDep, services: ServicesDep) -> DeliveryOut:
    """Send a signed `webhook_endpoint.pinged` event to this endpoint alone (admin), whatever events it
    wants; the worker delivers it like any other and logs the attempt."""
    return delivery_out(await services.webhooks.ping_endpoint(principal, endpoint_id))
