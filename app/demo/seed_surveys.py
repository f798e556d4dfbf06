"""Tell the surveys' and the idea box's part of the demo story (``app/demo/surveys_story.py``) through
the use cases."""

from __future__ import annotations

from app.demo.story_clock import StoryClock, at
from app.demo.surveys_story import IDEAS, SURVEYS, DemoIdea, DemoSurvey
from app.domain.community.surveys import SurveyFields
from app.domain.roster.identity import Principal, Role
from app.services.community.surveys import SurveysUseCases
from app.services.community.surveys.answer_survey import AnswerSurveyCommand
from app.services.community.surveys.ideas import DeclineIdeaCommand, IdeaDecisionCommand, SubmitIdeaCommand
from app.services.community.surveys.manage_surveys import SurveyTransitionCommand

MEMBER_ROLES = frozenset({Role.AMBASSADOR})


def _member(staff: Principal, slug: str) -> Principal:
    """A member by their roster slug; their token's subject is already linked to their employee."""
    return Principal(tenant_id=staff.tenant_id, subject=f"demo|{slug}", roles=MEMBER_ROLES)


async def tell_surveys(surveys: SurveysUseCases, story: StoryClock, staff: Principal) -> None:
    for survey in SURVEYS:
        await _survey(surveys, story, staff, survey)
    for idea in IDEAS:
        await _idea(surveys, story, staff, idea)


async def _survey(surveys: SurveysUseCases, story: StoryClock, staff: Principal, told: DemoSurvey) -> None:
    fields = SurveyFields(
        title=told.title,
        description=told.description,
        questions=told.questions,
        opens_at=at(story.present, told.opens),
        closes_at=at(story.present, told.closes),
        anonymous=told.anonymous,
    )
    story.go_to(told.opens - 1)
    survey = await surveys.create_survey(staff, fields)
    story.go_to(told.opens)
    await surveys.open_survey(staff, SurveyTransitionCommand(survey_id=survey.id))
    for answer in told.answers:
        story.go_to(answer.day)
        command = AnswerSurveyCommand(survey_id=survey.id, replies=answer.replies)
        await surveys.answer_survey(_member(staff, answer.member), command)
    if told.closed is not None:
        story.go_to(told.closed)
        await surveys.close_survey(staff, SurveyTransitionCommand(survey_id=survey.id))


async def _idea(surveys: SurveysUseCases, story: StoryClock, staff: Principal, told: DemoIdea) -> None:
    story.go_to(told.day)
    idea = await surveys.submit_idea(_member(staff, told.member), SubmitIdeaCommand(title=told.title, body=told.body))
    if told.decided is None:
        return
    story.go_to(told.decided)
    if told.declined_because is None:
        await surveys.accept_idea(staff, IdeaDecisionCommand(idea_id=idea.id))
    else:
        await surveys.decline_idea(staff, DeclineIdeaCommand(idea_id=idea.id, reason=told.declined_because))
