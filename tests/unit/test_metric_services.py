"""The metric use cases on the in-memory fakes: what each role may read, whose facts a manager and an
ambassador see, the checks that name the valid choices, the top lists' ranks and an ambassador's
impact beside the period before."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import pytest

from app.domain.errors import Forbidden, NotAnAmbassador, ValidationFailed
from app.domain.metrics.audience import AudienceObservation
from app.domain.metrics.impact import ImpactPeriod
from app.domain.metrics.kpis import Kpi, Unit
from app.domain.metrics.queries import Grouping
from app.domain.metrics.scopes import ManagerMetricsScope
from app.domain.rewards.badges import EarnedBadge
from app.domain.roster.ambassadors import Preferences
from app.domain.roster.identity import Principal, Role
from app.domain.sharing.visitors import ClickKind
from app.services.metrics import MetricsUseCases
from app.services.metrics.read_metrics import MetricsRequest
from app.services.metrics.read_top_lists import TopListRequest
from app.services.sharing.share_transitions import ConfirmShareCommand
from tests.fake_conversions import add_click
from tests.fake_recognition import EARNED, PROGRAMME, ROLLUP
from tests.unit.share_world import ShareWorld, share_world
from tests.unit.world import NOW

# NOW is Monday 2 March 2026, 23:30 UTC: the programme's zone is UTC, its month is March.
MARCH = MetricsRequest(first_day=date(2026, 3, 1), last_day=date(2026, 3, 31), kpis=("posted_shares", "clicks"))


def metrics(sharing: ShareWorld) -> MetricsUseCases:
    return sharing.world.services.metrics


async def posted_share(sharing: ShareWorld, member: Principal, clicks: int = 0, at: datetime = NOW) -> UUID:
    """A share ``member`` posted (at NOW) with ``clicks`` counted clicks made ``at``."""
    created = await sharing.share(await sharing.content(), principal=member)
    share_id = created.view.share.id
    await sharing.shares.confirm_share(member, ConfirmShareCommand(share_id=share_id))
    for _ in range(clicks):
        add_click(sharing.world.uow.database, sharing.world.acme.id, share_id, at)
    return share_id


async def show_on_boards(sharing: ShareWorld, member: Principal) -> None:
    await sharing.world.roster.set_preferences(member, Preferences(leaderboard_visible=True))


def limit_managers_to_their_department(sharing: ShareWorld) -> None:
    database, tenant_id = sharing.world.uow.database, sharing.world.acme.id
    database.settings[tenant_id] = replace(
        database.settings[tenant_id], manager_metrics_scope=ManagerMetricsScope.DEPARTMENT
    )


@pytest.fixture
async def sharing() -> ShareWorld:
    return await share_world(department="Sales")


# --- who reads the programme's metrics -------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.ADMIN, Role.MANAGER, Role.ANALYST])
async def test_staff_who_read_metrics_see_the_programmes_figures(sharing: ShareWorld, role: Role) -> None:
    await posted_share(sharing, sharing.member, clicks=3)

    report = await metrics(sharing).read_metrics(sharing.world.staff(role), MARCH)

    assert dict(report.totals) == {Kpi.POSTED_SHARES: 1, Kpi.CLICKS: 3}


@pytest.mark.parametrize("role", [Role.AMBASSADOR, Role.MODERATOR, Role.INTEGRATOR])
async def test_other_roles_may_not_read_the_programmes_metrics(sharing: ShareWorld, role: Role) -> None:
    with pytest.raises(Forbidden):
        await metrics(sharing).read_metrics(sharing.world.staff(role), MARCH)


async def test_another_tenants_staff_see_none_of_its_figures(sharing: ShareWorld) -> None:
    await posted_share(sharing, sharing.member, clicks=3)
    globex = sharing.world.staff(Role.ANALYST, tenant=sharing.world.globex)

    report = await metrics(sharing).read_metrics(globex, MARCH)

    assert dict(report.totals) == {Kpi.POSTED_SHARES: 0, Kpi.CLICKS: 0}


async def test_a_manager_limited_to_their_department_sees_only_its_ambassadors(sharing: ShareWorld) -> None:
    bob, _ = await sharing.joined("Bob", department="Support")
    await posted_share(sharing, sharing.member, clicks=2)
    await posted_share(sharing, bob, clicks=5)
    limit_managers_to_their_department(sharing)
    await sharing.world.hire("Mia", idp_subject="idp|mia", department="Support")
    manager = Principal(tenant_id=sharing.world.acme.id, subject="idp|mia", roles=frozenset({Role.MANAGER}))
    by_ambassador = replace(MARCH, group_by="ambassador")

    mine = await metrics(sharing).read_metrics(manager, by_ambassador)
    everyone = await metrics(sharing).read_metrics(sharing.world.staff(Role.ANALYST), by_ambassador)

    assert dict(mine.totals) == {Kpi.POSTED_SHARES: 1, Kpi.CLICKS: 5}
    assert [row.label for row in mine.rows] == ["Bob Doe"]
    assert dict(everyone.totals) == {Kpi.POSTED_SHARES: 2, Kpi.CLICKS: 7}


async def test_a_manager_limited_to_a_department_without_one_on_record_is_refused(sharing: ShareWorld) -> None:
    limit_managers_to_their_department(sharing)

    with pytest.raises(Forbidden, match="no department is on your employee record"):
        await metrics(sharing).read_metrics(sharing.world.staff(Role.MANAGER), MARCH)


async def test_a_manager_who_is_also_an_analyst_reads_the_whole_programme(sharing: ShareWorld) -> None:
    limit_managers_to_their_department(sharing)
    await posted_share(sharing, sharing.member, clicks=1)

    report = await metrics(sharing).read_metrics(sharing.world.staff(Role.MANAGER, Role.ANALYST), MARCH)

    assert dict(report.totals) == {Kpi.POSTED_SHARES: 1, Kpi.CLICKS: 1}


# --- what a query may ask ----------------------------------------------------------------------------


async def test_unknown_kpis_groupings_and_zones_are_refused_naming_the_valid_ones(sharing: ShareWorld) -> None:
    request = MetricsRequest(kpis=("clicks", "clickz"), group_by="team", time_zone="Mars/Olympus")

    with pytest.raises(ValidationFailed) as refused:
        await metrics(sharing).read_metrics(sharing.world.admin, request)

    errors = {error.loc: str(error.message) for error in refused.value.errors}
    assert set(errors) == {("query", "kpi"), ("query", "group_by"), ("query", "tz")}
    assert errors[("query", "kpi")].startswith("Not known: clickz. Use one of: enrolled_ambassadors, ")
    assert "unique_visitors" in errors[("query", "kpi")]
    assert errors[("query", "group_by")].endswith("day, week, month.")
    assert "Europe/Paris" in errors[("query", "tz")]


@pytest.mark.parametrize(
    ("request_", "where"),
    [
        (MetricsRequest(first_day=date(2026, 3, 10), last_day=date(2026, 3, 9)), ("query", "from")),
        (MetricsRequest(first_day=date(2020, 1, 1), last_day=date(2026, 3, 1)), ("query", "to")),
        (MetricsRequest(limit=1001), ("query", "limit")),
        (MetricsRequest(group_by="content", sort="cost"), ("query", "sort")),
    ],
    ids=["reversed", "over three years", "too many rows", "sort by a KPI the rows lack"],
)
async def test_a_bad_period_limit_or_sort_is_refused_saying_what_to_fix(
    sharing: ShareWorld, request_: MetricsRequest, where: tuple[str, str]
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await metrics(sharing).read_metrics(sharing.world.admin, request_)

    assert [error.loc for error in refused.value.errors] == [where]


async def test_without_days_a_read_covers_this_month_up_to_today_in_the_zone_asked(sharing: ShareWorld) -> None:
    # 23:30 UTC on 2 March is already 3 March in Tokyo.
    report = await metrics(sharing).read_metrics(sharing.world.admin, MetricsRequest(time_zone="Asia/Tokyo"))

    assert (report.period.first_day, report.period.last_day) == (date(2026, 3, 1), date(2026, 3, 3))
    assert report.kpis[0] is Kpi.ACTIVE_AMBASSADORS  # the headline KPIs by default


async def test_rows_sorted_by_a_kpi_come_highest_first_and_stop_at_the_limit(sharing: ShareWorld) -> None:
    bob, _ = await sharing.joined("Bob")
    cy, _ = await sharing.joined("Cy")
    for member, clicks in ((sharing.member, 2), (bob, 9), (cy, 4)):
        await posted_share(sharing, member, clicks=clicks)

    report = await metrics(sharing).read_metrics(
        sharing.world.admin, replace(MARCH, group_by="ambassador", sort="clicks", limit=2)
    )

    assert [(row.label, row.values[Kpi.CLICKS]) for row in report.rows] == [("Bob Doe", 9), ("Cy Doe", 4)]
    assert report.totals[Kpi.CLICKS] == 15  # totals count every row, shown or not


# --- the KPI catalogue ---------------------------------------------------------------------------------


async def test_the_catalogue_lists_every_kpi_with_the_groupings_that_break_it_down(sharing: ShareWorld) -> None:
    entries = {entry.kpi: entry for entry in await metrics(sharing).list_kpis(sharing.member)}

    assert list(entries) == list(Kpi)
    assert entries[Kpi.CLICKS].groupings == tuple(Grouping)
    assert entries[Kpi.COST].groupings == (Grouping.DAY, Grouping.WEEK, Grouping.MONTH)
    assert Grouping.CONTENT not in entries[Kpi.PARTICIPATION_RATE].groupings
    assert Grouping.AMBASSADOR in entries[Kpi.POINTS_AWARDED].groupings
    assert entries[Kpi.LEADS].unit is Unit.CREDIT


async def test_the_catalogue_is_for_callers_of_an_organisation(sharing: ShareWorld) -> None:
    with pytest.raises(Forbidden):
        await metrics(sharing).list_kpis(sharing.world.staff(Role.INTEGRATOR))


# --- top lists -------------------------------------------------------------------------------------------


async def test_staff_see_every_ambassador_on_the_top_list_and_ties_share_a_rank(sharing: ShareWorld) -> None:
    bob, _ = await sharing.joined("Bob")
    cy, _ = await sharing.joined("Cy")
    for member, clicks in ((sharing.member, 4), (bob, 9), (cy, 4)):
        await posted_share(sharing, member, clicks=clicks)

    top = await metrics(sharing).read_top_ambassadors(sharing.world.staff(Role.ANALYST), TopListRequest())

    assert [(entry.rank, entry.row.label, entry.row.values[Kpi.CLICKS]) for entry in top.rows] == [
        (1, "Bob Doe", 9),
        (2, "Ada Doe", 4),
        (2, "Cy Doe", 4),
    ]
    assert top.ranked_by is Kpi.CLICKS
    assert top.kpis == (Kpi.CLICKS, Kpi.POSTED_SHARES, Kpi.POTENTIAL_REACH, Kpi.ENGAGEMENT, Kpi.CONVERSIONS)


async def test_an_ambassador_sees_only_members_shown_on_boards_in_the_top_lists(sharing: ShareWorld) -> None:
    bob, _ = await sharing.joined("Bob")
    await show_on_boards(sharing, bob)
    content = await sharing.content(title="Shared by both")
    for member, clicks in ((sharing.member, 7), (bob, 3)):
        created = await sharing.share(content, principal=member)
        await sharing.shares.confirm_share(member, ConfirmShareCommand(share_id=created.view.share.id))
        for _ in range(clicks):
            add_click(sharing.world.uow.database, sharing.world.acme.id, created.view.share.id, NOW)

    ambassadors = await metrics(sharing).read_top_ambassadors(sharing.member, TopListRequest())
    contents = await metrics(sharing).read_top_contents(sharing.member, TopListRequest())
    staff_contents = await metrics(sharing).read_top_contents(sharing.world.admin, TopListRequest())

    # Ada herself is hidden from boards: not even she sees herself, nor her clicks in a content's.
    assert [(entry.row.label, entry.row.values[Kpi.CLICKS]) for entry in ambassadors.rows] == [("Bob Doe", 3)]
    assert [(entry.row.label, entry.row.values[Kpi.CLICKS]) for entry in contents.rows] == [("Shared by both", 3)]
    assert [(entry.row.label, entry.row.values[Kpi.CLICKS]) for entry in staff_contents.rows] == [
        ("Shared by both", 10)
    ]


async def test_a_top_list_ranks_only_by_a_kpi_its_rows_break_down(sharing: ShareWorld) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await metrics(sharing).read_top_contents(sharing.world.admin, TopListRequest(kpi="cost", limit=51))

    errors = {error.loc: str(error.message) for error in refused.value.errors}
    assert errors[("query", "kpi")].startswith("Not offered here: cost. Use one of: active_ambassadors, ")
    assert "points_awarded" not in errors[("query", "kpi")]  # the ledger knows no contents
    assert errors[("query", "limit")] == "Give 1 to 50 rows."


async def test_top_lists_are_for_staff_and_ambassadors(sharing: ShareWorld) -> None:
    with pytest.raises(Forbidden):
        await metrics(sharing).read_top_contents(sharing.world.staff(Role.INTEGRATOR), TopListRequest())


# --- an ambassador's impact ------------------------------------------------------------------------------


async def test_impact_sets_this_weeks_figures_beside_last_weeks(sharing: ShareWorld) -> None:
    share_id = await posted_share(sharing, sharing.member, clicks=3)
    for days_ago in (2, 3):  # last week: Saturday and Friday
        add_click(sharing.world.uow.database, sharing.world.acme.id, share_id, NOW - timedelta(days=days_ago))
    add_click(sharing.world.uow.database, sharing.world.acme.id, share_id, NOW, ClickKind.BOT)

    impact = await metrics(sharing).read_impact(sharing.member, ImpactPeriod.WEEK)

    assert (impact.current.period.first_day, impact.current.period.last_day) == (date(2026, 3, 2), date(2026, 3, 8))
    assert (impact.previous.period.first_day, impact.previous.period.last_day) == (date(2026, 2, 23), date(2026, 3, 1))
    assert (impact.current.values[Kpi.CLICKS], impact.previous.values[Kpi.CLICKS]) == (3, 2)
    assert impact.ambassador_id == sharing.ambassador.id


async def test_impact_counts_only_the_callers_own_facts(sharing: ShareWorld) -> None:
    bob, _ = await sharing.joined("Bob")
    await posted_share(sharing, bob, clicks=8)
    await posted_share(sharing, sharing.member, clicks=1)

    impact = await metrics(sharing).read_impact(sharing.member, ImpactPeriod.MONTH)

    assert impact.current.values[Kpi.CLICKS] == 1


async def test_impact_ranks_the_caller_on_the_board_of_each_period(sharing: ShareWorld) -> None:
    bob, bob_member = await sharing.joined("Bob")
    await show_on_boards(sharing, bob)
    database, tenant_id = sharing.world.uow.database, sharing.world.acme.id
    ada_id = sharing.ambassador.id
    for week, ada, bobs in ((date(2026, 3, 2), 5, 9), (date(2026, 2, 23), 12, 9)):
        database.recognition[(ROLLUP, tenant_id, "week", week, PROGRAMME, ada_id)] = ada
        database.recognition[(ROLLUP, tenant_id, "week", week, PROGRAMME, bob_member.id)] = bobs

    weekly = await metrics(sharing).read_impact(sharing.member, ImpactPeriod.WEEK)
    yearly = await metrics(sharing).read_impact(sharing.member, ImpactPeriod.YEAR)

    assert (weekly.current.rank, weekly.previous.rank) == (2, 1)
    assert (yearly.current.rank, yearly.previous.rank) == (None, None)  # no board of years


async def test_impact_counts_badges_earned_and_audience_grown_in_each_period(sharing: ShareWorld) -> None:
    database, tenant_id, ada_id = sharing.world.uow.database, sharing.world.acme.id, sharing.ambassador.id
    for key, earned_at in (("first-share", NOW - timedelta(days=40)), ("shares-10", NOW), ("first-lead", NOW)):
        badge = EarnedBadge(tenant_id=tenant_id, ambassador_id=ada_id, badge_key=key, earned_at=earned_at)
        database.recognition[(EARNED, tenant_id, ada_id, key)] = badge
    account_id = next(account.id for account in database.social_accounts.values() if account.ambassador_id == ada_id)
    for connected in [key for key in database.audience_observations if key[1] == account_id]:
        del database.audience_observations[connected]  # the history is the test's own, not the connection's
    for observed_at, size in (
        (datetime(2026, 1, 20, tzinfo=UTC), 300),  # before last month: its starting point
        (datetime(2026, 2, 10, tzinfo=UTC), 340),
        (datetime(2026, 3, 1, 8, tzinfo=UTC), 400),
        (datetime(2026, 3, 2, 9, tzinfo=UTC), 390),
    ):
        database.audience_observations[(tenant_id, account_id, observed_at)] = AudienceObservation(
            tenant_id=tenant_id, social_account_id=account_id, observed_at=observed_at, audience_size=size
        )

    impact = await metrics(sharing).read_impact(sharing.member, ImpactPeriod.MONTH)

    assert (impact.current.badges_earned, impact.previous.badges_earned) == (2, 0)
    assert (impact.current.audience_growth, impact.previous.audience_growth) == (50, 40)


async def test_only_members_read_an_impact(sharing: ShareWorld) -> None:
    with pytest.raises(Forbidden):
        await metrics(sharing).read_impact(sharing.world.admin, ImpactPeriod.MONTH)
    await sharing.world.hire("Zoe", idp_subject="idp|zoe")
    with pytest.raises(NotAnAmbassador):
        await metrics(sharing).read_impact(sharing.world.person("idp|zoe"), ImpactPeriod.MONTH)
