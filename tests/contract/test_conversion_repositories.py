"""Conversions and the touches their references resolve to: what the fakes promise, PostgreSQL keeps.

Shares and clicks are written as the share use cases and the redirect write them: on PostgreSQL
as rows, on the fakes as the touches those rows resolve to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.domain.attribution.conversion_records import ConversionRecord
from app.domain.attribution.conversions import Conversion, ConversionType
from app.domain.attribution.policy import (
    AttributionModel,
    AttributionPolicy,
    AttributionWindow,
    ClickTouch,
    LinkTouch,
    ShareOrigin,
    Touches,
)
from app.domain.errors import DomainError
from app.domain.roster.tenants import Tenant
from app.domain.sharing.visitors import ClickKind
from app.ports.attribution import ConversionFilter
from app.ports.pagination import PageRequest
from tests.contract.conftest import Backend
from tests.contract.helpers import NOW, add_tenant, assert_constraint_error, enrol, hire
from tests.contract.test_content_repositories import new_campaign, new_content, store
from tests.fake_conversions import add_click, add_share
from tests.fakes import FakeUnitOfWorkFactory

LINEAR = AttributionPolicy(model=AttributionModel.LINEAR, window=AttributionWindow.of_days(30))


@dataclass
class Programme:
    """A tenant with an ambassador, a content and a campaign, where shares and clicks can be made."""

    backend: Backend
    engine: AsyncEngine | None
    tenant: Tenant
    ambassador_id: UUID
    content_id: UUID
    campaign_id: UUID
    codes: list[str] = field(default_factory=list)

    async def share(
        self, code: str, *, campaign: bool = True, created_at: datetime = NOW, posted_at: datetime | None = None
    ) -> ShareOrigin:
        """A posted share (at ``posted_at``, by default when it was created)."""
        posted_at = posted_at or created_at
        origin = ShareOrigin(
            share_id=self.backend.ids.new_id(),
            ambassador_id=self.ambassador_id,
            content_id=self.content_id,
            campaign_id=self.campaign_id if campaign else None,
        )
        if self.engine is None:
            add_share(self._fake(), self.tenant.id, origin, created_at=created_at, posted_at=posted_at, code=code)
            return origin
        row = {
            "tenant_id": self.tenant.id,
            "id": origin.share_id,
            "code": code,
            "ambassador_id": origin.ambassador_id,
            "content_id": origin.content_id,
            "campaign_id": origin.campaign_id,
            "network": "linkedin",
            "language": "fr",
            "caption": "Nous recrutons",
            "status": "posted",
            "destination": "https://acme.example/jobs?utm_source=linkedin",
            "click_param": "rl_click",
            "created_at": created_at,
            "posted_at": posted_at,
            "version": 1,
        }
        await self._insert("shares", row)
        return origin

    async def click(
        self, origin: ShareOrigin, at: datetime, kind: ClickKind = ClickKind.COUNTED, *, is_self: bool = False
    ) -> str:
        if self.engine is None:
            return add_click(self._fake(), self.tenant.id, origin.share_id, at, kind, is_self=is_self)
        click_id = self.backend.ids.new_id()
        row = {
            "tenant_id": self.tenant.id,
            "id": click_id,
            "share_id": origin.share_id,
            "clicked_at": at,
            "visitor_hash": "0" * 32,
            "network_hash": "1" * 32,
            "kind": kind.value,
            "is_unique": kind.counted,
            "is_self": is_self,
        }
        await self._insert("clicks", row)
        return str(click_id)

    def _fake(self) -> Any:
        uow = self.backend.uow
        assert isinstance(uow, FakeUnitOfWorkFactory)
        return uow.database

    async def _insert(self, table: str, row: dict[str, Any]) -> None:
        assert self.engine is not None
        columns = ", ".join(row)
        values = ", ".join(f":{name}" for name in row)
        async with self.engine.begin() as connection:
            await connection.execute(sa.text(f"INSERT INTO {table} ({columns}) VALUES ({values})"), row)  # noqa: S608


async def programme_of(backend: Backend, engine: AsyncEngine | None, slug: str) -> Programme:
    tenant = await add_tenant(backend, slug)
    ambassador = await enrol(backend, tenant, await hire(backend, tenant))
    content = new_content(backend, tenant)
    campaign = new_campaign(backend, tenant, f"{slug}-spring")
    await store(backend, tenant, content, campaign)
    return Programme(backend, engine, tenant, ambassador.id, content.id, campaign.id)


@pytest.fixture
async def acme(backend: Backend, database: AsyncEngine | None) -> Programme:
    return await programme_of(backend, database, "acme")


@pytest.fixture
async def globex(backend: Backend, database: AsyncEngine | None) -> Programme:
    return await programme_of(backend, database, "globex")


def report(external_id: str = "crm-1", **changes: Any) -> Conversion:
    values: dict[str, Any] = {
        "type": ConversionType.LEAD,
        "external_id": external_id,
        "occurred_at": NOW + timedelta(days=1),
    }
    return Conversion.create(**(values | changes))


def recorded(
    programme: Programme, conversion: Conversion, touches: Touches | None = None, policy: AttributionPolicy = LINEAR
) -> ConversionRecord:
    return ConversionRecord.create(
        id=programme.backend.ids.new_id(),
        tenant_id=programme.tenant.id,
        conversion=conversion,
        policy=policy,
        touches=touches or Touches(),
        now=NOW + timedelta(days=2),
    )


async def add(programme: Programme, record: ConversionRecord) -> bool:
    async with programme.backend.uow(programme.tenant.id) as uow:
        stored = await uow.conversions.add(record)
        await uow.commit()
    return stored


async def touches(programme: Programme, conversion: Conversion) -> Touches:
    async with programme.backend.uow(programme.tenant.id) as uow:
        if conversion.click_refs:
            return Touches(clicks=await uow.touches.clicks(conversion.click_refs))
        return Touches(link=await uow.touches.link(conversion.link_code or ""))


async def test_a_credited_conversion_reads_back_as_it_was_written(acme: Programme) -> None:
    first, second = await acme.share("Ab3dE5gH"), await acme.share("Zz9yX8wV", campaign=False)
    refs = [
        await acme.click(first, NOW),
        await acme.click(second, NOW + timedelta(hours=1)),
        await acme.click(first, NOW + timedelta(hours=2)),
    ]
    conversion = report(
        click_refs=refs, value_minor=4_200, currency="EUR", metadata={"form": "contact", "fields": [1, 2]}
    )
    record = recorded(acme, conversion, await touches(acme, conversion))

    assert await add(acme, record)

    async with acme.backend.uow(acme.tenant.id) as uow:
        by_id = await uow.conversions.get(record.id)
        by_key = await uow.conversions.get_by_key(conversion.key)
    assert by_id == record
    assert by_key == record
    assert by_id is not None
    assert {c.share_id: str(c.weight) for c in by_id.credits} == {first.share_id: "2/3", second.share_id: "1/3"}
    assert by_id.conversion.metadata == {"form": "contact", "fields": [1, 2]}
    assert by_id.fingerprint == conversion.fingerprint


async def test_an_unattributed_conversion_keeps_its_reason_model_and_window(acme: Programme) -> None:
    conversion = report(click_refs=["not-a-click"])
    policy = AttributionPolicy(model=AttributionModel.FIRST_TOUCH, window=AttributionWindow.of_days(7))
    record = recorded(acme, conversion, await touches(acme, conversion), policy)

    assert await add(acme, record)

    async with acme.backend.uow(acme.tenant.id) as uow:
        found = await uow.conversions.get(record.id)
    assert found == record
    assert found is not None
    assert found.attribution.reason is not None
    assert (found.attribution.reason.value, found.attribution.model.value, found.window_days) == (
        "unknown_reference",
        "first_touch",
        7,
    )


async def test_a_taken_key_writes_nothing_and_the_stored_conversion_stays(acme: Programme, globex: Programme) -> None:
    first = recorded(acme, report(value_minor=1, currency="EUR"))
    assert await add(acme, first)
    events_before = await acme.backend.outbox()

    assert not await add(acme, recorded(acme, report(value_minor=2, currency="EUR")))

    async with acme.backend.uow(acme.tenant.id) as uow:
        assert await uow.conversions.get_by_key(first.conversion.key) == first
    assert await acme.backend.outbox() == events_before
    # The key is the tenant's: another organisation may use it.
    assert await add(globex, recorded(globex, report(value_minor=2, currency="EUR")))


async def test_a_taken_key_with_credits_writes_no_credit(acme: Programme) -> None:
    origin = await acme.share("Ab3dE5gH")
    assert await add(acme, recorded(acme, report()))
    conversion = report(click_refs=[await acme.click(origin, NOW)])

    assert not await add(acme, recorded(acme, conversion, await touches(acme, conversion)))

    async with acme.backend.uow(acme.tenant.id) as uow:
        stored = await uow.conversions.get_by_key(conversion.key)
    assert stored is not None
    assert stored.credits == ()


async def test_recording_sends_its_events_to_the_outbox(acme: Programme) -> None:
    origin = await acme.share("Ab3dE5gH")
    conversion = report(click_refs=[await acme.click(origin, NOW)])
    record = recorded(acme, conversion, await touches(acme, conversion))

    await add(acme, record)

    stored = [(e.type, e.data.get("conversion_id")) for e in await acme.backend.outbox()]
    assert stored[-2:] == [("conversion.recorded", str(record.id)), ("conversion.attributed", str(record.id))]


async def test_a_conversion_for_a_tenant_that_does_not_exist_is_refused(backend: Backend) -> None:
    ghost = Tenant.create(id=backend.ids.new_id(), slug="ghost", name="Ghost", now=NOW)
    record = ConversionRecord.create(
        id=backend.ids.new_id(),
        tenant_id=ghost.id,
        conversion=report(),
        policy=LINEAR,
        touches=Touches(),
        now=NOW,
    )
    with pytest.raises(DomainError) as refused:
        async with backend.uow(ghost.id) as uow:
            await uow.conversions.add(record)
    assert_constraint_error(refused.value, "fk_conversions_tenant_id_tenants")


async def test_click_references_resolve_to_their_clicks_and_shares(acme: Programme) -> None:
    origin = await acme.share("Ab3dE5gH")
    counted = await acme.click(origin, NOW)
    own = await acme.click(origin, NOW, is_self=True)
    capped = await acme.click(origin, NOW, ClickKind.CAPPED)
    uncounted = [await acme.click(origin, NOW, kind) for kind in (ClickKind.BOT, ClickKind.HEAD, ClickKind.PREFETCH)]

    async with acme.backend.uow(acme.tenant.id) as uow:
        found = await uow.touches.clicks([counted, own, capped, *uncounted, "not-a-click", str(UUID(int=7))])

    assert set(found) == {counted, own, capped, *uncounted}
    assert found[counted] == ClickTouch(click_id=UUID(counted), share=origin, clicked_at=NOW)
    # Beyond its network's daily cap a click is not counted, but a person made it: it can convert.
    assert found[capped] == ClickTouch(click_id=UUID(capped), share=origin, clicked_at=NOW)
    assert (found[own].is_self, found[own].is_bot) == (True, False)
    assert all(found[ref].is_bot and not found[ref].genuine for ref in uncounted)


async def test_another_tenants_clicks_and_codes_are_unknown(acme: Programme, globex: Programme) -> None:
    theirs = await globex.share("Ab3dE5gH")
    their_click = await globex.click(theirs, NOW)

    async with acme.backend.uow(acme.tenant.id) as uow:
        assert await uow.touches.clicks([their_click]) == {}
        assert await uow.touches.link("Ab3dE5gH") is None


async def test_a_link_code_resolves_to_its_share(acme: Programme) -> None:
    posted_at = NOW + timedelta(hours=3)
    origin = await acme.share("Ab3dE5gH", posted_at=posted_at)

    async with acme.backend.uow(acme.tenant.id) as uow:
        found = await uow.touches.link("Ab3dE5gH")
        unknown = await uow.touches.link("Qq1wW2eE")
        malformed = await uow.touches.link("no such code!")

    assert found == LinkTouch(share=origin, created_at=NOW, posted_at=posted_at)
    assert await acme.share("Qq1wW2eF") is not None
    assert (unknown, malformed) == (None, None)


async def test_the_list_filters_and_pages(acme: Programme, globex: Programme) -> None:
    with_campaign, without = await acme.share("Ab3dE5gH"), await acme.share("Zz9yX8wV", campaign=False)
    both = report("crm-1", click_refs=[await acme.click(with_campaign, NOW), await acme.click(without, NOW)])
    hire = report("crm-2", type=ConversionType.HIRE, occurred_at=NOW + timedelta(days=5))
    records = [
        recorded(acme, both, await touches(acme, both)),
        recorded(acme, hire),
        recorded(acme, report("crm-3", link_code="Zz9yX8wV"), Touches(link=LinkTouch(share=without, created_at=NOW))),
    ]
    for record in records:
        assert await add(acme, record)
    assert await add(globex, recorded(globex, report("crm-1")))
    ids = [record.id for record in records]

    async def listed(limit: int = 20, after: UUID | None = None, **criteria: Any) -> list[UUID]:
        async with acme.backend.uow(acme.tenant.id) as uow:
            page = await uow.conversions.list(ConversionFilter(**criteria), PageRequest(after=after, limit=limit))
        return [item.id for item in page.items]

    assert await listed() == ids
    assert await listed(limit=2) == ids[:2]
    assert await listed(after=ids[0]) == ids[1:]
    assert await listed(type=ConversionType.HIRE) == [ids[1]]
    assert await listed(attributed=True) == [ids[0], ids[2]]
    assert await listed(attributed=False) == [ids[1]]
    assert await listed(campaign_id=acme.campaign_id) == [ids[0]]
    assert await listed(ambassador_id=acme.ambassador_id) == [ids[0], ids[2]]
    assert await listed(ambassador_id=globex.ambassador_id) == []
    assert await listed(occurred_from=NOW + timedelta(days=5)) == [ids[1]]
    assert await listed(occurred_to=NOW + timedelta(days=5)) == [ids[0], ids[2]]
