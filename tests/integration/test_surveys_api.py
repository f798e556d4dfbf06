"""Surveys over REST on PostgreSQL: written, opened, answered once, their results withheld below five
answers and exported as CSV; anonymous answers that nothing links back; refusals as problem types that
write nothing."""

from __future__ import annotations

import csv
import io
from uuid import UUID

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import assert_problem, etag_version, nothing_written, outbox_events
from tests.integration.surveys_helpers import at, create_survey, member, open_survey, replies


@pytest.fixture
def manager(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return bearer(mint(tenant_a, "manager", subject="programme-manager"))


async def test_an_anonymous_survey_is_answered_once_by_each_and_shows_results_from_five_answers(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    manager: dict[str, str],
) -> None:
    draft = await create_survey(client, manager, anonymous=True)
    read = await client.get(f"/v1/surveys/{draft['id']}", headers=manager)
    changed = await client.patch(
        f"/v1/surveys/{draft['id']}",
        json={"title": "Spring pulse 2026"},
        headers=manager | {"If-Match": read.headers["ETag"]},
    )
    assert changed.status_code == 200, changed.text
    stale = await client.patch(
        f"/v1/surveys/{draft['id']}", json={"title": "Again"}, headers=manager | {"If-Match": read.headers["ETag"]}
    )
    assert_problem(stale, 412, "precondition-failed")
    opened = await client.post(f"/v1/surveys/{draft['id']}/open", headers=manager)
    assert (opened.json()["status"], etag_version(opened)) == ("open", 3)

    people = [await member(client, mint, tenant_a, admin_a, name) for name in ("Ada", "Bob", "Cyd", "Dee", "Eve")]
    listed = await client.get("/v1/me/surveys", headers=people[0])
    assert [s["id"] for s in listed.json()["items"]] == [draft["id"]]
    for index, headers in enumerate(people[:4]):
        answered = await client.post(
            f"/v1/surveys/{draft['id']}/answers", json=replies(index + 1, 10, "=1+1"), headers=headers
        )
        assert answered.status_code == 201, answered.text
        assert answered.json()["anonymous"] is True
    assert (await client.get("/v1/me/surveys", headers=people[0])).json()["items"] == []

    withheld = (await client.get(f"/v1/surveys/{draft['id']}/results", headers=manager)).json()
    assert (withheld["withheld"], withheld["answers"]) == (True, 4)
    assert "fewer than 5" in withheld["reason"]
    assert all(q["average"] is None and q["texts"] == [] for q in withheld["questions"])

    await client.post(f"/v1/surveys/{draft['id']}/answers", json=replies(5, 0), headers=people[4])
    results = (await client.get(f"/v1/surveys/{draft['id']}/results", headers=manager)).json()
    satisfaction, nps, networks, texts = results["questions"]
    assert (results["withheld"], satisfaction["average"], nps["nps"]) == (False, "3.00", 60)
    assert networks["options"] == [{"option": "LinkedIn", "count": 5}, {"option": "X", "count": 0}]
    assert (texts["withheld"], texts["replies"], texts["texts"]) == (True, 4, [])

    async with engine.connect() as connection:
        answers = (await connection.execute(sa.text("SELECT * FROM survey_answers"))).mappings().all()
        respondents = (await connection.execute(sa.text("SELECT * FROM survey_respondents"))).mappings().all()
    assert len(answers) == len(respondents) == 5
    assert {row["ambassador_id"] for row in answers} == {None}
    assert set(answers[0]) == {"tenant_id", "id", "survey_id", "ambassador_id", "answered_on", "replies"}
    assert set(respondents[0]) == {"tenant_id", "survey_id", "ambassador_id"}
    assert {row["id"].version for row in answers} == {4}
    events = [data for kind, data in await outbox_events(engine, tenant_a) if kind == "survey.answered"]
    assert len(events) == 5
    assert all(set(data) == {"survey_id", "ambassador_id", "anonymous"} for data in events)


async def test_results_export_as_csv_with_formulas_neutralised(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], manager: dict[str, str]
) -> None:
    survey = await open_survey(client, manager)
    for name in ("Ada", "Bob", "Cyd", "Dee", "Eve"):
        headers = await member(client, mint, tenant_a, admin_a, name)
        await client.post(f"/v1/surveys/{survey['id']}/answers", json=replies(4, 9, "=HYPERLINK()"), headers=headers)

    exported = await client.get(f"/v1/exports/surveys/{survey['id']}", headers=manager | {"Accept": "text/csv"})

    assert exported.status_code == 200, exported.text
    assert exported.headers["content-type"].startswith("text/csv")
    assert "attachment" in exported.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert {"question": "0", "kind": "satisfaction", "measure": "average", "value": "4.00"}.items() <= rows[0].items()
    nps = {row["measure"]: row["value"] for row in rows if row["kind"] == "nps" and row["measure"] != "score"}
    assert (nps["nps"], nps["promoters"], nps["detractors"]) == ("100", "5", "0")
    assert [row["value"] for row in rows if row["measure"] == "text"] == ["'=HYPERLINK()"] * 5
    ambassador = bearer(mint(tenant_a, "ambassador", subject="idp|ada"))
    assert_problem(await client.get(f"/v1/exports/surveys/{survey['id']}", headers=ambassador), 403, "forbidden")


async def test_refusals_to_answer_are_problem_types_and_write_nothing(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    manager: dict[str, str],
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada", location="Paris")
    lyon = await open_survey(client, manager, targeting={"locations": ["Lyon"]})
    later = await open_survey(client, manager, opens_at=at(1), closes_at=at(2))
    everyone = await open_survey(client, manager)
    draft = await create_survey(client, manager)
    assert (await client.post(f"/v1/surveys/{everyone['id']}/answers", json=replies(), headers=ada)).status_code == 201

    async with nothing_written(engine):
        refused = [
            (
                await client.post(f"/v1/surveys/{lyon['id']}/answers", json=replies(), headers=ada),
                403,
                "survey-not-targeted",
            ),
            (
                await client.post(f"/v1/surveys/{later['id']}/answers", json=replies(), headers=ada),
                409,
                "survey-not-open",
            ),
            (
                await client.post(f"/v1/surveys/{everyone['id']}/answers", json=replies(), headers=ada),
                409,
                "survey-already-answered",
            ),
            (await client.post(f"/v1/surveys/{draft['id']}/answers", json=replies(), headers=ada), 404, "not-found"),
            (
                await client.post(
                    f"/v1/surveys/{later['id']}/answers",
                    json={"replies": [{"question": 0, "score": 4}]},
                    headers=manager,
                ),
                403,
                "forbidden",
            ),
            (await client.post("/v1/surveys", json={"title": "x"}, headers=ada), 403, "forbidden"),
            (await client.post(f"/v1/surveys/{lyon['id']}/open", headers=manager), 409, "invalid-transition"),
            (
                await client.patch(f"/v1/surveys/{lyon['id']}", json={"title": "New"}, headers=manager),
                409,
                "invalid-transition",
            ),
        ]
        for response, status, problem_type in refused:
            assert_problem(response, status, problem_type)
    closed_window = await client.post(f"/v1/surveys/{later['id']}/close", headers=manager)
    assert closed_window.status_code == 200
    invalid = await client.post(
        f"/v1/surveys/{lyon['id']}/answers",
        json={"replies": [{"question": 0, "score": 4}]},
        headers=await member(client, mint, tenant_a, admin_a, "Bob", location="Lyon"),
    )
    problem = assert_problem(invalid, 422, "validation-failed")
    assert "Reply to question 1." in {error["message"] for error in problem["errors"]}
    assert (await client.get(f"/v1/surveys/{later['id']}", headers=manager)).json()["status"] == "closed"


async def test_another_organisations_surveys_and_ideas_are_never_listed(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    tenant_b: UUID,
    admin_a: dict[str, str],
    admin_b: dict[str, str],
    manager: dict[str, str],
) -> None:
    await open_survey(client, manager)
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    assert (
        await client.post("/v1/ideas", json={"title": "Lab tour", "body": "A video."}, headers=ada)
    ).status_code == 201
    other = bearer(mint(tenant_b, "manager", subject="other-manager"))
    assert (await client.get("/v1/surveys", headers=other)).json()["items"] == []
    assert (await client.get("/v1/ideas", headers=other)).json()["items"] == []
    bob = await member(client, mint, tenant_b, admin_b, "Bob")
    assert (await client.get("/v1/me/surveys", headers=bob)).json()["items"] == []


async def test_a_survey_and_an_idea_answer_not_modified_while_unchanged(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], manager: dict[str, str]
) -> None:
    survey = await create_survey(client, manager)
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    idea = (await client.post("/v1/ideas", json={"title": "Lab tour", "body": "A video."}, headers=ada)).json()
    tags = {}
    for url in (f"/v1/surveys/{survey['id']}", f"/v1/ideas/{idea['id']}"):
        first = await client.get(url, headers=manager)
        again = await client.get(url, headers=manager | {"If-None-Match": first.headers["ETag"]})
        assert (first.status_code, again.status_code) == (200, 304)
        tags[url] = first.headers["ETag"]
    await client.post(f"/v1/surveys/{survey['id']}/open", headers=manager)
    url = f"/v1/surveys/{survey['id']}"
    changed = await client.get(url, headers=manager | {"If-None-Match": tags[url]})
    assert changed.status_code == 200
    assert changed.json()["status"] == "open"
