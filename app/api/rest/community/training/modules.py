"""/v1/training-modules: training modules (staff write them; ambassadors follow the published ones)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.community.training.mappers import module_changes, module_fields, module_out
from app.api.rest.community.training.schemas import ModuleCreate, ModuleOut, ModuleUpdate
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
from app.domain.community.training import ModuleStatus, TrainingModule
from app.services.community.training.access import TRAINING_STAFF, is_staff
from app.services.community.training.modules import ModuleTransitionCommand, UpdateModuleCommand

router = APIRouter(prefix="/v1/training-modules", tags=["training"], route_class=OperationRoute)


def _answer(module: TrainingModule, response: Response) -> ModuleOut:
    body = module_out(module, with_answers=True)
    set_etag(response, module.version, body)
    return body


@router.post(
    "",
    dependencies=[allowed(TRAINING_STAFF)],
    status_code=status.HTTP_201_CREATED,
    summary="Write a training module",
    response_description="The draft written; `Location` is its address.",
)
async def create_module(
    body: ModuleCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> ModuleOut:
    """Write a draft (admin, manager): ordered lessons in Markdown with https links and video, and an optional
    quiz whose questions name their right choices, with a pass mark in percent."""
    module = await services.training.create_module(principal, module_fields(body))
    response.headers["Location"] = f"/v1/training-modules/{module.id}"
    return _answer(module, response)


@router.get("", summary="List training modules")
async def list_modules(
    principal: PrincipalDep, services: ServicesDep, page: PageDep, status: ModuleStatus | None = None
) -> ItemPage[ModuleOut]:
    """Staff (admin, manager) page through every module, filtered by status; ambassadors through the published
    ones, without the quiz's right answers."""
    result = await services.training.list_modules(principal, status, page)
    staff = is_staff(principal)
    return ItemPage(
        items=[module_out(m, with_answers=staff) for m in result.items], next_cursor=encode_cursor(result.next_after)
    )


@router.get("/{module_id}", summary="Read a training module", responses=problems(problem.NOT_FOUND) | NOT_MODIFIED)
async def get_module(
    module_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> ModuleOut:
    """One module: staff read any, with the quiz's right answers; ambassadors the published ones, without them.
    Its `ETag` is the version for `If-Match`."""
    module = await services.training.get_module(principal, module_id)
    return conditional(module_out(module, with_answers=is_staff(principal)), module.version, shows_more=True)


@router.patch(
    "/{module_id}",
    dependencies=[allowed(TRAINING_STAFF)],
    summary="Change a training module",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def update_module(
    module_id: UUID,
    body: ModuleUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> ModuleOut:
    """Change the fields sent (admin, manager); a published module keeps its lessons and quiz, an archived one
    is frozen. Honours If-Match."""
    command = UpdateModuleCommand(module_id=module_id, changes=module_changes(body), expected_version=expected_version)
    return _answer(await services.training.update_module(principal, command), response)


@router.post(
    "/{module_id}/publish",
    dependencies=[allowed(TRAINING_STAFF)],
    summary="Publish a training module",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def publish_module(
    module_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> ModuleOut:
    """Offer a draft to ambassadors (admin, manager); its lessons and quiz are fixed from then. Honours If-Match."""
    command = ModuleTransitionCommand(module_id=module_id, expected_version=expected_version)
    return _answer(await services.training.publish_module(principal, command), response)


@router.post(
    "/{module_id}/archive",
    dependencies=[allowed(TRAINING_STAFF)],
    summary="Archive a training module",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def archive_module(
    module_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> ModuleOut:
    """Withdraw it (admin, manager): no longer offered nor required before sharing; completions stay.
    Honours If-Match."""
    command = ModuleTransitionCommand(module_id=module_id, expected_version=expected_version)
    return _answer(await services.training.archive_module(principal, command), response)
