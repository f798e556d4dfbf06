"""Training's rules: module validation and ordering, quiz scoring against the pass mark, completion once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from app.domain.community.training import Lesson, ModuleFields, ModuleStatus, Question, Quiz, TrainingModule
from app.domain.community.training_progress import NoQuiz, TrainingProgress, score
from app.domain.community.training_settings import parse_required_training_modules
from app.domain.errors import FieldError, InvalidTransition, NotFound, ValidationFailed
from app.domain.events import EventType
from app.domain.programme.settings import ProgrammeSettings

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
TENANT = UUID(int=1)
MODULE = UUID(int=2)
AMBASSADOR = UUID(int=3)


def lesson(title: str, **extra: object) -> Lesson:
    return Lesson(title=title, body=f"About {title}.", **extra)  # type: ignore[arg-type]


QUIZ = Quiz(
    pass_mark=60,
    questions=(
        Question(prompt="Q1", choices=("a", "b", "c"), correct=frozenset({0})),
        Question(prompt="Q2", choices=("a", "b"), correct=frozenset({0, 1})),
        Question(prompt="Q3", choices=("a", "b"), correct=frozenset({1})),
    ),
)


def module(quiz: Quiz | None = QUIZ, lessons: int = 2) -> TrainingModule:
    made = TrainingModule.create(
        id=MODULE,
        tenant_id=TENANT,
        fields=ModuleFields(title="Posts", lessons=tuple(lesson(f"L{n}") for n in range(1, lessons + 1)), quiz=quiz),
        author="idp|mia",
        now=NOW,
    )
    made.publish(NOW)
    made.drain_events()
    return made


def progress() -> TrainingProgress:
    return TrainingProgress.start(id=UUID(int=9), tenant_id=TENANT, module_id=MODULE, ambassador_id=AMBASSADOR, now=NOW)


def locs(error: ValidationFailed) -> list[tuple[str | int, ...]]:
    return [item.loc for item in error.errors]


def test_lessons_keep_their_order_and_addresses_must_be_https() -> None:
    fields = ModuleFields(
        title="  Profile ",
        lessons=(lesson("First", links=("https://acme.example/a",)), lesson("Second", video_url="http://v.example/x")),
    )
    with pytest.raises(ValidationFailed) as refused:
        fields.validated()
    assert locs(refused.value) == [("lessons", 1, "video_url")]

    ok = ModuleFields(title="  Profile ", lessons=(lesson("First"), lesson("Second"))).validated()
    assert (ok.title, [item.title for item in ok.lessons]) == ("Profile", ["First", "Second"])


def test_a_module_needs_a_lesson_and_a_quiz_needs_sound_questions() -> None:
    bad_quiz = Quiz(
        pass_mark=0,
        questions=(
            Question(prompt="Q", choices=("only",), correct=frozenset({0})),
            Question(prompt="Q", choices=("a", "a"), correct=frozenset({2})),
        ),
    )
    with pytest.raises(ValidationFailed) as refused:
        ModuleFields(title="T", lessons=(), quiz=bad_quiz).validated()
    assert locs(refused.value) == [
        ("lessons",),
        ("quiz", "pass_mark"),
        ("quiz", "questions", 0, "choices"),
        ("quiz", "questions", 1, "choices"),
        ("quiz", "questions", 1, "correct"),
    ]


@pytest.mark.parametrize(
    ("answers", "expected", "passed"),
    [
        ([{0}, {0, 1}, {1}], 100, True),
        ([{0}, {0, 1}, {0}], 66, True),
        ([{0}, {0}, {1}], 66, True),  # half of a multiple choice is wrong
        ([{1}, {0, 1}, {0}], 33, False),
        ([set(), set(), set()], 0, False),
    ],
)
def test_a_score_counts_questions_answered_exactly_right(answers: list[set[int]], expected: int, passed: bool) -> None:
    result = score(QUIZ, [frozenset(a) for a in answers])
    assert (result.score, result.passed, result.pass_mark) == (expected, passed, 60)


def test_an_attempt_must_answer_every_question_with_choices_offered() -> None:
    with pytest.raises(ValidationFailed) as short:
        score(QUIZ, [frozenset({0})])
    assert locs(short.value) == [("answers",)]
    with pytest.raises(ValidationFailed) as outside:
        score(QUIZ, [frozenset({0}), frozenset({5}), frozenset({-1})])
    assert locs(outside.value) == [("answers", 1), ("answers", 2)]


def test_a_failed_attempt_tells_the_score_and_leaves_the_module_open_a_pass_completes_it_once() -> None:
    followed, mine = module(), progress()
    failed = mine.attempt(followed, [frozenset({1}), frozenset({1}), frozenset({0})], NOW)
    assert (failed.score, failed.passed, mine.completed) == (0, False, False)
    assert mine.drain_events() == []

    later = NOW + timedelta(minutes=5)
    mine.attempt(followed, [frozenset({0}), frozenset({0, 1}), frozenset({1})], later)
    mine.attempt(followed, [frozenset({0}), frozenset({0, 1}), frozenset({1})], later + timedelta(minutes=1))

    events = mine.drain_events()
    assert [e.type for e in events] == [EventType.TRAINING_COMPLETED]
    assert events[0].data["ambassador_id"] == str(AMBASSADOR)
    assert (mine.attempts, mine.best_score, mine.completed_at) == (3, 100, later)


def test_without_quiz_the_last_lesson_done_completes_the_module() -> None:
    followed, mine = module(quiz=None, lessons=2), progress()
    mine.mark_lesson_done(followed, 2, NOW)
    mine.mark_lesson_done(followed, 2, NOW)
    assert (mine.lessons_done, mine.completed) == (frozenset({2}), False)
    mine.mark_lesson_done(followed, 1, NOW)
    assert mine.completed
    assert [e.type for e in mine.drain_events()] == [EventType.TRAINING_COMPLETED]
    with pytest.raises(NoQuiz):
        mine.attempt(followed, [], NOW)


def test_lessons_are_numbered_from_one() -> None:
    followed, mine = module(), progress()
    for position in (0, 3):
        with pytest.raises(NotFound):
            mine.mark_lesson_done(followed, position, NOW)
    mine.mark_lesson_done(followed, 2, NOW)
    assert mine.lessons_done == frozenset({2})
    assert not mine.completed  # a module with a quiz completes by passing it


def test_a_published_module_keeps_its_lessons_and_an_archived_one_is_frozen() -> None:
    published = module()
    published.edit({"title": "Engaging posts"}, NOW)
    assert (published.fields.title, published.version) == ("Engaging posts", 3)
    with pytest.raises(ValidationFailed) as fixed:
        published.edit({"lessons": (lesson("New"),)}, NOW)
    assert locs(fixed.value) == [("lessons",)]
    with pytest.raises(InvalidTransition):
        published.publish(NOW)
    published.archive(NOW)
    assert published.status is ModuleStatus.ARCHIVED
    with pytest.raises(InvalidTransition):
        published.edit({"title": "Again"}, NOW)


def test_the_required_modules_setting_takes_ids_once_each() -> None:
    first, second = UUID(int=5), UUID(int=6)
    settings = ProgrammeSettings().apply({"required_training_modules": [str(first), str(second), str(first)]})
    assert settings.required_training_modules == (first, second)
    assert settings.to_document()["required_training_modules"] == [str(first), str(second)]
    errors: list[FieldError] = []
    with pytest.raises(ValidationFailed) as refused:
        ProgrammeSettings().apply({"required_training_modules": ["nope", 3]})
    assert locs(refused.value) == [("required_training_modules", 0), ("required_training_modules", 1)]
    assert parse_required_training_modules([], ("x",), errors) == ()
