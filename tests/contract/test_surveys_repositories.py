"""Surveys' and ideas' repositories on the fakes and on PostgreSQL: the surveys open to an ambassador
(targeting, window, answered), an answer stored once, replies read back, and ideas filtered and scoped
to their tenant."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.community.ideas import Idea, IdeaStatus
from app.domain.community.surveys import Question, QuestionKind, Survey, SurveyAlreadyAnswered, SurveyFields
from app.domain.community.surveys_answers import Reply, Respondent, SurveyAnswer
from app.domain.content.targeting import Targeting
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.tenants import Tenant
from app.ports.community_surveys import Audience
from app.ports.pagination import PageRequest
from tests.contract.conftest import Backend
from tests.contract.helpers import NOW, add_tenant, enrol, hire

QUESTIONS = (Question(kind=QuestionKind.SATISFACTION, prompt="How satisfied are you?"),)


async def add_survey(backend: Backend, tenant: Tenant, *, opened: bool = True, **fields: object) -> Survey:
    values: dict[str, object] = {
        "title": "Pulse",
        "questions": QUESTIONS,
        "opens_at": NOW - timedelta(days=1),
        "closes_at": NOW + timedelta(days=1),
    } | fields
    survey = Survey.create(
        id=backend.ids.new_id(),
        tenant_id=tenant.id,
        fields=SurveyFields(**values),  # type: ignore[arg-type]
        author="manager",
        now=NOW - timedelta(days=2),
    )
    if opened:
        survey.open(NOW - timedelta(days=2))
    async with backend.uow(tenant.id) as uow:
        await uow.surveys.add(survey)
        await uow.commit()
    return survey


def audience(
    member: Ambassador,
    *,
    department: str | None = "Sales",
    location: str | None = "Lyon",
    language: str | None = "fr-CA",
) -> Audience:
    return Audience(ambassador_id=member.id, department=department, location=location, language=language)


async def answer(backend: Backend, survey: Survey, member: Ambassador, score: int = 4) -> None:
    given = SurveyAnswer.give(survey=survey, ambassador_id=member.id, replies=[Reply(question=0, score=score)], now=NOW)
    async with backend.uow(survey.tenant_id) as uow:
        await uow.surveys.add_answer(Respondent.of(survey, member.id, NOW), given)
        await uow.commit()


async def open_for(backend: Backend, who: Audience, tenant: Tenant) -> list[str]:
    async with backend.uow(tenant.id) as uow:
        page = await uow.surveys.list_open_for(who, NOW, PageRequest())
    return [survey.fields.title for survey in page.items]


async def test_an_ambassador_sees_the_open_surveys_meant_for_them_and_not_yet_answered(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await enrol(backend, tenant, await hire(backend, tenant, "Ada"))
    await add_survey(backend, tenant, title="Everyone")
    await add_survey(
        backend, tenant, title="Sales in Lyon", targeting=Targeting(departments=("Sales",), locations=("Lyon",))
    )
    await add_survey(backend, tenant, title="French", targeting=Targeting(languages=("fr",)))
    await add_survey(backend, tenant, title="Canadian French", targeting=Targeting(languages=("fr-CA",)))
    await add_survey(backend, tenant, title="German", targeting=Targeting(languages=("de",)))
    await add_survey(backend, tenant, title="Paris", targeting=Targeting(locations=("Paris",)))
    await add_survey(backend, tenant, title="Draft", opened=False)
    await add_survey(backend, tenant, title="Later", opens_at=NOW + timedelta(hours=1))
    answered = await add_survey(backend, tenant, title="Answered")
    await answer(backend, answered, ada)

    assert await open_for(backend, audience(ada), tenant) == ["Everyone", "Sales in Lyon", "French", "Canadian French"]
    nobody = audience(ada, department=None, location=None, language=None)
    assert await open_for(backend, nobody, tenant) == ["Everyone"]
    other = await add_tenant(backend, "globex")
    assert await open_for(backend, audience(ada), other) == []


async def test_an_answer_is_stored_once_and_its_replies_read_back(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await enrol(backend, tenant, await hire(backend, tenant, "Ada"))
    bob = await enrol(backend, tenant, await hire(backend, tenant, "Bob"))
    survey = await add_survey(backend, tenant, anonymous=True)
    await answer(backend, survey, ada, 5)
    await answer(backend, survey, bob, 2)

    with pytest.raises(SurveyAlreadyAnswered):
        await answer(backend, survey, ada, 1)

    async with backend.uow(tenant.id) as uow:
        replies = await uow.surveys.replies(survey.id)
        assert (
            await uow.surveys.has_answered(survey.id, ada.id),
            await uow.surveys.has_answered(survey.id, bob.id),
        ) == (
            True,
            True,
        )
    assert sorted(reply.score for (reply,) in replies) == [2, 5]  # type: ignore[type-var]


async def test_ideas_are_filtered_by_status_and_author_and_kept_to_their_tenant(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    ada = await enrol(backend, tenant, await hire(backend, tenant, "Ada"))
    bob = await enrol(backend, tenant, await hire(backend, tenant, "Bob"))
    ideas = [
        Idea.submit(
            id=backend.ids.new_id(), tenant_id=tenant.id, ambassador_id=who.id, title=title, body="Why.", now=NOW
        )
        for who, title in ((ada, "First"), (bob, "Second"), (ada, "Third"))
    ]
    ideas[1].decline(reason="Done already.", by="manager", now=NOW)
    async with backend.uow(tenant.id) as uow:
        for idea in ideas:
            await uow.ideas.add(idea)
        await uow.commit()

    async with backend.uow(tenant.id) as uow:
        pending = await uow.ideas.list(IdeaStatus.PENDING, None, PageRequest())
        adas = await uow.ideas.list(None, ada.id, PageRequest())
        declined = await uow.ideas.get(ideas[1].id)
    assert [i.title for i in pending.items] == ["First", "Third"]
    assert [i.title for i in adas.items] == ["First", "Third"]
    assert declined is not None
    assert (declined.status, declined.reason) == (IdeaStatus.DECLINED, "Done already.")
    other = await add_tenant(backend, "globex")
    async with backend.uow(other.id) as uow:
        assert (await uow.ideas.list(None, None, PageRequest())).items == []
        assert await uow.ideas.get(ideas[0].id) is None
