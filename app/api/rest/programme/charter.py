"""/v1/charter: the programme's guidelines, their versions, and ambassadors' acceptance."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import NOT_MODIFIED, ConditionalReadDep, PageDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.openapi import problems
from app.api.rest.programme.mappers import charter_version_out
from app.api.rest.programme.schemas import CharterAcceptance, CharterVersionCreate, CharterVersionOut
from app.api.rest.roster.mappers import ambassador_out
from app.api.rest.roster.schemas import AmbassadorOut
from app.services.programme.publish_charter_version import PublishCharterVersionCommand

router = APIRouter(tags=["charter"])


@router.get("/v1/charter", responses=problems(404) | NOT_MODIFIED)
async def get_charter(
    principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> CharterVersionOut:
    """The version in force. 404 `charter-not-published` until a first version is published. A
    version never changes once published: the ETag names the version in force."""
    version = await services.programme.get_charter(principal)
    return conditional(charter_version_out(version), version.number)


@router.get("/v1/charter/versions", responses=problems())
async def list_charter_versions(
    principal: PrincipalDep, services: ServicesDep, page: PageDep
) -> ItemPage[CharterVersionOut]:
    """Every published version, oldest first."""
    result = await services.programme.list_charter_versions(principal, page)
    return ItemPage(items=[charter_version_out(v) for v in result.items], next_cursor=encode_cursor(result.next_after))


@router.post(
    "/v1/charter/versions",
    status_code=status.HTTP_201_CREATED,
    responses=problems(409, 413, 415),
)
async def publish_charter_version(
    body: CharterVersionCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> CharterVersionOut:
    """Publish the next version (admin). It is in force at once: every ambassador must accept it again."""
    command = PublishCharterVersionCommand(title=body.title, body=body.body, summary=body.summary)
    version = await services.programme.publish_charter_version(principal, command)
    response.headers["Location"] = "/v1/charter"
    set_etag(response, version.number)
    return charter_version_out(version)


@router.post("/v1/me/charter-acceptance", tags=["me"], responses=problems(409, 413, 415))
async def accept_charter(
    body: CharterAcceptance, principal: PrincipalDep, services: ServicesDep, response: Response
) -> AmbassadorOut:
    """Accept the charter in force; 409 `charter-version-not-current` for any other version."""
    ambassador = await services.programme.accept_charter(principal, body.charter_version)
    set_etag(response, ambassador.version)
    return ambassador_out(ambassador)
