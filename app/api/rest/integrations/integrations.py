"""/v1/integrations: the roster sources admins register, their credentials and their delivery logs."""

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
from app.api.rest.integrations.mappers import delivery_out, integration_out, issued_out
from app.api.rest.integrations.schemas import (
    DeliveryOut,
    IntegrationCreate,
    IntegrationOut,
    IntegrationUpdate,
    IssuedIntegrationOut,
    RotationRequest,
)
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.integrations.integrations import OWNABLE_FIELDS
from app.services.integrations.manage_integrations import UpdateIntegrationCommand
from app.services.integrations.register_integration import INTEGRATION_ADMINS, RegisterIntegrationCommand

router = APIRouter(prefix="/v1/integrations", tags=["integrations"], route_class=OperationRoute)
ADMINS = [allowed(INTEGRATION_ADMINS)]


@router.post(
    "",
    dependencies=ADMINS,
    status_code=status.HTTP_201_CREATED,
    summary="Register an integration",
    response_description="The integration with its credential, shown this once; `Location` is its address.",
)
async def register_integration(
    body: IntegrationCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> IssuedIntegrationOut:
    """Register a roster source (admin): an HRIS sending signed webhooks (`hris_webhook`, with a Standard
    Webhooks secret `whsec_`...), an identity provider speaking SCIM (`scim`, with a bearer token) or a
    roster file (`file`, no credential). The credential is in the answer once and never again: Relais
    keeps webhook secrets encrypted and SCIM tokens as digests."""
    command = RegisterIntegrationCommand(
        kind=body.kind,
        name=body.name,
        key=body.key,
        owned_fields=body.owned_fields if body.owned_fields is not None else OWNABLE_FIELDS,
    )
    issued = await services.integrations.register_integration(principal, command)
    response.headers["Location"] = f"/v1/integrations/{issued.integration.id}"
    set_etag(response, issued.integration.version)
    return issued_out(issued)


@router.get("", dependencies=ADMINS, summary="List integrations")
async def list_integrations(principal: PrincipalDep, services: ServicesDep, page: PageDep) -> ItemPage[IntegrationOut]:
    """The organisation's integrations (admin), in the order registered; never a secret."""
    result = await services.integrations.list_integrations(principal, page)
    return ItemPage(
        items=[integration_out(item) for item in result.items], next_cursor=encode_cursor(result.next_after)
    )


@router.get(
    "/{integration_id}",
    dependencies=ADMINS,
    summary="Read an integration",
    responses=problems(problem.NOT_FOUND) | NOT_MODIFIED,
)
async def get_integration(
    integration_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> IntegrationOut:
    """One integration (admin) with its credentials' dates, never their secrets. Its `ETag` is the
    version to send in `If-Match` when changing it."""
    integration = await services.integrations.get_integration(principal, integration_id)
    return conditional(integration_out(integration), integration.version)


@router.patch(
    "/{integration_id}",
    dependencies=ADMINS,
    summary="Change an integration",
    responses=problems(problem.NOT_FOUND, problem.PRECONDITION_FAILED),
)
async def update_integration(
    integration_id: UUID,
    body: IntegrationUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> IntegrationOut:
    """Rename it or change the fields it owns (admin); fields left out stay. Honours If-Match."""
    command = UpdateIntegrationCommand(
        integration_id=integration_id,
        name=body.name,
        owned_fields=body.owned_fields,
        expected_version=expected_version,
    )
    integration = await services.integrations.update_integration(principal, command)
    set_etag(response, integration.version)
    return integration_out(integration)


@router.post(
    "/{integration_id}/rotate",
    dependencies=ADMINS,
    summary="Rotate an integration's credential",
    response_description="The integration with its new credential, shown this once.",
    responses=problems(problem.NOT_FOUND),
)
async def rotate_credential(
    integration_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    response: Response,
    body: Annotated[RotationRequest | None, Body()] = None,
) -> IssuedIntegrationOut:
    """Issue a new credential (admin). The ones valid until now keep working for `overlap_seconds`
    (24 hours by default; 0 ends them at once), so the sender can switch without losing a delivery;
    during the overlap a delivery signed with either secret is accepted. A file integration has no
    credential: the answer's `credential` is null."""
    overlap = timedelta(seconds=(body or RotationRequest()).overlap_seconds)
    issued = await services.integrations.rotate_credential(principal, integration_id, overlap)
    set_etag(response, issued.integration.version)
    return issued_out(issued)


@router.post(
    "/{integration_id}/revoke",
    dependencies=ADMINS,
    summary="Revoke an integration's credentials",
    responses=problems(problem.NOT_FOUND),
)
async def revoke_credentials(
    integration_id: UUID, principal: PrincipalDep, services: ServicesDep, response: Response
) -> IntegrationOut:
    """Every credential of the integration stops working at once (admin): deliveries signed with them are
    refused from now on. Rotate to issue a new one."""
    integration = await services.integrations.revoke_credentials(principal, integration_id)
    set_etag(response, integration.version)
    return integration_out(integration)


@router.get(
    "/{integration_id}/deliveries",
    dependencies=ADMINS,
    summary="List an integration's deliveries",
    responses=problems(problem.NOT_FOUND),
)
async def list_deliveries(
    integration_id: UUID, principal: PrincipalDep, services: ServicesDep, page: PageDep
) -> ItemPage[DeliveryOut]:
    """What each verified delivery did (admin), newest first: `applied`, `duplicate` (its webhook-id was
    processed before), `stale` (the source had told of a later change first) or `refused`, with the
    reason. Unverified deliveries are not logged here. Deliveries are kept 30 days."""
    result = await services.integrations.list_deliveries(principal, integration_id, page)
    return ItemPage(items=[delivery_out(item) for item in result.items], next_cursor=encode_cursor(result.next_after))
