"""Satisfaction and NPS as KPIs: the maths, the five-answer floor, and the metrics read on the in-memory
fakes, where an anonymous answer counts in the totals but never under a person."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.domain.community.surveys import Question, QuestionKind, Survey, SurveyFields
from app.domain.community.surveys_answers import Reply
from app.domain.content.targeting import Targeting
from app.domain.metrics.figures import Basis, Scores
from app.domain.metrics.kpis import Kpi, net_promoter_score, satisfaction, value_of
from app.domain.metrics.valuation import Valuation
from app.domain.roster.identity import Role
from app.services.community.surveys.answer_survey import AnswerSurveyCommand
from app.services.community.surveys.manage_surveys import SurveyTransitionCommand
from app.services.metrics.read_metrics import MetricsRequest
from tests.unit.world import NOW, World, two_tenants

QUESTIONS = (
    Question(kind=QuestionKind.SATISFACTION, prompt="How satisfied are you?"),
    Question(kind=QuestionKind.NPS, prompt="Would you recommend it?"),
)
MARCH = MetricsRequest(first_day=date(2026, 3, 1), last_day=date(2026, 3, 31), kpis=("satisfaction", "nps"))


def nps_scores(promoters: int, passives: int, detractors: int) -> Scores:
    answers = promoters + passives + detractors
    total = 10 * promoters + 8 * passives + 3 * detractors
    return Scores(answers=answers, replies=answers, total=total, promoters=promoters, detractors=detractors)


def test_the_nps_is_the_share_of_promoters_less_the_share_of_detractors() -> None:
    assert net_promoter_score(nps_scores(3, 1, 1)) == Decimal(40)
    assert net_promoter_score(nps_scores(0, 0, 5)) == Decimal(-100)
    assert net_promoter_score(nps_scores(6, 0, 0)) == Decimal(100)
    assert value_of(Kpi.NPS, Basis(nps_scores=nps_scores(2, 2, 2)), Valuation()) == 0
    assert value_of(Kpi.NPS, Basis(nps_scores=nps_scores(3, 2, 1)), Valuation()) == 33  # 33.33, answered whole


def test_satisfaction_is_the_average_score() -> None:
    scores = Scores(answers=5, replies=6, total=23)  # one answer scored twice

    assert satisfaction(scores) == Decimal(23) / Decimal(6)
    assert value_of(Kpi.SATISFACTION, Basis(satisfaction_scores=scores), Valuation()) == 3.8333


@pytest.mark.parametrize("answers", [0, 1, 4])
def test_fewer_than_five_answers_are_never_shown(answers: int) -> None:
    scores = Scores(answers=answers, replies=answers * 2, total=answers * 8, promoters=answers * 2)

    assert satisfaction(scores) is None
    assert net_promoter_score(scores) is None
    assert value_of(Kpi.NPS, Basis(nps_scores=scores), Valuation()) is None
    assert value_of(Kpi.SATISFACTION, Basis(), Valuation()) is None


@pytest.fixture
async def world() -> World:
    return await two_tenants()


async def survey_answered(world: World, scores: list[tuple[int, int]], *, anonymous: bool) -> Survey:
    fields = SurveyFields(
        title="Pulse",
        questions=QUESTIONS,
        targeting=Targeting(),
        opens_at=NOW,
        closes_at=NOW + timedelta(days=7),
        anonymous=anonymous,
    )
    manager = world.staff(Role.MANAGER)
    survey = await world.surveys.create_survey(manager, fields)
    survey = await world.surveys.open_survey(manager, SurveyTransitionCommand(survey_id=survey.id))
    for index, (happy, nps) in enumerate(scores):
        principal, _ = await world.member(f"Member{'ab'[anonymous]}{index}")
        replies = [Reply(question=0, score=happy), Reply(question=1, score=nps)]
        await world.surveys.answer_survey(principal, AnswerSurveyCommand(survey_id=survey.id, replies=replies))
    return survey


async def test_the_metrics_show_satisfaction_and_nps_from_five_answers(world: World) -> None:
    await survey_answered(world, [(5, 10), (4, 9), (4, 8), (3, 5)], anonymous=True)

    four = await world.services.metrics.read_metrics(world.admin, MARCH)
    assert dict(four.totals) == {Kpi.SATISFACTION: None, Kpi.NPS: None}

    await survey_answered(world, [(2, 0)], anonymous=False)
    five = await world.services.metrics.read_metrics(world.admin, MARCH)
    assert dict(five.totals) == {Kpi.SATISFACTION: 3.6, Kpi.NPS: 0}  # 2 promoters, 2 detractors of 5


async def test_a_breakdown_by_ambassador_never_holds_an_anonymous_answer(world: World) -> None:
    await survey_answered(world, [(5, 10)] * 5, anonymous=True)
    await survey_answered(world, [(1, 0)], anonymous=False)

    report = await world.services.metrics.read_metrics(world.admin, replace(MARCH, group_by="ambassador"))

    assert dict(report.totals) == {Kpi.SATISFACTION: 4.3333, Kpi.NPS: 67}
    assert [dict(row.values) for row in report.rows] == [{Kpi.SATISFACTION: None, Kpi.NPS: None}]
