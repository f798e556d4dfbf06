"""HRIS deliveries as use cases on the in-memory fakes: once per webhook-id, stale when older, refused
and logged when they cannot apply, unverified when unsigned."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook

from app.domain.errors import ValidationFailed
from app.domain.integrations.deliveries import DeliveryOutcome
from app.domain.integrations.integrations import IntegrationKind
from app.domain.integrations.refusals import DeliveryRefused, UnverifiedDelivery
from app.domain.roster.identity import Role
from app.ports.pagination import PageRequest
from app.ports.roster import EmployeeFilter
from app.services.integrations.receive_hris_event import HrisDelivery
from app.services.integrations.register_integration import IssuedIntegration, RegisterIntegrationCommand
from tests.unit.world import World

ADA = {"external_id": "HR-1", "email": "ada@acme.example", "given_name": "Ada", "family_name": "Lovelace"}


async def registered(world: World) -> IssuedIntegration:
    command = RegisterIntegrationCommand(kind=IntegrationKind.HRIS_WEBHOOK, name="Workday")
    return await world.integrations.register_integration(world.staff(Role.ADMIN), command)


def delivery(issued: IssuedIntegration, payload: Any, webhook_id: str, secret: str | None = None) -> HrisDelivery:
    body = json.dumps(payload).encode()
    now = datetime.now(UTC)
    signature = Webhook(secret or str(issued.credential)).sign(webhook_id, now, body)
    headers = {"webhook-id": webhook_id, "webhook-timestamp": str(int(now.timestamp())), "webhook-signature": signature}
    return HrisDelivery(integration_id=issued.integration.id, body=body, headers=headers)


def hired(**data: Any) -> dict[str, Any]:
    return {"type": "employee.hired", "timestamp": "2026-03-02T08:00:00Z", "data": ADA | data}


async def test_a_delivery_applies_once_and_its_replay_is_a_duplicate(world: World) -> None:
    issued = await registered(world)
    receive = world.integrations.receive_hris_event

    first = await receive(delivery(issued, hired(), "msg_1"))
    again = await receive(delivery(issued, hired(department="Ops"), "msg_1"))

    assert (first.outcome, again.outcome) == (DeliveryOutcome.APPLIED, DeliveryOutcome.DUPLICATE)
    [ada] = (await world.roster.list_employees(world.staff(Role.ADMIN), EmployeeFilter(), PageRequest())).items
    assert ada.profile.department is None


async def test_an_event_older_than_the_last_applied_is_stale(world: World) -> None:
    issued = await registered(world)
    receive = world.integrations.receive_hris_event
    await receive(delivery(issued, hired(department="Ops") | {"timestamp": "2026-03-05T08:00:00Z"}, "msg_1"))

    older = await receive(delivery(issued, hired(department="R&D"), "msg_2"))

    assert older.outcome is DeliveryOutcome.STALE
    logged = await world.integrations.list_deliveries(world.staff(Role.ADMIN), issued.integration.id, PageRequest())
    assert [d.outcome for d in logged.items] == [DeliveryOutcome.STALE, DeliveryOutcome.APPLIED]


async def test_refusals_are_logged_and_unverified_deliveries_are_not(world: World) -> None:
    issued = await registered(world)
    receive = world.integrations.receive_hris_event
    update = {"type": "employee.updated", "timestamp": "2026-03-02T08:00:00Z", "data": {"external_id": "HR-1"}}

    with pytest.raises(DeliveryRefused):
        await receive(delivery(issued, update, "msg_1"))
    with pytest.raises(ValidationFailed):
        await receive(delivery(issued, {"type": "employee.hired"}, "msg_2"))
    with pytest.raises(UnverifiedDelivery):
        await receive(delivery(issued, hired(), "msg_3", secret="whsec_" + "A" * 44))

    logged = await world.integrations.list_deliveries(world.staff(Role.ADMIN), issued.integration.id, PageRequest())
    assert [(d.webhook_id, d.outcome) for d in logged.items] == [
        ("msg_2", DeliveryOutcome.REFUSED),
        ("msg_1", DeliveryOutcome.REFUSED),
    ]
