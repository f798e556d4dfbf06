"""Surveys' and ideas' use cases on the in-memory fakes: who may do what, answering once, refusals that
write nothing, and an accepted idea becoming a draft content in its author's name."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from app.domain.community.ideas import IdeaAlreadyDecided, IdeaStatus
from app.domain.community.surveys import (
    Question,
    QuestionKind,
    Survey,
    SurveyAlreadyAnswered,
    SurveyFields,
    SurveyNotOpen,
    SurveyNotTargeted,
    SurveyStatus,
)
from app.domain.community.surveys_answers import Reply
from app.domain.content.review_status import ContentStatus
from app.domain.content.targeting import Targeting
from app.domain.errors import Forbidden, NotFound, ValidationFailed
from app.domain.roster.identity import Principal, Role
from app.ports.pagination import PageRequest
from app.services.community.surveys.answer_survey import AnswerSurveyCommand
from app.services.community.surveys.ideas import DeclineIdeaCommand, IdeaDecisionCommand, SubmitIdeaCommand
from app.services.community.surveys.manage_surveys import SurveyTransitionCommand
from tests.unit.world import NOW, World, two_tenants

QUESTIONS = (
    Question(kind=QuestionKind.SATISFACTION, prompt="How satisfied are you?"),
    Question(kind=QuestionKind.NPS, prompt="Would you recommend it?"),
)
REPLIES = [Reply(question=0, score=4), Reply(question=1, score=9)]


@pytest.fixture
async def world() -> World:
    return await two_tenants()


def manager(world: World) -> Principal:
    return world.staff(Role.MANAGER)


async def open_survey(world: World, *, anonymous: bool = False, targeting: Targeting | None = None) -> Survey:
    fields = SurveyFields(
        title="Pulse",
        questions=QUESTIONS,
        targeting=targeting or Targeting(),
        opens_at=NOW,
        closes_at=NOW + timedelta(days=7),
        anonymous=anonymous,
    )
    survey = await world.surveys.create_survey(manager(world), fields)
    return await world.surveys.open_survey(manager(world), SurveyTransitionCommand(survey_id=survey.id))


def answer(survey: Survey, replies: list[Reply] | None = None) -> AnswerSurveyCommand:
    return AnswerSurveyCommand(survey_id=survey.id, replies=replies or REPLIES)


async def test_an_ambassador_answers_once_and_the_survey_leaves_their_list(world: World) -> None:
    ada, member = await world.member("Ada")
    survey = await open_survey(world, anonymous=True)
    assert [s.id for s in (await world.surveys.list_my_surveys(ada, PageRequest())).items] == [survey.id]

    stored = await world.surveys.answer_survey(ada, answer(survey))
    assert stored.ambassador_id is None
    assert (await world.surveys.list_my_surveys(ada, PageRequest())).items == []
    with pytest.raises(SurveyAlreadyAnswered):
        await world.surveys.answer_survey(ada, answer(survey))
    answered = [r for r in world.uow.outbox if r.type.value == "survey.answered"]
    assert [r.data for r in answered] == [
        {"survey_id": str(survey.id), "ambassador_id": str(member.id), "anonymous": True}
    ]


async def test_refusals_to_answer_write_nothing(world: World) -> None:
    ada, _ = await world.member("Ada", location="Paris")
    lyon = await open_survey(world, targeting=Targeting(locations=("Lyon",)))
    everyone = await open_survey(world)
    before = (dict(world.uow.database.surveys), world.events())

    with pytest.raises(SurveyNotTargeted):
        await world.surveys.answer_survey(ada, answer(lyon))
    with pytest.raises(ValidationFailed):
        await world.surveys.answer_survey(ada, answer(everyone, [Reply(question=0, score=9)]))
    world.clock.advance(timedelta(days=8))
    with pytest.raises(SurveyNotOpen):
        await world.surveys.answer_survey(ada, answer(everyone))
    assert (dict(world.uow.database.surveys), world.events()) == before


async def test_a_draft_reads_as_missing_to_ambassadors_and_staff_alone_write_surveys(world: World) -> None:
    ada, _ = await world.member("Ada")
    fields = SurveyFields(title="Pulse", questions=QUESTIONS, opens_at=NOW, closes_at=NOW + timedelta(days=1))
    with pytest.raises(Forbidden):
        await world.surveys.create_survey(ada, fields)
    draft = await world.surveys.create_survey(manager(world), fields)
    with pytest.raises(NotFound):
        await world.surveys.answer_survey(ada, answer(draft))
    with pytest.raises(NotFound):
        await world.surveys.get_survey(ada, draft.id)
    with pytest.raises(Forbidden):
        await world.surveys.get_survey_results(ada, draft.id)


async def test_results_show_once_five_have_answered(world: World) -> None:
    survey = await open_survey(world)
    for index, name in enumerate(("Ada", "Bob", "Cyd", "Dee")):
        principal, _ = await world.member(name)
        await world.surveys.answer_survey(
            principal, answer(survey, [Reply(question=0, score=index + 1), Reply(question=1, score=10)])
        )
    assert (await world.surveys.get_survey_results(manager(world), survey.id)).withheld
    eve, _ = await world.member("Eve")
    await world.surveys.answer_survey(eve, answer(survey, [Reply(question=0, score=5), Reply(question=1, score=0)]))
    await world.surveys.close_survey(manager(world), SurveyTransitionCommand(survey_id=survey.id))

    results = await world.surveys.get_survey_results(world.staff(Role.ANALYST), survey.id)
    assert (results.withheld, results.answers) == (False, 5)
    assert (results.questions[0].average, results.questions[1].nps) == (Decimal("3.00"), 60)
    assert (await world.surveys.get_survey(manager(world), survey.id)).status is SurveyStatus.CLOSED


async def test_another_tenants_survey_reads_as_missing(world: World) -> None:
    survey = await open_survey(world)
    with pytest.raises(NotFound):
        await world.surveys.get_survey(world.staff(Role.MANAGER, tenant=world.globex), survey.id)


async def test_an_accepted_idea_becomes_a_draft_content_in_its_authors_name(world: World) -> None:
    ada, member = await world.member("Ada")
    idea = await world.surveys.submit_idea(ada, SubmitIdeaCommand(title="Lab tour", body="A video of the lab."))
    assert [i.id for i in (await world.surveys.list_my_ideas(ada, None, PageRequest())).items] == [idea.id]

    accepted = await world.surveys.accept_idea(manager(world), IdeaDecisionCommand(idea_id=idea.id))
    assert (accepted.status, accepted.ambassador_id) == (IdeaStatus.ACCEPTED, member.id)
    assert accepted.content_id is not None
    content = await world.content.get_content(manager(world), accepted.content_id)
    assert (content.status, content.created_by, content.fields.title) == (ContentStatus.DRAFT, "idp|ada", "Lab tour")
    before = world.events()
    with pytest.raises(IdeaAlreadyDecided):
        await world.surveys.decline_idea(manager(world), DeclineIdeaCommand(idea_id=idea.id, reason="No."))
    assert world.events() == before
    assert world.events()[-1] == "idea.accepted"


async def test_ambassadors_read_only_their_own_ideas_and_cannot_decide(world: World) -> None:
    ada, _ = await world.member("Ada")
    bob, _ = await world.member("Bob")
    idea = await world.surveys.submit_idea(ada, SubmitIdeaCommand(title="Lab tour", body="A video."))
    with pytest.raises(NotFound):
        await world.surveys.get_idea(bob, idea.id)
    with pytest.raises(Forbidden):
        await world.surveys.decline_idea(bob, DeclineIdeaCommand(idea_id=idea.id, reason="No."))
    declined = await world.surveys.decline_idea(manager(world), DeclineIdeaCommand(idea_id=idea.id, reason="Done."))
    assert (await world.surveys.get_idea(ada, idea.id)).reason == declined.reason == "Done."
    pending = await world.surveys.list_ideas(manager(world), IdeaStatus.PENDING, PageRequest())
    assert pending.items == []
