"""/v1/settings: the programme's rules, one document per organisation."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.api.rest.deps import NOT_MODIFIED, ConditionalReadDep, ExpectedVersionDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.programme.mappers import settings_out
from app.api.rest.programme.schemas import SettingsOut, SettingsUpdate
from app.domain.roster.identity import Role
from app.services.programme.update_settings import UpdateSettingsCommand

router = APIRouter(prefix="/v1/settings", tags=["settings"], route_class=OperationRoute)


@router.get("", summary="Read the programme settings", responses=NOT_MODIFIED)
async def get_settings(principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep) -> SettingsOut:
    """The programme settings (admin, manager, moderator, analyst); the defaults until first saved.
    Its `ETag` is the version to send in `If-Match` when changing them."""
    settings = await services.programme.get_settings(principal)
    return conditional(settings_out(settings), settings.version)


@router.patch("", summary="Change the programme settings", dependencies=[allowed({Role.ADMIN})])
async def update_settings(
    body: SettingsUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> SettingsOut:
    """Change the fields sent (admin); a list or map sent replaces the stored one as a whole.
    Honours If-Match; every invalid field is listed in `errors`."""
    command = UpdateSettingsCommand(changes=body.changes(), expected_version=expected_version)
    settings = await services.programme.update_settings(principal, command)
    set_etag(response, settings.version)
    return settings_out(settings)
