"""/v1/ideas: the idea box. Ambassadors suggest topics (and read theirs at /v1/me/ideas); staff accept
one (it becomes a draft content in its author's name) or decline it with a reason."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.community.surveys.idea_schemas import IdeaCreate, IdeaDecline, IdeaOut
from app.api.rest.community.surveys.mappers import idea_out
from app.api.rest.deps import (
    NOT_MODIFIED,
    ConditionalReadDep,
    ExpectedVersionDep,
    PageDep,
    PrincipalDep,
    ServicesDep,
    set_etag,
)
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.community.ideas import Idea, IdeaStatus
from app.services.community.surveys.access import AMBASSADORS, IDEA_STAFF
from app.services.community.surveys.ideas import DeclineIdeaCommand, IdeaDecisionCommand, SubmitIdeaCommand

# Ambassadors read as members: a left membership or an unlinked account is refused.
_READ_AS_MEMBER = problems(problem.NOT_FOUND, *AS_MEMBER)
router = APIRouter(tags=["ideas"], route_class=OperationRoute)
_DECISION_PROBLEMS = (problem.NOT_FOUND, problem.IDEA_ALREADY_DECIDED)


def _answer(idea: Idea, response: Response) -> IdeaOut:
    body = idea_out(idea)
    set_etag(response, idea.version, body)
    return body


@router.post(
    "/v1/ideas",
    dependencies=[allowed(AMBASSADORS)],
    status_code=status.HTTP_201_CREATED,
    summary="Suggest an idea",
    response_description="The idea, pending; `Location` is its address.",
    responses=problems(*AS_MEMBER),
)
async def submit_idea(body: IdeaCreate, principal: PrincipalDep, services: ServicesDep, response: Response) -> IdeaOut:
    """Suggest a topic (ambassadors); staff accept or decline it, and you read their decision on it."""
    command = SubmitIdeaCommand(title=body.title, body=body.body)
    idea = await services.surveys.submit_idea(principal, command)
    response.headers["Location"] = f"/v1/ideas/{idea.id}"
    return _answer(idea, response)


@router.get("/v1/ideas", dependencies=[allowed(IDEA_STAFF)], summary="List ideas")
async def list_ideas(
    principal: PrincipalDep, services: ServicesDep, page: PageDep, status: IdeaStatus | None = None
) -> ItemPage[IdeaOut]:
    """Every idea (admin, manager), oldest first, filtered by status: `pending` is what awaits a decision."""
    result = await services.surveys.list_ideas(principal, status, page)
    return ItemPage(items=[idea_out(i) for i in result.items], next_cursor=encode_cursor(result.next_after))


@router.get(
    "/v1/me/ideas",
    dependencies=[allowed(AMBASSADORS)],
    summary="List your ideas",
    responses=problems(*AS_MEMBER),
)
async def list_my_ideas(
    principal: PrincipalDep, services: ServicesDep, page: PageDep, status: IdeaStatus | None = None
) -> ItemPage[IdeaOut]:
    """Your own ideas (ambassadors), oldest first, with the decision on each."""
    result = await services.surveys.list_my_ideas(principal, status, page)
    return ItemPage(items=[idea_out(i) for i in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/v1/ideas/{idea_id}", summary="Read an idea", responses=_READ_AS_MEMBER | NOT_MODIFIED)
async def get_idea(
    idea_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> IdeaOut:
    """One idea: staff read any; an ambassador their own. Its `ETag` is the version for `If-Match`."""
    idea = await services.surveys.get_idea(principal, idea_id)
    return conditional(idea_out(idea), idea.version)


@router.post(
    "/v1/ideas/{idea_id}/accept",
    dependencies=[allowed(IDEA_STAFF)],
    summary="Accept an idea",
    responses=problems(*_DECISION_PROBLEMS),
)
async def accept_idea(
    idea_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> IdeaOut:
    """Accept a pending idea (admin, manager): it becomes a draft content, written in its author's name, that
    `content_id` names; edit it and send it to review as any draft. Honours If-Match."""
    command = IdeaDecisionCommand(idea_id=idea_id, expected_version=expected_version)
    return _answer(await services.surveys.accept_idea(principal, command), response)


@router.post(
    "/v1/ideas/{idea_id}/decline",
    dependencies=[allowed(IDEA_STAFF)],
    summary="Decline an idea",
    responses=problems(*_DECISION_PROBLEMS),
)
async def decline_idea(
    idea_id: UUID,
    body: IdeaDecline,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> IdeaOut:
    """Decline a pending idea with a reason its author reads (admin, manager). Honours If-Match."""
    command = DeclineIdeaCommand(idea_id=idea_id, reason=body.reason, expected_version=expected_version)
    return _answer(await services.surveys.decline_idea(principal, command), response)
