"""Training over GraphQL: the same use cases as REST, refusals as typed errors of each mutation's union,
modules read back by their ids, completions for staff, and a share refused until the training is done."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import create_employee, join_as_ambassador, nothing_written
from tests.integration.share_helpers import Sharing, published, sharing_programme
from tests.integration.test_graphql import Json, data_of, node_id
from tests.integration.training_helpers import MODULE

CREATE = """
mutation ($input: TrainingModuleInput!) {
  createTrainingModule(input: $input) {
    __typename
    ... on TrainingModule { id uuid version status lessons { position title } quiz { passMark questions { correct } } }
    ... on ValidationError { fieldErrors { path message } }
  }
}"""
PUBLISH = """
mutation ($id: ID!, $version: Int) {
  publishTrainingModule(moduleId: $id, expectedVersion: $version) {
    __typename ... on TrainingModule { status } ... on Error { code }
  }
}"""
LESSON = """
mutation ($id: ID!, $position: Int!) {
  markTrainingLessonDone(moduleId: $id, position: $position) {
    __typename ... on TrainingProgress { lessonsDone completed } ... on Error { code }
  }
}"""
QUIZ = """
mutation ($id: ID!, $answers: [[Int!]!]!) {
  submitTrainingQuiz(moduleId: $id, answers: $answers) {
    __typename
    ... on TrainingQuizAttempt { score passMark passed progress { completed attempts } }
    ... on Error { code message }
  }
}"""
READ = """
query ($id: ID!) {
  trainingModule(id: $id) { title quiz { questions { choices correct } } }
  trainingModules(first: 10) { edges { node { id status } } }
  node(id: $id) { ... on TrainingModule { title } }
}"""
COMPLETIONS = """
query ($id: ID!) {
  trainingCompletions(moduleId: $id) {
    completions inProgress activeAmbassadors completionRate completed { edges { node { completed } } }
  }
}"""
SHARE = """
mutation ($content: ID!) {
  createShare(input: {contentId: $content, network: LINKEDIN}) {
    __typename ... on TrainingRequiredError { code message modules }
  }
}"""
SETTINGS = """
mutation ($modules: [ID!]!) {
  updateSettings(input: {requiredTrainingModules: $modules}) {
    __typename ... on ProgrammeSettings { requiredTrainingModules }
  }
}"""


def module_input(**changes: object) -> Json:
    lessons = [
        {"title": lesson["title"], "body": lesson["body"], "links": lesson.get("links", [])}
        for lesson in MODULE["lessons"]
    ]
    questions = [
        {"prompt": q["prompt"], "choices": q["choices"], "correct": q["correct"]} for q in MODULE["quiz"]["questions"]
    ]
    return {"title": MODULE["title"], "lessons": lessons, "quiz": {"passMark": 50, "questions": questions}} | changes


@pytest.fixture
def manager(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return bearer(mint(tenant_a, "manager", subject="programme-manager"))


async def published_module(client: httpx.AsyncClient, staff: dict[str, str], **changes: object) -> Json:
    created: Json = (await data_of(client, CREATE, staff, input=module_input(**changes)))["createTrainingModule"]
    assert created["__typename"] == "TrainingModule", created
    done = await data_of(client, PUBLISH, staff, id=created["id"], version=created["version"])
    assert done["publishTrainingModule"] == {"__typename": "TrainingModule", "status": "PUBLISHED"}
    return created


async def test_a_module_is_written_followed_and_completed_over_graphql(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], manager: dict[str, str]
) -> None:
    employee = await create_employee(client, admin_a, given_name="Ada")
    ada = await join_as_ambassador(client, mint, tenant_a, employee, subject="idp|ada")
    module = await published_module(client, manager)
    assert [q["correct"] for q in module["quiz"]["questions"]] == [[0], [0]]

    read = await data_of(client, READ, ada, id=module["id"])
    assert [q["correct"] for q in read["trainingModule"]["quiz"]["questions"]] == [None, None]
    assert [edge["node"]["id"] for edge in read["trainingModules"]["edges"]] == [module["id"]]
    assert read["node"] == {"title": MODULE["title"]}

    lesson = await data_of(client, LESSON, ada, id=module["id"], position=2)
    assert lesson["markTrainingLessonDone"] == {
        "__typename": "TrainingProgress",
        "lessonsDone": [2],
        "completed": False,
    }
    failed = (await data_of(client, QUIZ, ada, id=module["id"], answers=[[1], [0]]))["submitTrainingQuiz"]
    assert (failed["score"], failed["passMark"], failed["passed"]) == (50, 50, True)
    assert failed["progress"] == {"completed": True, "attempts": 1}

    figures = (await data_of(client, COMPLETIONS, manager, id=module["id"]))["trainingCompletions"]
    assert (figures["completions"], figures["activeAmbassadors"], figures["completionRate"]) == (1, 1, 1.0)
    assert figures["completed"]["edges"] == [{"node": {"completed": True}}]


async def test_refusals_are_typed_errors_and_write_nothing(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    manager: dict[str, str],
) -> None:
    employee = await create_employee(client, admin_a, given_name="Ada")
    ada = await join_as_ambassador(client, mint, tenant_a, employee, subject="idp|ada")
    without_quiz = await published_module(client, manager, quiz=None)
    bad = module_input(lessons=[{"title": "T", "body": "B", "videoUrl": "ftp://videos.acme.example/v"}])

    async with nothing_written(engine):
        created = (await data_of(client, CREATE, manager, input=bad))["createTrainingModule"]
        assert created["__typename"] == "ValidationError"
        assert [e["path"] for e in created["fieldErrors"]] == [["lessons", "0", "videoUrl"]]
        quiz = (await data_of(client, QUIZ, ada, id=without_quiz["id"], answers=[]))["submitTrainingQuiz"]
        assert (quiz["__typename"], quiz["code"]) == ("TrainingWithoutQuizError", "training-without-quiz")
        again = (await data_of(client, PUBLISH, manager, id=without_quiz["id"], version=None))["publishTrainingModule"]
        assert again == {"__typename": "InvalidTransitionError", "code": "invalid-transition"}
        forbidden = (await data_of(client, CREATE, ada, input=module_input()))["createTrainingModule"]
        assert forbidden["__typename"] == "ForbiddenError"


async def test_another_organisations_module_reads_as_null(
    client: httpx.AsyncClient, tenant_b: UUID, admin_b: dict[str, str], manager: dict[str, str]
) -> None:
    module = await published_module(client, manager)
    read = await data_of(client, READ, admin_b, id=module["id"])
    assert (read["trainingModule"], read["trainingModules"]["edges"], read["node"]) == (None, [], None)
    assert (await data_of(client, COMPLETIONS, admin_b, id=module["id"]))["trainingCompletions"] is None


@pytest.fixture
async def sharing(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Sharing:
    return await sharing_programme(client, mint, tenant_a, admin_a)


async def test_a_share_is_refused_with_the_modules_to_complete(
    client: httpx.AsyncClient, engine: AsyncEngine, sharing: Sharing, admin_a: dict[str, str]
) -> None:
    content_id = await published(client, sharing)
    module = await published_module(client, admin_a)
    settings = (await data_of(client, SETTINGS, admin_a, modules=[module["id"]]))["updateSettings"]
    assert settings["requiredTrainingModules"] == [module["id"]]

    async with nothing_written(engine):
        refused = (await data_of(client, SHARE, sharing.member, content=node_id("Content", content_id)))["createShare"]
    assert refused["__typename"] == "TrainingRequiredError"
    assert (refused["code"], refused["modules"]) == ("training-required", [module["id"]])
