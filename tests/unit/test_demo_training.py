"""The demo's training story holds together: its module is valid, the answers it calls right pass the
quiz and the wrong ones fail it, and who it says completed is who passed."""

from __future__ import annotations

from app.demo.training_story import COMPLETED_BY, IN_PROGRESS, MODULE, PUBLISHED, RIGHT, STEPS, WRITTEN, WRONG
from app.domain.community.training_progress import score


def test_the_module_is_valid_and_its_right_answers_pass_its_quiz() -> None:
    assert MODULE.validated() == MODULE
    assert MODULE.quiz is not None
    assert score(MODULE.quiz, [frozenset(a) for a in RIGHT]).passed
    assert not score(MODULE.quiz, [frozenset(a) for a in WRONG]).passed


def test_who_completed_is_who_passed_and_every_step_follows_the_publication() -> None:
    assert MODULE.quiz is not None
    quiz = MODULE.quiz
    passed = {
        step.slug
        for step in STEPS
        if step.answers is not None and score(quiz, [frozenset(a) for a in step.answers]).passed
    }
    started = {step.slug for step in STEPS}
    assert sorted(passed) == sorted(COMPLETED_BY)
    assert started - passed == set(IN_PROGRESS)
    assert WRITTEN < PUBLISHED < min(step.day for step in STEPS)
    assert [step.day for step in STEPS] == sorted(step.day for step in STEPS)
