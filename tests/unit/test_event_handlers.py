"""The handler registry, and handlers whose change happens once per event however often it comes."""

from __future__ import annotations

from enum import StrEnum
from typing import cast

import pytest

from app.domain.events import DomainEvent, EventType, RecordedEvent
from app.ports.unit_of_work import UnitOfWork
from app.services.events.handlers import EventHandlers, OncePerEvent
from tests.unit.world import World


class EchoEvent(StrEnum):
    ECHOED = "test.echoed"


class Echo(OncePerEvent):
    """Its one change: an event it records in the outbox, as a rewards handler records points."""

    name = "echo"
    event_types = frozenset({EventType.EMPLOYEE_CREATED.value})
    fail_after_change = False

    async def apply(self, uow: UnitOfWork, event: RecordedEvent) -> None:
        echoed = DomainEvent(
            type=cast(EventType, EchoEvent.ECHOED),
            tenant_id=event.tenant_id,
            occurred_at=event.occurred_at,
            data={"echo_of": str(event.id)},
        )
        await uow.outbox.append([echoed])
        if self.fail_after_change:
            raise RuntimeError("the handler fails after its change")


class ClickCounter:
    name = "click-counter"
    event_types = frozenset({EventType.CLICK_RECORDED.value, EventType.SHARE_POSTED.value})

    async def __call__(self, event: RecordedEvent) -> None:
        return None


def recorded(world: World) -> RecordedEvent:
    return RecordedEvent(
        id=world.ids.new_id(),
        type=EventType.EMPLOYEE_CREATED.value,
        tenant_id=world.acme.id,
        occurred_at=world.clock.now(),
        data={},
    )


def echoes(world: World) -> list[str]:
    return [record.data["echo_of"] for record in world.uow.outbox if record.type == "test.echoed"]


async def test_an_event_handled_twice_changes_things_once(world: World) -> None:
    echo = Echo(world.uow, world.clock, world.ids)
    event = recorded(world)

    await echo(event)
    await echo(event)

    assert echoes(world) == [str(event.id)]


async def test_each_event_is_handled_once_by_each_handler(world: World) -> None:
    first, second = recorded(world), recorded(world)
    echo = Echo(world.uow, world.clock, world.ids)
    other = Echo(world.uow, world.clock, world.ids)
    other.name = "other-echo"

    for handler in (echo, other, echo, other):
        await handler(first)
    await echo(second)

    assert sorted(echoes(world)) == sorted([str(first.id), str(first.id), str(second.id)])


async def test_a_try_that_fails_after_its_change_leaves_nothing_and_the_next_one_counts(world: World) -> None:
    echo = Echo(world.uow, world.clock, world.ids)
    event = recorded(world)
    echo.fail_after_change = True

    with pytest.raises(RuntimeError, match="after its change"):
        await echo(event)
    assert echoes(world) == []

    echo.fail_after_change = False
    await echo(event)
    assert echoes(world) == [str(event.id)]


def test_the_registry_hands_each_outbox_type_to_its_handlers_and_names_the_click_handlers(world: World) -> None:
    echo = Echo(world.uow, world.clock, world.ids)
    handlers = EventHandlers([echo, ClickCounter()])

    assert handlers.names == ("echo", "click-counter")
    assert handlers.outbox_subscriptions() == {"employee.created": ("echo",), "share.posted": ("click-counter",)}
    assert [handler.name for handler in handlers.click_handlers()] == ["click-counter"]
    assert handlers.named("echo") is echo
    assert handlers.named("rewards") is None


def test_an_empty_registry_subscribes_to_nothing() -> None:
    handlers = EventHandlers()
    assert (len(handlers), handlers.outbox_subscriptions(), handlers.click_handlers()) == (0, {}, ())


def test_two_handlers_cannot_share_a_name(world: World) -> None:
    handlers = EventHandlers([Echo(world.uow, world.clock, world.ids)])
    with pytest.raises(ValueError, match="'echo' is empty or taken"):
        handlers.register(Echo(world.uow, world.clock, world.ids))


def test_a_handler_of_no_event_type_is_refused() -> None:
    idle = ClickCounter()
    idle.event_types = frozenset()
    with pytest.raises(ValueError, match="handles no event type"):
        EventHandlers([idle])
