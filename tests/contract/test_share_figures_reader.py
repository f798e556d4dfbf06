"""Share figures: what the in-memory reader counts, PostgreSQL's one statement counts too."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from fractions import Fraction

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.sharing.figures import PostgresShareFiguresReader
from app.domain.attribution.conversion_records import ConversionRecord
from app.domain.attribution.conversions import Conversion, ConversionType
from app.domain.attribution.policy import Attribution, AttributionModel, Credit, ShareOrigin
from app.domain.networks import Network
from app.domain.sharing.engagement import EngagementSource
from app.domain.sharing.shares import Share
from app.domain.sharing.visitors import ClickKind
from app.ports.sharing import ConversionTally, ShareFiguresReader, ShareStats
from tests.contract.conftest import Backend
from tests.contract.helpers import LATER, NOW, add_tenant
from tests.contract.test_share_repositories import add, new_share, snapshot, world
from tests.fake_sharing import FakeShareFiguresReader, StoredClick, add_click
from tests.fakes import FakeUnitOfWorkFactory


@pytest.fixture
async def figures(backend: Backend, database: AsyncEngine | None) -> AsyncIterator[ShareFiguresReader]:
    if database is None:
        assert isinstance(backend.uow, FakeUnitOfWorkFactory)
        yield FakeShareFiguresReader(backend.uow.database)
        return
    pool = await create_pool(database.url.render_as_string(hide_password=False), size=2)
    try:
        yield PostgresShareFiguresReader(pool)
    finally:
        await pool.close()


ClickWriter = Callable[[StoredClick], Awaitable[None]]


@pytest.fixture
def write_click(backend: Backend, database: AsyncEngine | None) -> ClickWriter:
    """Clicks are the redirect's to write, outside any unit of work: straight into the store."""

    async def write(click: StoredClick) -> None:
        if database is None:
            assert isinstance(backend.uow, FakeUnitOfWorkFactory)
            add_click(backend.uow.database, click)
            return
        values = {name: getattr(click, name) for name in StoredClick.__dataclass_fields__} | {"kind": click.kind.value}
        columns = ", ".join(values)
        placeholders = ", ".join(f":{name}" for name in values)
        async with database.begin() as connection:
            await connection.execute(sa.text(f"INSERT INTO clicks ({columns}) VALUES ({placeholders})"), values)  # noqa: S608

    return write


def credited(backend: Backend, kind: ConversionType, *parts: tuple[Share, Fraction]) -> ConversionRecord:
    parts_credited = tuple(
        Credit(
            share=ShareOrigin(share_id=share.id, ambassador_id=share.ambassador_id, content_id=share.content_id),
            weight=weight,
        )
        for share, weight in parts
    )
    number = backend.ids.new_id()
    return ConversionRecord(
        id=number,
        tenant_id=parts[0][0].tenant_id,
        conversion=Conversion.create(type=kind, external_id=str(number), occurred_at=NOW, link_code="abcdefgh"),
        fingerprint="f" * 64,
        attribution=Attribution(model=AttributionModel.LINEAR, credits=parts_credited),
        window_days=30,
        recorded_at=NOW,
    )


async def test_figures_count_clicks_credits_and_the_latest_engagement(
    backend: Backend, write_click: ClickWriter, figures: ShareFiguresReader
) -> None:
    acme, ambassador, content = await world(backend)
    share = new_share(backend, ambassador, content)
    other = new_share(backend, ambassador, content, network=Network.X)
    quiet = new_share(backend, ambassador, content, network=Network.XING)
    await add(backend, acme, share, other, quiet)
    for visitor, kind, unique, own in (
        ("a", ClickKind.COUNTED, True, False),
        ("a", ClickKind.COUNTED, False, False),
        ("b", ClickKind.COUNTED, True, False),
        ("bot", ClickKind.BOT, False, False),
        ("pre", ClickKind.PREFETCH, False, False),
        ("head", ClickKind.HEAD, False, False),
        ("a", ClickKind.CAPPED, False, False),
        ("me", ClickKind.COUNTED, True, True),
    ):
        await write_click(
            StoredClick(
                tenant_id=acme.id,
                id=backend.ids.new_id(),
                share_id=share.id,
                clicked_at=NOW,
                visitor_hash=visitor,
                network_hash=visitor,
                kind=kind,
                is_unique=unique,
                is_self=own,
            )
        )
    async with backend.uow(acme.id) as uow:
        await uow.conversions.add(credited(backend, ConversionType.LEAD, (share, Fraction(1))))
        await uow.conversions.add(
            credited(backend, ConversionType.LEAD, (share, Fraction(1, 3)), (other, Fraction(2, 3)))
        )
        await uow.conversions.add(credited(backend, ConversionType.HIRE, (share, Fraction(1))))
        latest = snapshot(backend, share, LATER, 500, LATER)
        for item in (snapshot(backend, share, NOW, 100), latest, snapshot(backend, share, NOW, 900, LATER)):
            await uow.shares.add_engagement(item)
        await uow.commit()

    read = await figures.figures(acme.id, [share.id, other.id, quiet.id, share.id])
    nothing = await figures.figures(acme.id, [])

    assert read[share.id] == ShareStats(
        clicks=3,
        unique_clicks=2,
        conversions={
            ConversionType.LEAD: ConversionTally(count=2, credit=Fraction(4, 3)),
            ConversionType.HIRE: ConversionTally(count=1, credit=Fraction(1)),
        },
        engagement=latest,
    )
    assert read[other.id] == ShareStats(
        conversions={ConversionType.LEAD: ConversionTally(count=1, credit=Fraction(2, 3))}
    )
    assert read[quiet.id] == ShareStats()
    assert nothing == {}


async def test_figures_show_the_integrations_engagement_over_the_ambassadors_own(
    backend: Backend, figures: ShareFiguresReader
) -> None:
    acme, ambassador, content = await world(backend)
    both = new_share(backend, ambassador, content)
    own_only = new_share(backend, ambassador, content, network=Network.X)
    await add(backend, acme, both, own_only)
    integration = snapshot(backend, both, NOW, 400)
    own = snapshot(backend, own_only, LATER, 70, LATER, EngagementSource.SELF_REPORTED)
    async with backend.uow(acme.id) as uow:
        for item in (
            snapshot(backend, both, NOW, 300, NOW, EngagementSource.SELF_REPORTED),
            integration,
            # Observed and recorded later, yet the ambassador's own figure does not replace the integration's.
            snapshot(backend, both, LATER, 9000, LATER, EngagementSource.SELF_REPORTED),
            snapshot(backend, own_only, NOW, 50, NOW, EngagementSource.SELF_REPORTED),
            own,
        ):
            await uow.shares.add_engagement(item)
        await uow.commit()

    read = await figures.figures(acme.id, [both.id, own_only.id])

    assert read[both.id].engagement == integration
    assert read[own_only.id].engagement == own
    assert own.source is EngagementSource.SELF_REPORTED


async def test_figures_stay_in_their_tenant_and_name_only_shares(
    backend: Backend, write_click: ClickWriter, figures: ShareFiguresReader
) -> None:
    acme, ambassador, content = await world(backend)
    share = new_share(backend, ambassador, content)
    await add(backend, acme, share)
    await write_click(
        StoredClick(
            tenant_id=acme.id,
            id=backend.ids.new_id(),
            share_id=share.id,
            clicked_at=NOW,
            visitor_hash="a",
            network_hash="a",
            kind=ClickKind.COUNTED,
            is_unique=True,
            is_self=False,
        )
    )
    globex = await add_tenant(backend, "globex")

    assert await figures.figures(globex.id, [share.id]) == {}
    assert await figures.figures(acme.id, [backend.ids.new_id()]) == {}
    assert await figures.figures(acme.id, [share.id]) == {share.id: ShareStats(clicks=1, unique_clicks=1)}
