"""Surveys and the idea box over GraphQL: the same use cases as REST, refusals as typed errors of each
mutation's union, surveys and ideas read back by their ids."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import nothing_written
from tests.integration.surveys_helpers import at, member
from tests.integration.test_graphql import Json, data_of

CREATE = """
mutation ($input: SurveyInput!) {
  createSurvey(input: $input) {
    __typename
    ... on Survey { id uuid status anonymous questions { kind options } }
    ... on ValidationError { fieldErrors { path message } }
  }
}"""
OPEN = """
mutation ($id: ID!) {
  openSurvey(surveyId: $id) { __typename ... on Survey { status version } ... on Error { code } }
}"""
ANSWER = """
mutation ($id: ID!, $replies: [ReplyInput!]!) {
  answerSurvey(surveyId: $id, replies: $replies) {
    __typename
    ... on SurveyAnswer { surveyId anonymous }
    ... on ValidationError { fieldErrors { path message } }
    ... on Error { code message }
  }
}"""
RESULTS = """
query ($id: ID!) {
  surveyResults(id: $id) {
    answers withheld reason
    questions { kind withheld average nps promoters detractors options { option count } texts }
  }
}"""
SUBMIT = """
mutation ($title: String!, $body: String!) {
  submitIdea(title: $title, body: $body) { __typename ... on Idea { id status } ... on Error { code } }
}"""
DECIDE = """
mutation ($id: ID!) {
  accept: acceptIdea(ideaId: $id) { __typename ... on Idea { status contentId } ... on Error { code } }
}"""
DECLINE = """
mutation ($id: ID!, $reason: String!) {
  declineIdea(ideaId: $id, reason: $reason) {
    __typename ... on Idea { status reason } ... on IdeaAlreadyDecidedError { code currentStatus }
  }
}"""
NODE = "query ($id: ID!) { node(id: $id) { __typename id } }"
REPLIES = [{"question": 0, "score": 5}, {"question": 1, "score": 9}]


@pytest.fixture
def manager(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return bearer(mint(tenant_a, "manager", subject="programme-manager"))


async def survey(client: httpx.AsyncClient, headers: dict[str, str], **fields: object) -> Json:
    sent = {
        "title": "Pulse",
        "questions": [
            {"kind": "SATISFACTION", "prompt": "How satisfied are you?"},
            {"kind": "NPS", "prompt": "Would you recommend it?"},
        ],
        "opensAt": at(-0.01),
        "closesAt": at(7),
    } | fields
    created: Json = (await data_of(client, CREATE, headers, input=sent))["createSurvey"]
    assert created["__typename"] == "Survey", created
    return created


async def test_a_survey_is_opened_answered_once_and_its_results_read(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    manager: dict[str, str],
) -> None:
    created = await survey(client, manager, anonymous=True)
    assert (created["status"], created["anonymous"]) == ("DRAFT", True)
    opened = (await data_of(client, OPEN, manager, id=created["id"]))["openSurvey"]
    assert opened == {"__typename": "Survey", "status": "OPEN", "version": 2}
    again = (await data_of(client, OPEN, manager, id=created["id"]))["openSurvey"]
    assert again == {"__typename": "InvalidTransitionError", "code": "invalid-transition"}

    people = [await member(client, mint, tenant_a, admin_a, name) for name in ("Ada", "Bob", "Cyd", "Dee", "Eve")]
    mine = await data_of(client, "{ mySurveys { edges { node { id } } } }", people[0])
    assert mine["mySurveys"]["edges"] == [{"node": {"id": created["id"]}}]
    async with nothing_written(engine):
        invalid = (await data_of(client, ANSWER, people[0], id=created["id"], replies=[]))["answerSurvey"]
    assert invalid["__typename"] == "ValidationError"
    for headers in people:
        answered = (await data_of(client, ANSWER, headers, id=created["id"], replies=REPLIES))["answerSurvey"]
        assert answered == {"__typename": "SurveyAnswer", "surveyId": created["id"], "anonymous": True}
    async with nothing_written(engine):
        twice = (await data_of(client, ANSWER, people[0], id=created["id"], replies=REPLIES))["answerSurvey"]
    assert (twice["__typename"], twice["code"]) == ("SurveyAlreadyAnsweredError", "survey-already-answered")

    results = (await data_of(client, RESULTS, manager, id=created["id"]))["surveyResults"]
    assert (results["answers"], results["withheld"]) == (5, False)
    assert results["questions"][0]["average"] == "5.00"
    assert (results["questions"][1]["nps"], results["questions"][1]["promoters"]) == (100, 5)
    assert (await data_of(client, NODE, manager, id=created["id"]))["node"] == {
        "__typename": "Survey",
        "id": created["id"],
    }


async def test_refusals_to_answer_are_typed_errors(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    manager: dict[str, str],
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada", location="Paris")
    lyon = await survey(client, manager, targeting={"locations": ["Lyon"]})
    later = await survey(client, manager, opensAt=at(1), closesAt=at(2))
    for each in (lyon, later):
        await data_of(client, OPEN, manager, id=each["id"])

    async with nothing_written(engine):
        targeted = (await data_of(client, ANSWER, ada, id=lyon["id"], replies=REPLIES))["answerSurvey"]
        early = (await data_of(client, ANSWER, ada, id=later["id"], replies=REPLIES))["answerSurvey"]
    assert (targeted["__typename"], targeted["code"]) == ("SurveyNotTargetedError", "survey-not-targeted")
    assert (early["__typename"], early["code"]) == ("SurveyNotOpenError", "survey-not-open")


async def test_an_idea_is_suggested_accepted_once_and_read_by_its_author(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], manager: dict[str, str]
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    idea = (await data_of(client, SUBMIT, ada, title="Lab tour", body="A video of the lab."))["submitIdea"]
    assert (idea["__typename"], idea["status"]) == ("Idea", "PENDING")

    accepted = (await data_of(client, DECIDE, manager, id=idea["id"]))["accept"]
    assert (accepted["__typename"], accepted["status"]) == ("Idea", "ACCEPTED")
    content = (await data_of(client, NODE, manager, id=accepted["contentId"]))["node"]
    assert content["__typename"] == "Content"
    twice = (await data_of(client, DECLINE, manager, id=idea["id"], reason="No."))["declineIdea"]
    assert twice == {
        "__typename": "IdeaAlreadyDecidedError",
        "code": "idea-already-decided",
        "currentStatus": "ACCEPTED",
    }
    mine = await data_of(client, "{ myIdeas { edges { node { id status } } } }", ada)
    assert mine["myIdeas"]["edges"] == [{"node": {"id": idea["id"], "status": "ACCEPTED"}}]
    queue = await data_of(client, "{ ideas(status: PENDING) { edges { node { id } } } }", manager)
    assert queue["ideas"]["edges"] == []
