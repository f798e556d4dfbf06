"""A completed training module earns its points through the worker on PostgreSQL, once, however often the
event is delivered and however many attempts follow the pass; the metrics count it once too."""

from __future__ import annotations

from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.services.events.deliver_events import DeliverEvents
from tests.integration.conftest import Mint
from tests.integration.helpers import create_employee, join_as_ambassador
from tests.integration.metrics_helpers import around_today, read
from tests.integration.rewards_helpers import my_points, rewards_worker
from tests.integration.training_helpers import MODULE, pass_quiz, published_module
from tests.integration.worker_helpers import drain

__all__ = ["rewards_worker"]


async def test_a_completion_earns_the_training_points_once(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    rewards_worker: DeliverEvents,
) -> None:
    employee = await create_employee(client, admin_a, given_name="Ada")
    ada = await join_as_ambassador(client, mint, tenant_a, employee, subject="idp|ada")
    module = await published_module(client, admin_a)

    await pass_quiz(client, ada, module["id"])
    await pass_quiz(client, ada, module["id"])
    await drain(rewards_worker)
    await drain(rewards_worker)

    statement = await my_points(client, ada)
    training = [(e["rule"], e["points"]) for e in statement["items"] if e["rule"].startswith("training_completed")]
    assert training == [("training_completed", 20)]


async def test_the_metrics_count_each_completion_once_per_ambassador(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    members = []
    for name in ("Ada", "Bob"):
        employee = await create_employee(client, admin_a, given_name=name)
        members.append(await join_as_ambassador(client, mint, tenant_a, employee, subject=f"idp|{name.lower()}"))
    module = await published_module(client, admin_a)
    other = await published_module(client, admin_a, quiz=None, lessons=MODULE["lessons"][:1])
    await pass_quiz(client, members[0], module["id"])
    await pass_quiz(client, members[0], module["id"])
    done = await client.post(f"/v1/training-modules/{other['id']}/lessons/1/done", headers=members[0])
    assert done.json()["completed"]
    await client.post(f"/v1/training-modules/{module['id']}/lessons/1/done", headers=members[1])

    params = around_today() | {"kpi": "training_completions"}
    totals = await read(client, "/v1/metrics", admin_a, **params)
    by_ambassador = await read(client, "/v1/metrics", admin_a, **params, group_by="ambassador")

    assert totals["totals"] == {"training_completions": 2}
    assert [row["values"]["training_completions"] for row in by_ambassador["rows"]] == [2]


async def test_the_completion_rate_is_the_completions_over_the_enrolled_ambassadors(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    members = []
    for name in ("Ada", "Bob", "Cyd", "Dee"):
        employee = await create_employee(client, admin_a, given_name=name)
        members.append(await join_as_ambassador(client, mint, tenant_a, employee, subject=f"idp|{name.lower()}"))
    module = await published_module(client, admin_a, quiz=None, lessons=MODULE["lessons"][:1])
    for member in members[:2]:
        await client.post(f"/v1/training-modules/{module['id']}/lessons/1/done", headers=member)

    kpis = "training_completions,enrolled_ambassadors,training_completion_rate"
    report = await read(client, "/v1/metrics", admin_a, **around_today(), kpi=kpis)

    assert report["totals"] == {"training_completions": 2, "enrolled_ambassadors": 4, "training_completion_rate": 0.5}
