"""The notification store: the in-memory reference and PostgreSQL's one-statement fan-out tell the same
people (the feed's targeting, in SQL), once per cause, and page an inbox unread first alike."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from uuid import UUID

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.notifications.inbox import PostgresNotificationStore
from app.domain.content.targeting import Targeting
from app.domain.notifications.notices import Notice, NotificationKind, ReadState
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.tenants import Tenant
from app.ports.notifications import ContentAudience, InboxQuery, Members, Named, NotificationStore
from tests.contract.conftest import Backend
from tests.contract.helpers import NOW, add_tenant, enrol, hire
from tests.contract.test_content_repositories import approve, new_content, store
from tests.fake_notifications import FakeNotificationStore, NotificationRows
from tests.fakes import FakeUnitOfWorkFactory


@pytest.fixture
async def notices(backend: Backend, database: AsyncEngine | None) -> AsyncIterator[NotificationStore]:
    if database is None:
        assert isinstance(backend.uow, FakeUnitOfWorkFactory)
        yield FakeNotificationStore(backend.uow.database, backend.ids, NotificationRows())
        return
    pool = await create_pool(database.url.render_as_string(hide_password=False), size=2)
    try:
        yield PostgresNotificationStore(pool)
    finally:
        await pool.close()


async def member(backend: Backend, tenant: Tenant, name: str, **profile: str) -> Ambassador:
    return await enrol(backend, tenant, await hire(backend, tenant, name, **profile))


def notice(backend: Backend, kind: NotificationKind = NotificationKind.NEW_CONTENT) -> Notice:
    return Notice(kind=kind, source_event_id=backend.ids.new_id(), data={"n": 1})


async def told(notices: NotificationStore, tenant: Tenant, *members: Ambassador) -> dict[str, int]:
    return {m.id.hex[-6:]: len((await notices.page(tenant.id, m.id, InboxQuery(limit=50))).items) for m in members}


async def test_a_content_tells_the_members_it_targets_by_the_feeds_rules(
    backend: Backend, notices: NotificationStore
) -> None:
    tenant, other = await add_tenant(backend), await add_tenant(backend, "globex")
    sales_fr = await member(backend, tenant, "Ada", department="Sales", language="fr-CA")
    sales_en = await member(backend, tenant, "Bob", department="Sales", language="en")
    people_fr = await member(backend, tenant, "Cleo", department="People", language="fr")
    nowhere = await member(backend, tenant, "Dan")
    elsewhere = await member(backend, other, "Eve", department="Sales", language="fr")
    content = approve(new_content(backend, tenant, targeting=Targeting(departments=("Sales",), languages=("fr",))))
    await store(backend, tenant, content)
    cause = notice(backend)

    first = await notices.fan_out(tenant.id, cause, ContentAudience(content.id), NOW)
    again = await notices.fan_out(tenant.id, cause, ContentAudience(content.id), NOW + timedelta(seconds=1))

    assert (first, again) == (1, 0)
    everyone = (sales_fr, sales_en, people_fr, nowhere)
    assert await told(notices, tenant, *everyone) == {sales_fr.id.hex[-6:]: 1} | {
        m.id.hex[-6:]: 0 for m in everyone[1:]
    }
    assert await told(notices, other, elsewhere) == {elsewhere.id.hex[-6:]: 0}


async def test_an_inbox_pages_unread_first_and_marks_read(backend: Backend, notices: NotificationStore) -> None:
    tenant = await add_tenant(backend)
    ada = await member(backend, tenant, "Ada")
    bob = await member(backend, tenant, "Bob")
    for _ in range(3):
        await notices.fan_out(tenant.id, notice(backend, NotificationKind.BADGE_EARNED), Named([ada.id]), NOW)
    await notices.fan_out(tenant.id, notice(backend, NotificationKind.CHARTER_TO_ACCEPT), Members(), NOW)
    newest_first = [n.id for n in (await notices.page(tenant.id, ada.id, InboxQuery(limit=10))).items]

    read = await notices.mark_read(tenant.id, ada.id, newest_first[1], NOW)
    stolen = await notices.mark_read(tenant.id, bob.id, newest_first[0], NOW)
    first = await notices.page(tenant.id, ada.id, InboxQuery(limit=2))
    assert first.next_after is not None
    rest = await notices.page(
        tenant.id, ada.id, InboxQuery(limit=5, after=first.next_after, state=ReadState(str(first.next_key[0])))
    )

    assert read is not None
    assert stolen is None
    expected: list[UUID] = [newest_first[0], *newest_first[2:], newest_first[1]]
    assert [n.id for n in (*first.items, *rest.items)] == expected
    assert rest.next_after is None
    assert (await notices.unread(tenant.id, ada.id), await notices.unread(tenant.id, bob.id)) == (3, 1)
    assert await notices.mark_all_read(tenant.id, ada.id, NOW) == 3
    assert await notices.unread(tenant.id, ada.id) == 0
