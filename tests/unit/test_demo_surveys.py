"""The demo's surveys and ideas as data: every answer fits its survey, the closed survey clears the floor
of five, each member answers a survey once, inside its window."""

from __future__ import annotations

from app.demo.surveys_story import IDEAS, SURVEYS
from app.domain.community.ideas import MAX_REASON
from app.domain.community.surveys_answers import MIN_GROUP, checked_replies


def test_every_demo_answer_fits_its_survey_and_falls_inside_its_window() -> None:
    for survey in SURVEYS:
        members = [answer.member for answer in survey.answers]
        assert len(members) == len(set(members)), survey.key
        for answer in survey.answers:
            assert checked_replies(survey.questions, answer.replies), (survey.key, answer.member)
            end = survey.closes if survey.closed is None else min(survey.closed, survey.closes)
            assert survey.opens <= answer.day < end, (survey.key, answer.member)


def test_the_closed_survey_shows_results_and_the_open_one_waits_for_more_answers() -> None:
    closed = [s for s in SURVEYS if s.closed is not None]
    still_open = [s for s in SURVEYS if s.closed is None]
    assert [len(s.answers) >= MIN_GROUP for s in closed] == [True]
    assert [len(s.answers) < MIN_GROUP and s.opens < 0 < s.closes for s in still_open] == [True]


def test_the_demo_ideas_are_accepted_declined_and_pending() -> None:
    states = sorted(
        "pending" if idea.decided is None else "declined" if idea.declined_because else "accepted" for idea in IDEAS
    )
    assert states == ["accepted", "declined", "pending"]
    assert all(len(idea.declined_because or "") <= MAX_REASON for idea in IDEAS)
