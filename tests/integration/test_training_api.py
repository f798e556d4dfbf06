"""Training over REST on PostgreSQL: staff write and publish modules, ambassadors follow them without the
right answers, a pass completes a module once, refusals are problem types that write nothing, and a
programme's required training holds sharing back."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint, bearer
from tests.integration.helpers import (
    assert_problem,
    create_employee,
    error_locations,
    join_as_ambassador,
    nothing_written,
    outbox_events,
)
from tests.integration.share_helpers import Sharing, create_share, published, sharing_programme
from tests.integration.training_helpers import MODULE, WRONG, create_module, pass_quiz, published_module


@pytest.fixture
def manager(mint: Mint, tenant_a: UUID) -> dict[str, str]:
    return bearer(mint(tenant_a, "manager", subject="programme-manager"))


async def member(client: httpx.AsyncClient, mint: Mint, tenant: UUID, admin: dict[str, str], name: str) -> Any:
    employee = await create_employee(client, admin, given_name=name)
    return await join_as_ambassador(client, mint, tenant, employee, subject=f"idp|{name.lower()}")


async def test_ambassadors_follow_a_published_module_and_a_pass_completes_it_once(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    manager: dict[str, str],
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    await member(client, mint, tenant_a, admin_a, "Bob")
    draft = await create_module(client, manager)
    assert draft["status"] == "draft"
    assert draft["quiz"]["questions"][0]["correct"] == [0]
    assert [lesson["position"] for lesson in draft["lessons"]] == [1, 2]
    assert (await client.get(f"/v1/training-modules/{draft['id']}", headers=ada)).status_code == 404
    publish = await client.post(f"/v1/training-modules/{draft['id']}/publish", headers=manager | {"If-Match": '"v1"'})
    assert publish.status_code == 200, publish.text
    module_id = draft["id"]

    read = (await client.get(f"/v1/training-modules/{module_id}", headers=ada)).json()
    listed = (await client.get("/v1/training-modules", headers=ada)).json()
    assert [q["correct"] for q in read["quiz"]["questions"]] == [None, None]
    assert [m["id"] for m in listed["items"]] == [module_id]

    done = await client.post(f"/v1/training-modules/{module_id}/lessons/1/done", headers=ada)
    assert (done.status_code, done.json()["lessons_done"], done.json()["completed"]) == (200, [1], False)
    failed = await client.post(f"/v1/training-modules/{module_id}/quiz-attempts", json={"answers": WRONG}, headers=ada)
    assert {k: failed.json()[k] for k in ("score", "pass_mark", "passed")} == {
        "score": 0,
        "pass_mark": 50,
        "passed": False,
    }
    passed = await pass_quiz(client, ada, module_id)
    again = await pass_quiz(client, ada, module_id)

    assert (passed["passed"], passed["progress"]["completed"], again["progress"]["attempts"]) == (True, True, 3)
    events = [(kind, data) for kind, data in await outbox_events(engine, tenant_a) if kind.startswith("training")]
    assert [kind for kind, _ in events] == ["training_module.published", "training.completed"]
    assert events[1][1]["module_id"] == module_id
    completions = (await client.get(f"/v1/training-modules/{module_id}/completions", headers=manager)).json()
    assert (completions["completions"], completions["active_ambassadors"], completions["completion_rate"]) == (
        1,
        2,
        0.5,
    )
    assert len(completions["items"]) == 1
    mine = await client.get(f"/v1/training-modules/{module_id}/progress", headers=ada)
    assert (mine.json()["completed"], mine.json()["best_score"]) == (True, 100)


async def test_refusals_are_problem_types_and_write_nothing(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    manager: dict[str, str],
) -> None:
    ada = await member(client, mint, tenant_a, admin_a, "Ada")
    without_quiz = await published_module(client, manager, quiz=None)
    module = await published_module(client, manager)
    insecure = MODULE | {"lessons": [{"title": "T", "body": "B", "video_url": "http://videos.acme.example/v"}]}
    base = f"/v1/training-modules/{module['id']}"

    async with nothing_written(engine):
        refused = await client.post("/v1/training-modules", json=insecure, headers=manager)
        assert error_locations(assert_problem(refused, 422, "validation-failed")) == [
            ["body", "lessons", 0, "video_url"]
        ]
        assert_problem(await client.post("/v1/training-modules", json=MODULE, headers=ada), 403, "forbidden")
        no_quiz = await client.post(
            f"/v1/training-modules/{without_quiz['id']}/quiz-attempts", json={"answers": []}, headers=ada
        )
        assert_problem(no_quiz, 409, "training-without-quiz")
        short = await client.post(f"{base}/quiz-attempts", json={"answers": [[0]]}, headers=ada)
        assert error_locations(assert_problem(short, 422, "validation-failed")) == [["body", "answers"]]
        assert_problem(await client.post(f"{base}/lessons/3/done", headers=ada), 404, "not-found")
        fixed = await client.patch(base, json={"lessons": MODULE["lessons"]}, headers=manager)
        assert error_locations(assert_problem(fixed, 422, "validation-failed")) == [["body", "lessons"]]
        stale = await client.patch(base, json={"title": "New"}, headers=manager | {"If-Match": '"v1"'})
        assert_problem(stale, 412)
        assert_problem(await client.post(f"{base}/publish", headers=manager), 409, "invalid-transition")
        assert_problem(await client.get(f"{base}/completions", headers=ada), 403, "forbidden")


async def test_another_organisations_modules_read_as_missing(
    client: httpx.AsyncClient,
    mint: Mint,
    tenant_a: UUID,
    tenant_b: UUID,
    admin_b: dict[str, str],
    manager: dict[str, str],
) -> None:
    module = await published_module(client, manager)
    base = f"/v1/training-modules/{module['id']}"
    assert_problem(await client.get(base, headers=admin_b), 404, "not-found")
    assert_problem(await client.get(f"{base}/completions", headers=admin_b), 404, "not-found")
    assert (await client.get("/v1/training-modules", headers=admin_b)).json()["items"] == []


@pytest.fixture
async def sharing(client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]) -> Sharing:
    return await sharing_programme(client, mint, tenant_a, admin_a)


async def test_sharing_waits_for_the_required_training_with_one_more_statement(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    sharing: Sharing,
    admin_a: dict[str, str],
    count_statements: Any,
) -> None:
    content_id = await published(client, sharing)
    other = await published(client, sharing, title="Second")
    first = await published(client, sharing, title="First")
    # A member's first share costs a statement more than later ones: the baseline is a later one.
    assert (await create_share(client, sharing.member, first)).status_code == 201
    with count_statements() as free:
        assert (await create_share(client, sharing.member, other)).status_code == 201
    module = await published_module(client, admin_a)
    settings = await client.patch("/v1/settings", json={"required_training_modules": [module["id"]]}, headers=admin_a)
    assert settings.json()["required_training_modules"] == [module["id"]]

    async with nothing_written(engine):
        refused = await create_share(client, sharing.member, content_id)
    problem = assert_problem(refused, 409, "training-required")
    assert problem["modules"] == [module["id"]]
    assert "Writing posts that engage" in problem["detail"]

    await pass_quiz(client, sharing.member, module["id"])
    with count_statements() as required:
        assert (await create_share(client, sharing.member, content_id)).status_code == 201
    assert required.count == free.count + 1
