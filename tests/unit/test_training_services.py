"""Training's use cases on the in-memory fakes: who may write and follow modules, progress and completion,
the training a programme requires before sharing, and the points a completion earns through the worker."""

from __future__ import annotations

from uuid import UUID

import pytest

from app.domain.community.training import Lesson, ModuleFields, ModuleStatus, Question, Quiz, TrainingModule
from app.domain.community.training_progress import TrainingRequired
from app.domain.errors import Forbidden, NotAnAmbassador, NotFound
from app.domain.events import RecordedEvent
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.identity import Role
from app.ports.pagination import PageRequest
from app.services.community.training.modules import ModuleTransitionCommand
from app.services.community.training.progress import QuizAttemptCommand
from app.services.programme.update_settings import UpdateSettingsCommand
from app.services.rewards.handlers import RewardPoints
from app.services.roster.update_ambassador import UpdateAmbassadorCommand
from tests.unit.share_world import share_world
from tests.unit.world import World, new_events

QUIZ = Quiz(
    pass_mark=50,
    questions=(
        Question(prompt="Best time to post?", choices=("Morning", "Never"), correct=frozenset({0})),
        Question(prompt="Answer comments?", choices=("Yes", "No"), correct=frozenset({0})),
    ),
)
RIGHT = [frozenset({0}), frozenset({0})]
WRONG = [frozenset({1}), frozenset({1})]


def fields(quiz: Quiz | None = QUIZ) -> ModuleFields:
    lessons = (Lesson(title="Profile", body="A photo."), Lesson(title="Posts", body="A personal angle."))
    return ModuleFields(title="Posts that engage", lessons=lessons, quiz=quiz)


async def published(world: World, quiz: Quiz | None = QUIZ) -> TrainingModule:
    manager = world.staff(Role.MANAGER)
    draft = await world.training.create_module(manager, fields(quiz))
    return await world.training.publish_module(manager, ModuleTransitionCommand(module_id=draft.id))


def attempt(module: TrainingModule, answers: list[frozenset[int]]) -> QuizAttemptCommand:
    return QuizAttemptCommand(module_id=module.id, answers=answers)


async def test_staff_write_modules_and_ambassadors_see_only_the_published_ones(world: World) -> None:
    ada, _ = await world.member("Ada")
    draft = await world.training.create_module(world.staff(Role.MANAGER), fields())
    with pytest.raises(Forbidden):
        await world.training.create_module(ada, fields())
    with pytest.raises(Forbidden):
        await world.training.create_module(world.staff(Role.MODERATOR), fields())
    with pytest.raises(NotFound):
        await world.training.get_module(ada, draft.id)
    assert (await world.training.list_modules(ada, None, PageRequest())).items == []

    live = await published(world)

    assert [m.id for m in (await world.training.list_modules(ada, ModuleStatus.DRAFT, PageRequest())).items] == [
        live.id
    ]
    staff_list = await world.training.list_modules(world.admin, ModuleStatus.DRAFT, PageRequest())
    assert [m.id for m in staff_list.items] == [draft.id]


async def test_passing_the_quiz_completes_the_module_once_and_failing_may_be_tried_again(world: World) -> None:
    ada, member = await world.member("Ada")
    module = await published(world)
    before = world.events()

    failed = await world.training.submit_quiz_attempt(ada, attempt(module, WRONG))
    assert (failed.result.score, failed.result.passed, failed.progress.completed) == (0, False, False)
    passed = await world.training.submit_quiz_attempt(ada, attempt(module, RIGHT))
    again = await world.training.submit_quiz_attempt(ada, attempt(module, RIGHT))

    assert (passed.result.score, passed.progress.completed, again.progress.attempts) == (100, True, 3)
    assert new_events(world, before) == ["training.completed"]
    found = await world.training.list_completions(world.staff(Role.MANAGER), module.id, PageRequest())
    assert [p.ambassador_id for p in found.page.items] == [member.id]
    assert (found.summary.completions, found.summary.active_ambassadors, found.summary.completion_rate) == (1, 1, 1.0)


async def test_marking_every_lesson_done_completes_a_module_without_quiz(world: World) -> None:
    ada, _ = await world.member("Ada")
    module = await published(world, quiz=None)
    first = await world.training.mark_lesson_done(ada, module.id, 1)
    assert (first.lessons_done, first.completed) == (frozenset({1}), False)
    mine = await world.training.get_my_progress(ada, module.id)
    assert mine.lessons_done == frozenset({1})

    done = await world.training.mark_lesson_done(ada, module.id, 2)

    assert done.completed
    assert world.events().count("training.completed") == 1


async def test_only_active_ambassadors_follow_training_and_other_tenants_modules_are_missing(world: World) -> None:
    module = await published(world)
    with pytest.raises(Forbidden):
        await world.training.mark_lesson_done(world.staff(Role.MANAGER), module.id, 1)
    bob, member = await world.member("Bob")
    pause = UpdateAmbassadorCommand(ambassador_id=member.id, status=MembershipStatus.PAUSED)
    await world.roster.update_ambassador(world.admin, pause)
    with pytest.raises(NotAnAmbassador):
        await world.training.mark_lesson_done(bob, module.id, 1)
    globex_staff = world.staff(Role.ADMIN, tenant=world.globex)
    with pytest.raises(NotFound):
        await world.training.get_module(globex_staff, module.id)
    with pytest.raises(NotFound):
        await world.training.list_completions(globex_staff, module.id, PageRequest())


async def test_a_completion_earns_the_training_points_once_through_the_worker(world: World) -> None:
    ada, member = await world.member("Ada")
    module = await published(world)
    await world.training.submit_quiz_attempt(ada, attempt(module, RIGHT))
    record = next(r for r in world.uow.outbox if r.type.value == "training.completed")
    event = RecordedEvent(
        id=record.id,
        type=record.type.value,
        tenant_id=record.tenant_id,
        occurred_at=record.occurred_at,
        data=record.data,
    )
    handler = RewardPoints(world.uow, world.clock, world.ids)

    await handler(event)
    await handler(event)

    async with world.uow(world.acme.id) as uow:
        entries = (await uow.points.entries(member.id, PageRequest())).items
    assert [(e.rule.split(".")[0], e.points) for e in entries] == [("training_completed", 20)]


async def test_sharing_waits_for_the_required_training_and_names_it() -> None:
    sharing = await share_world()
    world = sharing.world
    module = await published(world)
    content = await sharing.content()
    changes = {"required_training_modules": [str(module.id), str(UUID(int=77))]}
    await world.programme.update_settings(world.admin, UpdateSettingsCommand(changes=changes))
    before = world.events()

    with pytest.raises(TrainingRequired) as refused:
        await sharing.share(content)

    assert refused.value.modules == (module.id,)
    assert "Posts that engage" in refused.value.detail
    assert new_events(world, before) == []
    await world.training.submit_quiz_attempt(sharing.member, attempt(module, RIGHT))
    assert (await sharing.share(content)).created


async def test_an_archived_required_module_no_longer_holds_sharing_back() -> None:
    sharing = await share_world()
    world = sharing.world
    module = await published(world)
    content = await sharing.content()
    await world.programme.update_settings(
        world.admin, UpdateSettingsCommand(changes={"required_training_modules": [str(module.id)]})
    )
    await world.training.archive_module(world.admin, ModuleTransitionCommand(module_id=module.id))

    assert (await sharing.share(content)).created
