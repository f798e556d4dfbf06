"""Surveys' rules: the questions and window a survey needs, the replies each kind of question takes, the
NPS and the averages, the floor of five answers, and what an anonymous answer keeps."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import pytest

from app.domain.community.ideas import Idea, IdeaAlreadyDecided, IdeaStatus
from app.domain.community.surveys import (
    Question,
    QuestionKind,
    Survey,
    SurveyFields,
    SurveyNotOpen,
    SurveyNotTargeted,
    SurveyStatus,
)
from app.domain.community.surveys_answers import (
    MIN_GROUP,
    Reply,
    Respondent,
    SurveyAnswer,
    average,
    checked_replies,
    net_promoter_score,
    results_of,
)
from app.domain.content.targeting import Targeting
from app.domain.errors import InvalidTransition, ValidationFailed

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
TENANT = UUID("0196a3c2-6a10-7b3e-8c4d-1e2f3a4b5c6d")
SURVEY = UUID("0196a3c2-6a10-7b3e-8c4d-1e2f3a4b5c6e")
AMBASSADOR = UUID("0196a3c2-6a10-7b3e-8c4d-1e2f3a4b5c6f")

QUESTIONS = (
    Question(kind=QuestionKind.SATISFACTION, prompt="How satisfied are you?"),
    Question(kind=QuestionKind.NPS, prompt="Would you recommend it?"),
    Question(kind=QuestionKind.MULTIPLE_CHOICE, prompt="Where do you share?", options=("LinkedIn", "X"), multiple=True),
    Question(kind=QuestionKind.MULTIPLE_CHOICE, prompt="Your favourite?", options=("Video", "Text")),
    Question(kind=QuestionKind.FREE_TEXT, prompt="Anything else?"),
)


def survey(*, anonymous: bool = False, targeting: Targeting | None = None, opened: bool = True) -> Survey:
    created = Survey.create(
        id=SURVEY,
        tenant_id=TENANT,
        fields=SurveyFields(
            title="Spring pulse",
            questions=QUESTIONS,
            targeting=targeting or Targeting(),
            opens_at=NOW,
            closes_at=NOW + timedelta(days=7),
            anonymous=anonymous,
        ),
        author="staff|manager",
        now=NOW - timedelta(days=1),
    )
    if opened:
        created.open(NOW - timedelta(hours=1))
    return created


def full(satisfaction: int = 4, nps: int = 9, text: str | None = None) -> list[Reply]:
    replies = [
        Reply(question=0, score=satisfaction),
        Reply(question=1, score=nps),
        Reply(question=2, choices=("X", "LinkedIn")),
        Reply(question=3, choices=("Video",)),
    ]
    return replies + ([Reply(question=4, text=text)] if text else [])


def test_a_survey_needs_questions_a_window_that_ends_after_it_starts_and_options_for_a_multiple_choice() -> None:
    with pytest.raises(ValidationFailed) as refused:
        SurveyFields(
            title=" ",
            questions=(
                Question(kind=QuestionKind.MULTIPLE_CHOICE, prompt="Pick", options=("Only one",)),
                Question(kind=QuestionKind.NPS, prompt="Score", options=("A", "B")),
            ),
            opens_at=NOW,
            closes_at=NOW,
        ).validated()
    assert {error.loc for error in refused.value.errors} == {
        ("title",),
        ("questions", 0, "options"),
        ("questions", 1, "options"),
        ("closes_at",),
    }


def test_only_a_multiple_choice_keeps_multiple_picks_other_kinds_read_it_as_false() -> None:
    fields = SurveyFields(
        title="Pulse",
        questions=(
            Question(kind=QuestionKind.MULTIPLE_CHOICE, prompt="Pick", options=("A", "B"), multiple=True),
            Question(kind=QuestionKind.SATISFACTION, prompt="Happy?", multiple=True),
        ),
        opens_at=NOW,
        closes_at=NOW + timedelta(days=1),
    ).validated()
    assert [question.multiple for question in fields.questions] == [True, False]


def test_replies_are_checked_against_each_kind_of_question() -> None:
    with pytest.raises(ValidationFailed) as refused:
        checked_replies(
            QUESTIONS,
            [
                Reply(question=0, score=6),
                Reply(question=1, score=11),
                Reply(question=2, choices=("Mastodon",)),
                Reply(question=3, choices=("Video", "Text")),
                Reply(question=4, text="   "),
                Reply(question=9, score=1),
            ],
        )
    assert {error.loc for error in refused.value.errors} == {
        ("replies", 0, "score"),
        ("replies", 1, "score"),
        ("replies", 2, "choices"),
        ("replies", 3, "choices"),
        ("replies", 4, "text"),
        ("replies", 5, "question"),
    }


def test_every_question_but_a_free_text_must_be_replied_to_once() -> None:
    with pytest.raises(ValidationFailed) as refused:
        checked_replies(QUESTIONS, [Reply(question=0, score=3), Reply(question=0, score=4)])
    messages = [str(error.message) for error in refused.value.errors]
    assert "Reply to each question once." in messages
    assert {"Reply to question 1.", "Reply to question 2.", "Reply to question 3."} <= set(messages)
    assert "Reply to question 4." not in messages
    kept = checked_replies(QUESTIONS, full())
    assert [reply.question for reply in kept] == [0, 1, 2, 3]
    assert kept[2].choices == ("LinkedIn", "X")  # in the question's order


def test_nps_is_the_share_of_promoters_less_the_share_of_detractors() -> None:
    assert net_promoter_score([10, 9, 8, 7, 6, 0]) == 0
    assert net_promoter_score([10, 10, 10, 6]) == 50
    assert net_promoter_score([0, 1, 2]) == -100
    assert net_promoter_score([9, 9, 9, 8, 3, 7, 10]) == 43  # 4/7 - 1/7 = 42.86
    assert net_promoter_score([]) is None
    assert average([4, 5, 4]) == Decimal("4.33")


def test_results_of_fewer_than_five_answers_are_withheld_with_the_reason() -> None:
    answers = [tuple(checked_replies(QUESTIONS, full())) for _ in range(MIN_GROUP - 1)]
    results = results_of(survey(), answers)
    assert results.withheld
    assert results.answers == 4
    assert results.reason is not None
    assert "Only 4 answers" in results.reason
    assert all(q.withheld and q.average is None and not q.texts for q in results.questions)


def test_results_count_each_kind_and_withhold_a_question_replied_to_fewer_than_five_times() -> None:
    scores = [(5, 10), (4, 9), (4, 7), (3, 6), (2, 0)]
    answers = [
        checked_replies(QUESTIONS, full(satisfaction=s, nps=n, text="More videos" if i < 2 else None))
        for i, (s, n) in enumerate(scores)
    ]
    results = results_of(survey(), answers)
    satisfaction, nps, networks, favourite, texts = results.questions
    assert not results.withheld
    assert (satisfaction.average, dict(satisfaction.scores)[4]) == (Decimal("3.60"), 2)
    assert (nps.nps, nps.promoters, nps.passives, nps.detractors) == (0, 2, 1, 2)
    assert dict(networks.options) == {"LinkedIn": 5, "X": 5}
    assert dict(favourite.options) == {"Video": 5, "Text": 0}
    assert (texts.withheld, texts.texts, texts.replies) == (True, (), 2)


def test_an_anonymous_answer_keeps_no_ambassador_no_time_and_a_random_id() -> None:
    anonymous = survey(anonymous=True)
    answer = SurveyAnswer.give(survey=anonymous, ambassador_id=AMBASSADOR, replies=full(), now=NOW)
    assert answer.ambassador_id is None
    assert answer.id.version == 4
    assert answer.answered_on == NOW.date()
    assert {f.name for f in fields(SurveyAnswer)} == {
        "id",
        "tenant_id",
        "survey_id",
        "ambassador_id",
        "answered_on",
        "replies",
    }
    respondent = Respondent.of(anonymous, AMBASSADOR, NOW)
    assert {f.name for f in fields(Respondent)} == {"tenant_id", "survey_id", "ambassador_id", "pending_events"}
    (event,) = respondent.drain_events()
    assert event.data == {"survey_id": str(SURVEY), "ambassador_id": str(AMBASSADOR), "anonymous": True}
    named = SurveyAnswer.give(survey=survey(), ambassador_id=AMBASSADOR, replies=full(), now=NOW)
    assert named.ambassador_id == AMBASSADOR


def test_a_survey_takes_answers_only_open_inside_its_window_and_from_its_audience() -> None:
    draft = survey(opened=False)
    with pytest.raises(SurveyNotOpen):
        draft.require_open(NOW)
    opened = survey()
    opened.require_open(NOW)
    with pytest.raises(SurveyNotOpen):
        opened.require_open(NOW - timedelta(minutes=1))
    with pytest.raises(SurveyNotOpen):
        opened.require_open(NOW + timedelta(days=7))
    assert opened.public_status(NOW + timedelta(days=7)) is SurveyStatus.CLOSED
    opened.close(NOW + timedelta(days=1))
    with pytest.raises(SurveyNotOpen):
        opened.require_open(NOW + timedelta(days=1))
    lyon = survey(targeting=Targeting(locations=("Lyon",)))
    lyon.require_targets(department=None, location="Lyon", language=None)
    with pytest.raises(SurveyNotTargeted):
        lyon.require_targets(department=None, location="Paris", language=None)


def test_only_a_draft_is_edited_and_a_closed_survey_does_not_reopen() -> None:
    opened = survey()
    with pytest.raises(InvalidTransition):
        opened.edit({"title": "Another"}, NOW)
    opened.close(NOW)
    with pytest.raises(InvalidTransition):
        opened.open(NOW)
    late = survey(opened=False)
    with pytest.raises(SurveyNotOpen):
        late.open(NOW + timedelta(days=8))


def test_an_idea_is_decided_once_and_a_decline_needs_a_reason() -> None:
    idea = Idea.submit(
        id=SURVEY, tenant_id=TENANT, ambassador_id=AMBASSADOR, title="Lab tour", body="A video.", now=NOW
    )
    with pytest.raises(ValidationFailed):
        idea.decline(reason="  ", by="staff|manager", now=NOW)
    idea.decline(reason="Covered last month.", by="staff|manager", now=NOW)
    assert (idea.status, idea.reason, idea.version) == (IdeaStatus.DECLINED, "Covered last month.", 2)
    with pytest.raises(IdeaAlreadyDecided) as refused:
        idea.accept(content_id=SURVEY, by="staff|manager", now=NOW)
    assert refused.value.status is IdeaStatus.DECLINED
