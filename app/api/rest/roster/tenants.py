"""/v1/tenants: organisations on the platform (operators only)."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.roster.mappers import tenant_out
from app.api.rest.roster.schemas import TenantCreate, TenantOut
from app.domain.roster.identity import PLATFORM_OPERATORS
from app.services.roster.create_tenant import CreateTenantCommand

router = APIRouter(prefix="/v1/tenants", tags=["tenants"], route_class=OperationRoute)


@router.post(
    "",
    dependencies=[allowed(PLATFORM_OPERATORS)],
    status_code=status.HTTP_201_CREATED,
    summary="Create an organisation",
    response_description="The organisation created; `Location` is its address.",
    responses=problems(problem.DUPLICATE_VALUE),
)
async def create_tenant(
    body: TenantCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> TenantOut:
    """Create an organisation (role `operator`, platform scope). Its slug is unique on the platform;
    tokens name the organisation they are issued for."""
    tenant = await services.roster.create_tenant(principal, CreateTenantCommand(slug=body.slug, name=body.name))
    response.headers["Location"] = f"/v1/tenants/{tenant.id}"
    return tenant_out(tenant)
