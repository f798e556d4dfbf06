"""Problem types of training."""

from __future__ import annotations

from uuid import UUID

from app.api.graphql.community.training import errors as gql
from app.api.problem_types.problem_type import of_error
from app.api.rest.community.training.problem_members import RequiredModules
from app.domain.community.training_progress import NoQuiz, TrainingRequired

TRAINING_REQUIRED = of_error(
    TrainingRequired,
    409,
    "Training required",
    means="The programme requires training modules before sharing, and the ambassador has not completed "
    "`modules` yet. Nothing was written.",
    fix="Complete the modules the detail names (their lessons, and their quiz when they have one), then share again.",
    example=TrainingRequired([(UUID("0196a3fa-3c4d-7e5f-8a6b-7c8d9e0f1a2b"), "Writing posts that engage")]),
    rest=RequiredModules.of,
    graphql=gql.TRAINING_REQUIRED,
)
TRAINING_WITHOUT_QUIZ = of_error(
    NoQuiz,
    409,
    "Training module without quiz",
    means="A quiz attempt was sent for a module that has no quiz.",
    fix="Mark each of the module's lessons done: that completes a module without quiz.",
    example=NoQuiz(),
    graphql=gql.TRAINING_WITHOUT_QUIZ,
)
