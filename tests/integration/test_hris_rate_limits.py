"""The HRIS intake's budget: deliveries from one address to one integration, counted before their
signature is checked, so a flood of unsigned ones is refused cheaply and another address is unaffected."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.settings import Settings
from tests.integration.helpers import assert_problem, nothing_written
from tests.integration.integration_helpers import deliver, event, register_hris
from tests.integration.rate_limit_helpers import client_from, limited_app, remaining

ADA = {"external_id": "HR-1", "email": "ada@acme.example", "given_name": "Ada", "family_name": "Lovelace"}


async def test_a_burst_of_deliveries_is_refused_beyond_the_intakes_budget(
    settings: Settings, client: httpx.AsyncClient, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    hris = await register_hris(client, admin_a)
    url = f"/v1/integrations/{hris['id']}/events"
    async with limited_app(settings, integration_events="3/minute") as app, client_from(app) as sender:
        unsigned = [await sender.post(url, json={"type": "employee.hired"}) for _ in range(2)]
        signed = await deliver(sender, hris, event("hired", "2026-03-02T08:00:00Z", **ADA))
        async with nothing_written(engine):
            refused = await deliver(sender, hris, event("hired", "2026-03-02T08:00:00Z", **ADA))
        async with client_from(app, "203.0.113.9") as other:
            elsewhere = await other.post(url, json={"type": "employee.hired"})

    assert [response.status_code for response in unsigned] == [401, 401]
    assert signed.status_code == 200, signed.text
    assert remaining(signed) == {"integration-events": 0}
    assert assert_problem(refused, 429, "rate-limited")["policy"] == "integration-events"
    assert elsewhere.status_code == 401
