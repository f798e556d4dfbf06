"""/v1/charter: the programme's guidelines, their versions, and ambassadors' acceptance."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import NOT_MODIFIED, ConditionalReadDep, PageDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.programme.charter_schemas import CharterAcceptance, CharterVersionCreate, CharterVersionOut
from app.api.rest.programme.mappers import charter_version_out
from app.api.rest.roster.mappers import ambassador_out
from app.api.rest.roster.schemas import AmbassadorOut
from app.domain.roster.identity import Role
from app.services.programme.publish_charter_version import PublishCharterVersionCommand

router = APIRouter(tags=["charter"], route_class=OperationRoute)


@router.get(
    "/v1/charter",
    summary="Read the charter in force",
    responses=problems(problem.CHARTER_NOT_PUBLISHED) | NOT_MODIFIED,
)
async def get_charter(
    principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> CharterVersionOut:
    """The version in force, which ambassadors accept before they share (anyone of the organisation).
    404 `charter-not-published` until a first version is published. A version never changes once
    published: the ETag names the version in force."""
    version = await services.programme.get_charter(principal)
    return conditional(charter_version_out(version), version.number)


@router.get("/v1/charter/versions", summary="List the charter's versions")
async def list_charter_versions(
    principal: PrincipalDep, services: ServicesDep, page: PageDep
) -> ItemPage[CharterVersionOut]:
    """Every published version, oldest first, so that changes can be followed in order (anyone of the
    organisation)."""
    result = await services.programme.list_charter_versions(principal, page)
    return ItemPage(items=[charter_version_out(v) for v in result.items], next_cursor=encode_cursor(result.next_after))


@router.post(
    "/v1/charter/versions",
    dependencies=[allowed({Role.ADMIN})],
    status_code=status.HTTP_201_CREATED,
    summary="Publish a new charter version",
    response_description="The version published, now in force.",
    responses=problems(problem.DUPLICATE_VALUE),
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


@router.post(
    "/v1/me/charter-acceptance",
    tags=["me"],
    summary="Accept the charter in force",
    responses=problems(*AS_MEMBER, problem.CHARTER_VERSION_NOT_CURRENT),
)
async def accept_charter(
    body: CharterAcceptance, principal: PrincipalDep, services: ServicesDep, response: Response
) -> AmbassadorOut:
    """Accept the charter in force, naming the version you read; 409 `charter-version-not-current`
    for any other version. Accepting it again changes nothing. Invited employees may accept before
    opting in; members who left opt in again first."""
    ambassador = await services.programme.accept_charter(principal, body.charter_version)
    set_etag(response, ambassador.version)
    return ambassador_out(ambassador)
