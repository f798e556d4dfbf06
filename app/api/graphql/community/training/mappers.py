"""Training to GraphQL types, and GraphQL inputs to the domain."""

from __future__ import annotations

from app.api.graphql.community.training import types
from app.api.graphql.global_ids import global_id
from app.domain.community import training, training_progress


def module_node(module: training.TrainingModule, *, with_answers: bool) -> types.TrainingModule:
    fields, quiz = module.fields, module.fields.quiz
    return types.TrainingModule(
        id=module.id,
        version=module.version,
        title=fields.title,
        summary=fields.summary,
        lessons=[
            types.TrainingLesson(position=n, title=it.title, body=it.body, links=list(it.links), video_url=it.video_url)
            for n, it in enumerate(fields.lessons, start=1)
        ],
        quiz=None
        if quiz is None
        else types.TrainingQuiz(
            pass_mark=quiz.pass_mark,
            questions=[
                types.TrainingQuestion(
                    prompt=q.prompt, choices=list(q.choices), correct=sorted(q.correct) if with_answers else None
                )
                for q in quiz.questions
            ],
        ),
        status=module.status,
        published_at=module.published_at,
        created_at=module.created_at,
        updated_at=module.updated_at,
    )


def progress_node(progress: training_progress.TrainingProgress) -> types.TrainingProgress:
    return types.TrainingProgress(
        module_id=global_id("TrainingModule", progress.module_id),
        ambassador_id=global_id("Ambassador", progress.ambassador_id),
        lessons_done=sorted(progress.lessons_done),
        attempts=progress.attempts,
        best_score=progress.best_score,
        completed=progress.completed,
        completed_at=progress.completed_at,
        started_at=progress.started_at,
    )
