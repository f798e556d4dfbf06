"""The export and report use cases on the fakes: who may export what, the period checked as a metrics
read checks it, a manager limited to their department, one organisation's rows only, and the report's
month."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain.errors import Forbidden, ValidationFailed
from app.domain.metrics.scopes import ManagerMetricsScope
from app.domain.roster.identity import Principal, Role
from app.ports.metrics import ExportTable, ShareTime
from app.services.metrics.exports import PeriodRequest, ShareExportRequest
from app.services.metrics.programme_report import months_before, parse_month
from tests.unit.share_world import ShareWorld, share_world

TODAY = PeriodRequest()


async def rows(table: ExportTable) -> list[dict[str, object]]:
    return [dict(zip(table.columns, row, strict=True)) async for row in table.rows]


@pytest.fixture
async def sharing() -> ShareWorld:
    return await share_world(department="Sales")


async def test_shares_created_this_month_are_exported_with_who_and_what(sharing: ShareWorld) -> None:
    content = await sharing.content(title="=We are hiring")
    created = await sharing.share(content)

    export = await sharing.world.services.metrics.export_shares(sharing.world.admin, ShareExportRequest())

    assert export.name.startswith("shares-")
    [row] = await rows(export.table)
    assert row["share_id"] == created.view.share.id
    assert row["ambassador"] == "Ada Doe"
    assert row["content"] == "=We are hiring"  # neutralised when written, not when read
    assert row["status"] == "intent"
    posted = await sharing.world.services.metrics.export_shares(
        sharing.world.admin, ShareExportRequest(on=ShareTime.POSTED)
    )
    assert await rows(posted.table) == []


async def test_another_organisations_export_holds_none_of_these_rows(sharing: ShareWorld) -> None:
    await sharing.share(await sharing.content())
    globex = sharing.world.staff(Role.ADMIN, tenant=sharing.world.globex)

    export = await sharing.world.services.metrics.export_shares(globex, ShareExportRequest())

    assert await rows(export.table) == []


@pytest.mark.parametrize("role", [Role.MANAGER, Role.MODERATOR, Role.AMBASSADOR, Role.INTEGRATOR])
async def test_the_ledger_is_exported_by_admins_and_analysts_only(sharing: ShareWorld, role: Role) -> None:
    with pytest.raises(Forbidden):
        await sharing.world.services.metrics.export_points(sharing.world.staff(role), TODAY)
    analyst = await sharing.world.services.metrics.export_points(sharing.world.staff(Role.ANALYST), TODAY)
    assert analyst.table.columns[:4] == ("entry_id", "ambassador_id", "ambassador", "points")


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.AMBASSADOR, Role.INTEGRATOR])
async def test_shares_conversions_and_boards_are_not_exported_by_others(sharing: ShareWorld, role: Role) -> None:
    metrics, caller = sharing.world.services.metrics, sharing.world.staff(role)
    with pytest.raises(Forbidden):
        await metrics.export_shares(caller, ShareExportRequest())
    with pytest.raises(Forbidden):
        await metrics.export_conversions(caller, TODAY)


async def test_a_period_is_checked_as_a_metrics_read_checks_it(sharing: ShareWorld) -> None:
    request = PeriodRequest(first_day=date(2026, 3, 10), last_day=date(2026, 3, 1), time_zone="Mars/Olympus")

    with pytest.raises(ValidationFailed) as refused:
        await sharing.world.services.metrics.export_conversions(sharing.world.admin, request)

    assert {error.loc[-1] for error in refused.value.errors} == {"tz", "from"}


async def test_a_manager_limited_to_their_department_exports_its_shares_only(sharing: ShareWorld) -> None:
    world = sharing.world
    settings = world.uow.database.settings[world.acme.id]
    world.uow.database.settings[world.acme.id] = replace(settings, manager_metrics_scope=ManagerMetricsScope.DEPARTMENT)
    content = await sharing.content()
    await sharing.share(content)  # Ada, in Sales
    bea, _ = await sharing.joined("Bea", department="R&D")
    await sharing.share(content, principal=bea)
    await world.hire("Max", idp_subject="idp|max", department="R&D")
    manager = Principal(tenant_id=world.acme.id, subject="idp|max", roles=frozenset({Role.MANAGER}))

    export = await world.services.metrics.export_shares(manager, ShareExportRequest())

    assert [row["ambassador"] for row in await rows(export.table)] == ["Bea Doe"]
    nowhere = Principal(tenant_id=world.acme.id, subject="idp|nobody", roles=frozenset({Role.MANAGER}))
    with pytest.raises(Forbidden):
        await world.services.metrics.export_shares(nowhere, ShareExportRequest())
    everything = await world.services.metrics.export_shares(world.admin, ShareExportRequest())
    assert len(await rows(everything.table)) == 2


async def test_the_metrics_export_ends_with_the_totals(sharing: ShareWorld) -> None:
    from app.services.metrics.read_metrics import MetricsRequest

    request = MetricsRequest(
        first_day=date(2026, 1, 1), last_day=date(2026, 2, 28), kpis=("posted_shares",), group_by="month"
    )
    export = await sharing.world.services.metrics.export_metrics(sharing.world.admin, request)

    assert export.name == "metrics-2026-01-01-2026-02-28-by-month"
    assert export.table.columns == ("key", "label", "posted_shares")
    assert [row["key"] for row in await rows(export.table)][-1] == "total"


@pytest.mark.parametrize("text", ["2026-13", "2026-3", "26-03", "2026-03-01", "march", ""])
def test_a_report_month_is_written_yyyy_mm(text: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        parse_month(text)
    assert refused.value.errors[0].loc == ("query", "month")


def test_a_report_reads_the_eleven_months_before_its_own() -> None:
    assert parse_month("2026-03") == date(2026, 3, 1)
    assert months_before(date(2026, 3, 1), 11) == date(2025, 4, 1)
    assert months_before(date(2026, 1, 1), 1) == date(2025, 12, 1)
