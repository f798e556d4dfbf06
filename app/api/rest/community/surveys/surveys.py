"""/v1/surveys: staff write, open and close surveys and read their results; /v1/me/surveys: the surveys
an ambassador has to answer, and their answers."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.community.surveys.mappers import replies, results_out, survey_changes, survey_out
from app.api.rest.community.surveys.schemas import (
    AnswerCreate,
    AnswerOut,
    SurveyCreate,
    SurveyOut,
    SurveyResultsOut,
    SurveyUpdate,
)
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
from app.domain.community.surveys import Survey, SurveyFields, SurveyStatus
from app.services.community.surveys.access import AMBASSADORS, SURVEY_READERS, SURVEY_STAFF
from app.services.community.surveys.answer_survey import AnswerSurveyCommand
from app.services.community.surveys.manage_surveys import SurveyTransitionCommand, UpdateSurveyCommand

# Ambassadors read as members: a left membership or an unlinked account is refused.
_READ_AS_MEMBER = problems(problem.NOT_FOUND, *AS_MEMBER)
router = APIRouter(tags=["surveys"], route_class=OperationRoute)


def _answer(survey: Survey, response: Response) -> SurveyOut:
    body = survey_out(survey)
    set_etag(response, survey.version, body)
    return body


@router.post(
    "/v1/surveys",
    dependencies=[allowed(SURVEY_STAFF)],
    status_code=status.HTTP_201_CREATED,
    summary="Write a survey",
    response_description="The survey written, as a draft; `Location` is its address.",
)
async def create_survey(
    body: SurveyCreate, principal: PrincipalDep, services: ServicesDep, response: Response
) -> SurveyOut:
    """Write a survey as a draft (admin, manager): its questions, its audience (targeted as contents are),
    its window and whether it is anonymous. Open it to take answers."""
    survey = await services.surveys.create_survey(principal, SurveyFields(**survey_changes(body)))
    response.headers["Location"] = f"/v1/surveys/{survey.id}"
    return _answer(survey, response)


@router.get("/v1/surveys", dependencies=[allowed(SURVEY_READERS)], summary="List surveys")
async def list_surveys(
    principal: PrincipalDep, services: ServicesDep, page: PageDep, status: SurveyStatus | None = None
) -> ItemPage[SurveyOut]:
    """Every survey (admin, manager, analyst), oldest first, filtered by status."""
    result = await services.surveys.list_surveys(principal, status, page)
    return ItemPage(items=[survey_out(s) for s in result.items], next_cursor=encode_cursor(result.next_after))


@router.get(
    "/v1/me/surveys",
    dependencies=[allowed(AMBASSADORS)],
    summary="List the surveys you have to answer",
    responses=problems(*AS_MEMBER),
)
async def list_my_surveys(principal: PrincipalDep, services: ServicesDep, page: PageDep) -> ItemPage[SurveyOut]:
    """The surveys open to you now (ambassadors): open, inside their window, meant for you, not answered yet."""
    result = await services.surveys.list_my_surveys(principal, page)
    return ItemPage(items=[survey_out(s) for s in result.items], next_cursor=encode_cursor(result.next_after))


@router.get("/v1/surveys/{survey_id}", summary="Read a survey", responses=_READ_AS_MEMBER | NOT_MODIFIED)
async def get_survey(
    survey_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> SurveyOut:
    """One survey: staff and analysts read any; an ambassador one open to them now. Its `ETag` is the
    version for `If-Match`."""
    survey = await services.surveys.get_survey(principal, survey_id)
    return conditional(survey_out(survey), survey.version)


@router.patch(
    "/v1/surveys/{survey_id}",
    dependencies=[allowed(SURVEY_STAFF)],
    summary="Change a survey",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def update_survey(
    survey_id: UUID,
    body: SurveyUpdate,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> SurveyOut:
    """Change the fields sent (admin, manager), while the survey is a draft. Honours If-Match."""
    command = UpdateSurveyCommand(survey_id=survey_id, changes=survey_changes(body), expected_version=expected_version)
    return _answer(await services.surveys.update_survey(principal, command), response)


@router.post(
    "/v1/surveys/{survey_id}/open",
    dependencies=[allowed(SURVEY_STAFF)],
    summary="Open a survey",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION, problem.SURVEY_NOT_OPEN),
)
async def open_survey(
    survey_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> SurveyOut:
    """Open a draft to its audience (admin, manager): answers are taken inside its window. Refused once the
    window has ended. Honours If-Match."""
    command = SurveyTransitionCommand(survey_id=survey_id, expected_version=expected_version)
    return _answer(await services.surveys.open_survey(principal, command), response)


@router.post(
    "/v1/surveys/{survey_id}/close",
    dependencies=[allowed(SURVEY_STAFF)],
    summary="Close a survey",
    responses=problems(problem.NOT_FOUND, problem.INVALID_TRANSITION),
)
async def close_survey(
    survey_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> SurveyOut:
    """Close an open survey (admin, manager): it takes no more answers. Honours If-Match."""
    command = SurveyTransitionCommand(survey_id=survey_id, expected_version=expected_version)
    return _answer(await services.surveys.close_survey(principal, command), response)


@router.post(
    "/v1/surveys/{survey_id}/answers",
    dependencies=[allowed(AMBASSADORS)],
    status_code=status.HTTP_201_CREATED,
    summary="Answer a survey",
    response_description="Your answer, as stored.",
    responses=problems(
        problem.NOT_FOUND,
        problem.EMPLOYEE_NOT_LINKED,
        problem.NOT_AN_AMBASSADOR,
        problem.SURVEY_NOT_TARGETED,
        problem.SURVEY_NOT_OPEN,
        problem.SURVEY_ALREADY_ANSWERED,
    ),
)
async def answer_survey(
    survey_id: UUID, body: AnswerCreate, principal: PrincipalDep, services: ServicesDep
) -> AnswerOut:
    """Answer a survey meant for you, inside its window, once (ambassadors): one reply per question, a
    free text may be left out. An anonymous survey's answer keeps nothing that leads back to you."""
    command = AnswerSurveyCommand(survey_id=survey_id, replies=replies(body))
    answer = await services.surveys.answer_survey(principal, command)
    return AnswerOut(survey_id=answer.survey_id, answered_on=answer.answered_on, anonymous=answer.ambassador_id is None)


@router.get(
    "/v1/surveys/{survey_id}/results",
    dependencies=[allowed(SURVEY_READERS)],
    summary="Read a survey's results",
    responses=problems(problem.NOT_FOUND),
)
async def get_survey_results(survey_id: UUID, principal: PrincipalDep, services: ServicesDep) -> SurveyResultsOut:
    """Each question's figures (admin, manager, analyst): average and spread of scores, the NPS, counts per
    option, free texts without names. Below five answers nothing is shown (`withheld`, with the reason);
    a question replied to fewer than five times is withheld alone."""
    return results_out(await services.surveys.get_survey_results(principal, survey_id))
