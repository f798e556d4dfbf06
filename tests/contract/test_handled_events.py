"""Once-only markers of event handlers, on the fake and on PostgreSQL: the first time is the only one,
per tenant and handler, and a mark rolls back with the transaction it was made in."""

from __future__ import annotations

from tests.contract.conftest import Backend
from tests.contract.helpers import NOW, add_tenant


async def test_only_the_first_mark_of_an_event_by_a_handler_is_the_first_time(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    event_id = backend.ids.new_id()

    async with backend.uow(tenant.id) as uow:
        first = await uow.handled_events.first_time(event_id, "rewards", NOW)
        await uow.commit()
    async with backend.uow(tenant.id) as uow:
        second = await uow.handled_events.first_time(event_id, "rewards", NOW)
        other_handler = await uow.handled_events.first_time(event_id, "webhooks", NOW)
        await uow.commit()

    assert (first, second, other_handler) == (True, False, True)


async def test_a_mark_that_is_not_committed_was_never_made(backend: Backend) -> None:
    tenant = await add_tenant(backend)
    event_id = backend.ids.new_id()

    async with backend.uow(tenant.id) as uow:
        assert await uow.handled_events.first_time(event_id, "rewards", NOW)
    async with backend.uow(tenant.id) as uow:
        again = await uow.handled_events.first_time(event_id, "rewards", NOW)

    assert again is True


async def test_marks_are_kept_per_tenant(backend: Backend) -> None:
    acme, globex = await add_tenant(backend, "acme"), await add_tenant(backend, "globex")
    event_id = backend.ids.new_id()

    async with backend.uow(acme.id) as uow:
        assert await uow.handled_events.first_time(event_id, "rewards", NOW)
        await uow.commit()
    async with backend.uow(globex.id) as uow:
        assert await uow.handled_events.first_time(event_id, "rewards", NOW)
