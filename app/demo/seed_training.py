"""Tell the demo's training (``app/demo/training_story.py``) through its use cases."""

from __future__ import annotations

from collections.abc import Callable

from app.demo.story_clock import StoryClock
from app.demo.training_story import MODULE, PUBLISHED, STEPS, WRITTEN
from app.domain.roster.identity import Principal
from app.services.community.training import TrainingUseCases
from app.services.community.training.modules import ModuleTransitionCommand
from app.services.community.training.progress import QuizAttemptCommand


async def tell_training(
    use_cases: TrainingUseCases, story: StoryClock, manager: Principal, members: Callable[[str], Principal]
) -> None:
    story.go_to(WRITTEN)
    module = await use_cases.create_module(manager, MODULE)
    story.go_to(PUBLISHED)
    await use_cases.publish_module(manager, ModuleTransitionCommand(module_id=module.id))
    for step in STEPS:
        story.go_to(step.day)
        member = members(step.slug)
        for position in step.lessons:
            await use_cases.mark_lesson_done(member, module.id, position)
        if step.answers is not None:
            answers = [frozenset(answer) for answer in step.answers]
            await use_cases.submit_quiz_attempt(member, QuizAttemptCommand(module_id=module.id, answers=answers))
