"""Conversion use cases on the in-memory fakes: attribution through the real policy, replays,
conflicts, roles, filters, and nothing written on a refusal."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from app.domain.attribution.conversions import ConversionType
from app.domain.attribution.policy import ShareOrigin
from app.domain.errors import ConversionConflict, Forbidden, NotFound, ValidationFailed
from app.domain.events import EventType
from app.domain.roster.identity import Principal, Role
from app.domain.roster.tenants import Tenant
from app.domain.sharing.visitors import ClickKind
from app.ports.attribution import ConversionFilter
from app.ports.pagination import PageRequest
from app.services.attribution.record_conversion import RecordConversionCommand, RecordedConversion
from app.services.programme.update_settings import UpdateSettingsCommand
from tests.fake_conversions import add_click, add_share
from tests.unit.world import NOW, World

LEAD_AT = NOW - timedelta(hours=1)
CAMPAIGN = UUID("01960000-0000-7000-8000-00000000c001")


def integrator(world: World, tenant: Tenant | None = None) -> Principal:
    return world.staff(Role.INTEGRATOR, tenant=tenant)


def share(number: int, *, ambassador: int | None = None, campaign: UUID | None = CAMPAIGN) -> ShareOrigin:
    return ShareOrigin(
        share_id=UUID(int=0x1000 + number),
        ambassador_id=UUID(int=0x2000 + (ambassador or number)),
        content_id=UUID(int=0x3000 + number),
        campaign_id=campaign,
    )


def click(
    world: World,
    origin: ShareOrigin,
    before: timedelta,
    *,
    tenant: Tenant | None = None,
    is_bot: bool = False,
    is_self: bool = False,
) -> str:
    """A click on the share (made on first use) ``before`` the lead; returns its reference."""
    tenant_id = (tenant or world.acme).id
    database = world.uow.database
    if (tenant_id, origin.share_id) not in database.shares:
        add_share(database, tenant_id, origin, created_at=LEAD_AT - timedelta(days=60))
    kind = ClickKind.BOT if is_bot else ClickKind.COUNTED
    return add_click(database, tenant_id, origin.share_id, LEAD_AT - before, kind, is_self=is_self)


def nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def lead(external_id: str = "crm-1", **changes: Any) -> RecordConversionCommand:
    values: dict[str, Any] = {"type": ConversionType.LEAD, "external_id": external_id, "occurred_at": LEAD_AT}
    return RecordConversionCommand(**(values | changes))


async def record(world: World, command: RecordConversionCommand, caller: Principal | None = None) -> RecordedConversion:
    return await world.attribution.record_conversion(caller or integrator(world), command)


async def set_attribution(world: World, **changes: Any) -> None:
    await world.programme.update_settings(world.admin, UpdateSettingsCommand(changes=changes))


def events(world: World) -> list[tuple[EventType, dict[str, Any]]]:
    return [(r.type, r.data) for r in world.uow.outbox if r.type.value.startswith("conversion.")]


def weights(outcome: RecordedConversion) -> dict[UUID, str]:
    return {c.share_id: f"{c.weight.numerator}/{c.weight.denominator}" for c in outcome.record.credits}


async def test_a_lead_with_a_click_reference_is_credited_to_its_share_ambassador_content_and_campaign(
    world: World,
) -> None:
    origin = share(1)
    ref = click(world, origin, timedelta(days=2))

    outcome = await record(world, lead(click_ref=ref))

    assert outcome.created
    (credit,) = outcome.record.credits
    assert (credit.share_id, credit.ambassador_id, credit.content_id, credit.campaign_id) == (
        origin.share_id,
        origin.ambassador_id,
        origin.content_id,
        CAMPAIGN,
    )
    assert weights(outcome) == {origin.share_id: "1/1"}
    assert [type_ for type_, _ in events(world)] == [EventType.CONVERSION_RECORDED, EventType.CONVERSION_ATTRIBUTED]
    attributed = events(world)[1][1]
    assert attributed["conversion_id"] == str(outcome.record.id)
    assert attributed["type"] == "lead"
    assert attributed["credits"] == [
        {
            "share_id": str(origin.share_id),
            "ambassador_id": str(origin.ambassador_id),
            "content_id": str(origin.content_id),
            "campaign_id": str(CAMPAIGN),
            "weight": "1/1",
        }
    ]


async def test_last_touch_is_the_default_model(world: World) -> None:
    first, last = share(1), share(2)
    refs = [click(world, first, timedelta(days=3)), click(world, last, timedelta(days=1))]

    outcome = await record(world, lead(click_refs=refs))

    assert weights(outcome) == {last.share_id: "1/1"}
    assert outcome.record.attribution.model.value == "last_touch"
    assert outcome.record.window_days == 30


async def test_first_touch_credits_the_earliest_click_when_the_tenant_chose_it(world: World) -> None:
    await set_attribution(world, attribution_model="first_touch")
    first, last = share(1), share(2)
    refs = [click(world, last, timedelta(days=1)), click(world, first, timedelta(days=3))]

    outcome = await record(world, lead(click_refs=refs))

    assert weights(outcome) == {first.share_id: "1/1"}


async def test_linear_splits_the_credit_exactly_and_merges_clicks_on_one_share(world: World) -> None:
    await set_attribution(world, attribution_model="linear")
    twice, once = share(1), share(2, campaign=None)
    refs = [
        click(world, twice, timedelta(days=3)),
        click(world, once, timedelta(days=2)),
        click(world, twice, timedelta(days=1)),
    ]

    outcome = await record(world, lead(click_refs=refs))

    assert weights(outcome) == {twice.share_id: "2/3", once.share_id: "1/3"}
    by_share = {item["share_id"]: item for item in events(world)[1][1]["credits"]}
    assert by_share[str(twice.share_id)]["weight"] == "2/3"
    assert by_share[str(once.share_id)]["campaign_id"] is None


async def test_a_link_code_credits_its_share(world: World) -> None:
    origin = share(1)
    add_share(world.uow.database, world.acme.id, origin, created_at=LEAD_AT - timedelta(5), code="Ab3dE5gH")

    outcome = await record(world, lead(link_code="Ab3dE5gH"))

    assert weights(outcome) == {origin.share_id: "1/1"}


@pytest.mark.parametrize(
    ("flags", "before", "reason"),
    [
        ({"is_bot": True}, timedelta(days=1), "bot_or_self_click"),
        ({"is_self": True}, timedelta(days=1), "bot_or_self_click"),
        ({}, timedelta(days=31), "outside_window"),
        ({}, -timedelta(minutes=5), "after_conversion"),
    ],
    ids=["bot", "self", "outside-window", "after-the-conversion"],
)
async def test_a_click_that_earns_nothing_leaves_the_conversion_unattributed_with_the_reason(
    world: World, flags: dict[str, bool], before: timedelta, reason: str
) -> None:
    ref = click(world, share(1), before, is_bot=flags.get("is_bot", False), is_self=flags.get("is_self", False))

    outcome = await record(world, lead(click_ref=ref))

    assert outcome.created
    assert outcome.record.credits == ()
    assert outcome.record.attribution.reason is not None
    assert outcome.record.attribution.reason.value == reason
    assert [type_ for type_, _ in events(world)] == [EventType.CONVERSION_RECORDED]
    assert events(world)[0][1]["reason"] == reason


async def test_the_tenants_window_decides(world: World) -> None:
    await set_attribution(world, attribution_window_days=7)
    old, recent = share(1), share(2)
    outside = await record(world, lead("crm-1", click_ref=click(world, old, timedelta(days=8))))
    inside = await record(world, lead("crm-2", click_ref=click(world, recent, timedelta(days=7))))

    assert outside.record.attribution.reason is not None
    assert outside.record.attribution.reason.value == "outside_window"
    assert outside.record.window_days == 7
    assert weights(inside) == {recent.share_id: "1/1"}


@pytest.mark.parametrize("reference", ["not-a-click", str(UUID(int=42))], ids=["not-a-click-id", "no-such-click"])
async def test_an_unknown_click_reference_is_stored_unattributed(world: World, reference: str) -> None:
    outcome = await record(world, lead(click_ref=reference))

    assert outcome.record.attribution.reason is not None
    assert outcome.record.attribution.reason.value == "unknown_reference"
    assert outcome.record.conversion.click_refs == (reference,)


async def test_another_tenants_click_is_unknown(world: World) -> None:
    theirs = click(world, share(9), timedelta(days=1), tenant=world.globex)

    outcome = await record(world, lead(click_ref=theirs))

    assert outcome.record.attribution.reason is not None
    assert outcome.record.attribution.reason.value == "unknown_reference"


async def test_another_tenants_link_code_is_unknown(world: World) -> None:
    add_share(world.uow.database, world.globex.id, share(9), created_at=LEAD_AT, code="Ab3dE5gH")

    outcome = await record(world, lead(link_code="Ab3dE5gH"))

    assert outcome.record.attribution.reason is not None
    assert outcome.record.attribution.reason.value == "unknown_reference"


async def test_a_conversion_without_reference_is_stored_unattributed(world: World) -> None:
    outcome = await record(world, lead(value_minor=12_000, currency="eur", metadata={"source": "form"}))

    assert outcome.record.attribution.reason is not None
    assert outcome.record.attribution.reason.value == "no_reference"
    assert (outcome.record.conversion.value_minor, outcome.record.conversion.currency) == (12_000, "EUR")


async def test_the_same_report_again_answers_with_the_stored_conversion_and_writes_nothing(world: World) -> None:
    ref = click(world, share(1), timedelta(days=1))
    first = await record(world, lead(click_ref=ref, metadata={"form": "contact"}))
    before = (dict(world.uow.database.conversions), list(world.uow.outbox))

    again = await record(world, lead(click_refs=[ref], metadata={"form": "contact"}))

    assert not again.created
    assert again.record.id == first.record.id
    assert again.record.credits == first.record.credits
    assert (dict(world.uow.database.conversions), list(world.uow.outbox)) == before


async def test_the_same_key_with_another_payload_is_a_conflict_and_writes_nothing(world: World) -> None:
    await record(world, lead(value_minor=100, currency="EUR"))
    before = (dict(world.uow.database.conversions), list(world.uow.outbox))

    with pytest.raises(ConversionConflict) as refused:
        await record(world, lead(value_minor=200, currency="EUR"))

    assert refused.value.code == "conversion-conflict"
    assert (dict(world.uow.database.conversions), list(world.uow.outbox)) == before


async def test_the_same_external_id_under_another_type_is_another_conversion(world: World) -> None:
    await record(world, lead())
    hire = await record(world, lead(type=ConversionType.HIRE))

    assert hire.created


async def test_the_same_key_in_another_tenant_is_another_conversion(world: World) -> None:
    await record(world, lead())
    theirs = await record(world, lead(value_minor=5, currency="EUR"), integrator(world, world.globex))

    assert theirs.created


@pytest.mark.parametrize(
    ("changes", "locations"),
    [
        ({"click_ref": "a", "link_code": "Ab3dE5gH"}, [("click_ref",), ("link_code",)]),
        ({"click_ref": "a", "click_refs": ["b"]}, [("click_ref",), ("click_refs",)]),
        ({"click_refs": []}, [("click_refs",)]),
        ({"click_ref": ""}, [("click_ref",)]),
        ({"click_refs": ["a", " "]}, [("click_refs", 1)]),
        ({"external_id": "", "currency": "EUR"}, [("external_id",), ("currency",)]),
        ({"occurred_at": datetime(2026, 3, 1, 12)}, [("occurred_at",)]),  # noqa: DTZ001 - the point
        ({"value_minor": 10**15 + 1, "currency": "EUR"}, [("value_minor",)]),
        ({"metadata": {"note": "a\x00b"}}, [("metadata",)]),
        ({"metadata": {"fields": [{"\x00": 1}]}}, [("metadata",)]),
        ({"metadata": nested(5000)}, [("metadata",)]),
    ],
    ids=[
        "click-and-link",
        "click-and-clicks",
        "empty-clicks",
        "empty-click",
        "blank-click",
        "several-fields",
        "naive",
        "value-too-large",
        "nul-in-a-text",
        "nul-in-a-key",
        "nested-beyond-reason",
    ],
)
async def test_an_invalid_report_is_refused_field_by_field_and_writes_nothing(
    world: World, changes: dict[str, Any], locations: list[tuple[str | int, ...]]
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await record(world, lead(**changes))

    assert [error.loc for error in refused.value.errors] == locations
    assert world.uow.database.conversions == {}
    assert events(world) == []


@pytest.mark.parametrize("role", [Role.MANAGER, Role.ANALYST, Role.AMBASSADOR, Role.MODERATOR])
async def test_only_integrators_and_admins_report_conversions(world: World, role: Role) -> None:
    with pytest.raises(Forbidden):
        await record(world, lead(), world.staff(role))
    assert world.uow.database.conversions == {}


async def test_an_admin_may_report_a_conversion(world: World) -> None:
    assert (await record(world, lead(), world.admin)).created


@pytest.mark.parametrize("role", [Role.ADMIN, Role.MANAGER, Role.ANALYST, Role.INTEGRATOR])
async def test_staff_and_integrators_read_a_conversion_with_its_credits(world: World, role: Role) -> None:
    origin = share(1)
    recorded = await record(world, lead(click_ref=click(world, origin, timedelta(days=1))))

    found = await world.attribution.get_conversion(world.staff(role), recorded.record.id)

    assert found.id == recorded.record.id
    assert found.credits == recorded.record.credits


@pytest.mark.parametrize("role", [Role.AMBASSADOR, Role.MODERATOR])
async def test_ambassadors_and_moderators_do_not_read_conversions(world: World, role: Role) -> None:
    recorded = await record(world, lead())
    with pytest.raises(Forbidden):
        await world.attribution.get_conversion(world.staff(role), recorded.record.id)
    with pytest.raises(Forbidden):
        await world.attribution.list_conversions(world.staff(role), ConversionFilter(), PageRequest())


async def test_another_tenants_conversion_is_not_found(world: World) -> None:
    theirs = await record(world, lead(), integrator(world, world.globex))
    with pytest.raises(NotFound):
        await world.attribution.get_conversion(world.admin, theirs.record.id)


async def test_the_list_filters_by_type_credit_attribution_and_period(world: World) -> None:
    await set_attribution(world, attribution_model="linear")
    ada, bob = share(1), share(2, campaign=None)
    both = await record(
        world,
        lead("crm-1", click_refs=[click(world, ada, timedelta(days=2)), click(world, bob, timedelta(days=1))]),
    )
    bobs = await record(world, lead("crm-2", type=ConversionType.HIRE, click_ref=click(world, bob, timedelta(0))))
    nobody = await record(world, lead("crm-3", occurred_at=LEAD_AT - timedelta(days=10)))

    async def ids(**criteria: Any) -> list[UUID]:
        page = await world.attribution.list_conversions(
            world.staff(Role.ANALYST), ConversionFilter(**criteria), PageRequest()
        )
        return [item.id for item in page.items]

    assert await ids() == [both.record.id, bobs.record.id, nobody.record.id]
    assert await ids(type=ConversionType.HIRE) == [bobs.record.id]
    assert await ids(campaign_id=CAMPAIGN) == [both.record.id]
    assert await ids(ambassador_id=bob.ambassador_id) == [both.record.id, bobs.record.id]
    assert await ids(ambassador_id=bob.ambassador_id, campaign_id=CAMPAIGN) == []
    assert await ids(attributed=False) == [nobody.record.id]
    assert await ids(attributed=True) == [both.record.id, bobs.record.id]
    assert await ids(occurred_from=LEAD_AT - timedelta(days=1)) == [both.record.id, bobs.record.id]
    assert await ids(occurred_to=LEAD_AT) == [nobody.record.id]


async def test_the_list_pages_in_recorded_order(world: World) -> None:
    recorded = [(await record(world, lead(f"crm-{n}"))).record.id for n in range(3)]
    list_conversions = world.attribution.list_conversions

    first = await list_conversions(world.admin, ConversionFilter(), PageRequest(limit=2))
    second = await list_conversions(world.admin, ConversionFilter(), PageRequest(after=first.next_after, limit=2))

    assert [item.id for item in first.items] + [item.id for item in second.items] == recorded
    assert second.next_after is None


async def test_an_empty_period_is_refused(world: World) -> None:
    with pytest.raises(ValidationFailed) as refused:
        await world.attribution.list_conversions(
            world.admin, ConversionFilter(occurred_from=LEAD_AT, occurred_to=LEAD_AT), PageRequest()
        )
    assert [error.loc for error in refused.value.errors] == [("query", "occurred_to")]
