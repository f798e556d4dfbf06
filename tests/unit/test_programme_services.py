"""Settings, charter and caption-check use cases on the in-memory fakes."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest

from app.domain.content.content_fields import ContentFields
from app.domain.content.contents import Content
from app.domain.errors import (
    EmployeeNotLinked,
    Forbidden,
    NotAnAmbassador,
    NotFound,
    PreconditionFailed,
    ValidationFailed,
)
from app.domain.networks import Network
from app.domain.programme.charter import CharterNotPublished, CharterStatus, CharterVersionNotCurrent
from app.domain.programme.compliance import ViolationCode
from app.domain.programme.settings import ProgrammeSettings
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.identity import Principal, Role
from app.ports.pagination import PageRequest
from app.ports.roster import AmbassadorFilter
from app.services.programme.check_caption import CheckCaptionCommand
from app.services.programme.publish_charter_version import PublishCharterVersionCommand
from app.services.programme.update_settings import UpdateSettingsCommand
from tests.unit.world import NOW, OPERATOR, World

RULES = {"link_domains": [{"domain": "acme.example"}], "banned_terms": ["confidentiel"]}


async def configure(world: World, changes: dict[str, Any], principal: Principal | None = None) -> ProgrammeSettings:
    return await world.programme.update_settings(principal or world.admin, UpdateSettingsCommand(changes=changes))


async def publish(world: World, title: str = "Charte", principal: Principal | None = None) -> int:
    command = PublishCharterVersionCommand(title=title, body="# Règles")
    return (await world.programme.publish_charter_version(principal or world.admin, command)).number


# --- settings -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.ADMIN, Role.MANAGER, Role.MODERATOR, Role.ANALYST])
async def test_staff_read_the_defaults_of_a_new_programme(world: World, role: Role) -> None:
    assert await world.programme.get_settings(world.staff(role)) == ProgrammeSettings.defaults()


@pytest.mark.parametrize("role", [Role.AMBASSADOR, Role.INTEGRATOR])
async def test_other_roles_may_not_read_the_settings(world: World, role: Role) -> None:
    with pytest.raises(Forbidden):
        await world.programme.get_settings(world.staff(role))


async def test_an_admin_saves_settings_which_are_read_back_and_announced(world: World) -> None:
    saved = await configure(world, RULES)

    assert (saved.version, saved.updated_at) == (1, NOW)
    assert await world.programme.get_settings(world.admin) == saved
    last = world.uow.outbox[-1]
    assert (last.type, last.data["fields"], last.data["version"]) == (
        "settings.updated",
        ["link_domains", "banned_terms"],
        1,
    )


@pytest.mark.parametrize("role", [Role.MANAGER, Role.MODERATOR, Role.ANALYST, Role.INTEGRATOR, Role.AMBASSADOR])
async def test_only_admins_change_the_settings(world: World, role: Role) -> None:
    with pytest.raises(Forbidden):
        await configure(world, RULES, world.staff(role))
    assert world.events() == ["tenant.created", "tenant.created"]


async def test_invalid_settings_change_nothing(world: World) -> None:
    with pytest.raises(ValidationFailed):
        await configure(world, {"weekly_content_budget": 2, "utm_medium": "not safe"})

    assert (await world.programme.get_settings(world.admin)).version == 0


async def test_a_stale_version_is_refused(world: World) -> None:
    await configure(world, {"weekly_content_budget": 2})

    with pytest.raises(PreconditionFailed):
        await world.programme.update_settings(world.admin, UpdateSettingsCommand(changes={}, expected_version=0))


async def test_saving_the_same_values_keeps_the_version_and_announces_nothing(world: World) -> None:
    await configure(world, RULES)
    before = world.events()

    again = await configure(world, {"banned_terms": ["confidentiel", "CONFIDENTIEL"]})

    assert (again.version, world.events()) == (1, before)


async def test_settings_belong_to_one_tenant(world: World) -> None:
    await configure(world, RULES)

    assert (
        await world.programme.get_settings(world.staff(Role.ADMIN, tenant=world.globex)) == ProgrammeSettings.defaults()
    )


# --- charter --------------------------------------------------------------------------------


async def test_versions_are_numbered_in_order_and_the_last_is_in_force(world: World) -> None:
    assert [await publish(world, f"v{n}") for n in range(3)] == [1, 2, 3]

    current = await world.programme.get_charter(world.person("idp|x"))
    listed = await world.programme.list_charter_versions(world.person("idp|x"), PageRequest(limit=2))

    assert (current.number, current.title) == (3, "v2")
    assert [v.number for v in listed.items] == [1, 2]
    assert listed.next_after is not None
    assert world.events().count("charter.published") == 3


async def test_no_charter_reads_as_not_published(world: World) -> None:
    with pytest.raises(CharterNotPublished):
        await world.programme.get_charter(world.admin)


@pytest.mark.parametrize("role", [Role.MANAGER, Role.MODERATOR, Role.AMBASSADOR])
async def test_only_admins_publish(world: World, role: Role) -> None:
    with pytest.raises(Forbidden):
        await publish(world, principal=world.staff(role))
    assert "charter.published" not in world.events()


async def test_each_tenant_numbers_its_own_versions(world: World) -> None:
    await publish(world)
    assert await publish(world, principal=world.staff(Role.ADMIN, tenant=world.globex)) == 1


async def accepted(world: World, principal: Principal, version: int) -> Ambassador:
    return await world.programme.accept_charter(principal, version)


async def test_a_member_accepts_the_current_version_once(world: World) -> None:
    principal, _ = await world.member()
    await publish(world)

    member = await accepted(world, principal, 1)
    again = await accepted(world, principal, 1)

    assert (member.charter_version, member.charter_accepted_at) == (1, NOW)
    assert again.version == member.version
    assert world.events().count("charter.accepted") == 1
    assert (await world.roster.get_me(principal)).charter_status is CharterStatus.ACCEPTED


async def test_an_old_version_cannot_be_accepted(world: World) -> None:
    principal, _ = await world.member()
    await publish(world)
    await publish(world)

    with pytest.raises(CharterVersionNotCurrent) as raised:
        await accepted(world, principal, 1)

    assert raised.value.current == 2
    assert "charter.accepted" not in world.events()


async def test_acceptance_needs_a_linked_member_who_has_not_left(world: World) -> None:
    await publish(world)
    with pytest.raises(EmployeeNotLinked):
        await accepted(world, world.person("idp|nobody"), 1)
    await world.hire("Bob", idp_subject="idp|bob")
    with pytest.raises(NotAnAmbassador):
        await accepted(world, world.person("idp|bob"), 1)
    principal, _ = await world.member("Cy")
    await world.roster.opt_out(principal)
    with pytest.raises(NotAnAmbassador):
        await accepted(world, principal, 1)


async def test_me_tells_whether_the_charter_in_force_was_accepted(world: World) -> None:
    principal, _ = await world.member()
    get_me = world.roster.get_me

    assert (await get_me(world.admin)).charter_status is None
    assert (await get_me(principal)).charter_status is CharterStatus.ACCEPTED
    await publish(world)
    assert (await get_me(principal)).charter_status is CharterStatus.NEEDS_ACCEPTANCE
    await accepted(world, principal, 1)
    assert (await get_me(principal)).charter_status is CharterStatus.ACCEPTED
    await publish(world)
    assert (await get_me(principal)).charter_status is CharterStatus.NEEDS_ACCEPTANCE


async def test_staff_list_the_members_who_must_accept(world: World) -> None:
    ada, ada_member = await world.member("Ada")
    _, bob_member = await world.member("Bob")
    list_ambassadors = world.roster.list_ambassadors

    async def ids(status: CharterStatus) -> list[UUID]:
        page = await list_ambassadors(world.admin, AmbassadorFilter(charter_status=status), PageRequest())
        return [a.id for a in page.items]

    assert await ids(CharterStatus.NEEDS_ACCEPTANCE) == []
    await publish(world)
    await accepted(world, ada, 1)
    assert await ids(CharterStatus.NEEDS_ACCEPTANCE) == [bob_member.id]
    assert await ids(CharterStatus.ACCEPTED) == [ada_member.id]


# --- caption checks -------------------------------------------------------------------------


async def stored_content(world: World, *, author: str = "manager|1", publish_it: bool = True) -> Content:
    settings = await configure(world, RULES)
    fields = ContentFields.compose(
        {"title": "Nouvelle usine", "body": "Visitez-la.", "link_url": "https://acme.example/usine"},
        default_language="fr",
    )
    content = Content.create(
        id=world.ids.new_id(),
        tenant_id=world.acme.id,
        fields=fields,
        author=author,
        proposed=False,
        rules=settings,
        now=NOW,
        shorthand=True,
    )
    if publish_it:
        content.submit(actor=author, now=NOW)
        content.approve(reviewer="moderator|1", rules=settings, scheduled=[], now=NOW)
    async with world.uow(world.acme.id) as uow:
        await uow.contents.add(content)
        await uow.commit()
    return content


async def test_a_caption_is_checked_against_the_tenants_rules(world: World) -> None:
    await configure(world, RULES)
    check = world.programme.check_caption

    report = await check(world.person("idp|a"), CheckCaptionCommand(network=Network.X, text="Un plan CONFIDENTIEL"))
    other = await check(
        world.person("idp|a", tenant=world.globex),
        CheckCaptionCommand(network=Network.X, text="Un plan CONFIDENTIEL"),
    )

    assert [v.code for v in report.violations] == [ViolationCode.BANNED_TERM]
    assert other.ok


async def test_with_a_content_its_link_must_be_in_the_caption(world: World) -> None:
    content = await stored_content(world)
    check = world.programme.check_caption

    without = await check(
        world.person("idp|a"), CheckCaptionCommand(network=Network.LINKEDIN, text="Bravo", content_id=content.id)
    )
    with_link = await check(
        world.person("idp|a"),
        CheckCaptionCommand(network=Network.LINKEDIN, text="Bravo https://acme.example/usine", content_id=content.id),
    )

    assert [v.code for v in without.violations] == [ViolationCode.MISSING_LINK]
    assert with_link.ok


async def test_unpublished_content_is_only_for_staff_and_its_author(world: World) -> None:
    content = await stored_content(world, author="idp|author", publish_it=False)
    command = CheckCaptionCommand(network=Network.LINKEDIN, text="https://acme.example/usine", content_id=content.id)
    check = world.programme.check_caption

    assert (await check(world.staff(Role.MODERATOR), command)).ok
    assert (await check(world.person("idp|author"), command)).ok
    with pytest.raises(NotFound):
        await check(world.person("idp|someone"), command)


async def test_an_unknown_or_foreign_content_is_not_found(world: World) -> None:
    content = await stored_content(world)
    check = world.programme.check_caption

    for principal, content_id in (
        (world.admin, world.ids.new_id()),
        (world.staff(Role.ADMIN, tenant=world.globex), content.id),
    ):
        with pytest.raises(NotFound):
            await check(principal, CheckCaptionCommand(network=Network.X, text="x", content_id=content_id))


async def test_an_operator_without_a_tenant_cannot_check(world: World) -> None:
    with pytest.raises(Forbidden):
        await world.programme.check_caption(OPERATOR, CheckCaptionCommand(network=Network.X, text="x"))
