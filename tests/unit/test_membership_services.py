"""Memberships on the in-memory fakes: invitations, joining and leaving, and what staff change."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.errors import (
    AlreadyAmbassador,
    EmployeeNotLinked,
    EmployeeTerminated,
    Forbidden,
    InvalidTransition,
    NotAnAmbassador,
    NotFound,
    PreconditionFailed,
)
from app.domain.roster.ambassadors import MembershipStatus, Preferences
from app.domain.roster.identity import Role
from app.ports.pagination import PageRequest
from app.ports.roster import AmbassadorFilter
from app.services.roster.terminate_employee import TerminateEmployeeCommand
from app.services.roster.update_ambassador import UpdateAmbassadorCommand
from tests.unit.world import NOW, World, new_events

# --- invitations ----------------------------------------------------------------------------


async def test_manager_invites_an_active_employee(world: World) -> None:
    ada = await world.hire("Ada")
    manager = world.staff(Role.MANAGER)
    invitation = await world.roster.invite_ambassador(manager, ada.id)
    assert invitation.created is True
    assert invitation.ambassador.status is MembershipStatus.INVITED
    assert invitation.ambassador.invited_by == manager.subject
    assert await world.membership_of(ada.id) == invitation.ambassador
    last = world.uow.outbox[-1]
    assert (last.type, last.data["invited_by"]) == ("ambassador.invited", manager.subject)


async def test_inviting_again_returns_the_standing_invitation(world: World) -> None:
    ada = await world.hire("Ada")
    invite = world.roster.invite_ambassador
    first = await invite(world.admin, ada.id)
    before = world.events()
    again = await invite(world.staff(Role.MANAGER), ada.id)
    assert again.created is False
    assert again.ambassador == first.ambassador
    assert world.events() == before


async def test_former_member_is_invited_again(world: World) -> None:
    ada, membership = await world.member("Ada")
    await world.roster.opt_out(ada)
    invitation = await world.roster.invite_ambassador(world.admin, membership.employee_id)
    assert invitation.created is True
    assert invitation.ambassador.id == membership.id
    assert invitation.ambassador.status is MembershipStatus.INVITED
    assert world.events()[-1] == "ambassador.invited"


async def test_current_member_cannot_be_invited(world: World) -> None:
    _, membership = await world.member("Ada")
    before = world.events()
    with pytest.raises(AlreadyAmbassador):
        await world.roster.invite_ambassador(world.admin, membership.employee_id)
    assert await world.membership_of(membership.employee_id) == membership
    assert world.events() == before


async def test_terminated_employee_cannot_be_invited(world: World) -> None:
    ada = await world.hire("Ada")
    await world.roster.terminate_employee(world.admin, TerminateEmployeeCommand(employee_id=ada.id))
    before = world.events()
    with pytest.raises(EmployeeTerminated):
        await world.roster.invite_ambassador(world.admin, ada.id)
    assert await world.membership_of(ada.id) is None
    assert world.events() == before


async def test_inviting_an_unknown_employee_is_not_found(world: World) -> None:
    with pytest.raises(NotFound):
        await world.roster.invite_ambassador(world.admin, world.ids.new_id())


# --- joining and leaving --------------------------------------------------------------------


async def test_employee_opts_in_without_an_invitation(world: World) -> None:
    await world.hire("Ada", idp_subject="idp|ada")
    before = world.events()
    membership = await world.roster.opt_in(world.person("idp|ada"))
    assert (membership.status, membership.consented_at) == (MembershipStatus.ACTIVE, NOW)
    assert await world.membership_of(membership.employee_id) == membership
    assert new_events(world, before) == ["ambassador.joined"]
    assert world.uow.outbox[-1].data["invited"] is False


async def test_invited_employee_accepts_by_opting_in(world: World) -> None:
    ada = await world.hire("Ada", email="ada@acme.example")
    invitation = await world.roster.invite_ambassador(world.admin, ada.id)
    joined = await world.roster.opt_in(world.person("idp|ada", "ada@acme.example"))
    assert joined.id == invitation.ambassador.id
    assert joined.status is MembershipStatus.ACTIVE
    assert world.uow.outbox[-1].data == {
        "id": str(joined.id),
        "employee_id": str(ada.id),
        "status": "active",
        "invited": True,
    }


async def test_opting_in_twice_records_one_join(world: World) -> None:
    ada, membership = await world.member("Ada")
    before = world.events()
    again = await world.roster.opt_in(ada)
    assert again == membership
    assert world.events() == before


async def test_member_leaves_with_one_call_and_may_come_back(world: World) -> None:
    ada, membership = await world.member("Ada")
    world.clock.advance(timedelta(days=1))
    left = await world.roster.opt_out(ada)
    assert (left.status, left.left_at) == (MembershipStatus.LEFT, world.clock.now())
    assert await world.membership_of(membership.employee_id) == left
    world.clock.advance(timedelta(days=1))
    back = await world.roster.opt_in(ada)
    assert (back.id, back.status, back.consented_at, back.left_at) == (
        membership.id,
        MembershipStatus.ACTIVE,
        world.clock.now(),
        None,
    )
    assert world.events()[-2:] == ["ambassador.left", "ambassador.joined"]


async def test_leaving_twice_announces_one_departure(world: World) -> None:
    ada, _ = await world.member("Ada")
    await world.roster.opt_out(ada)
    before = world.events()
    await world.roster.opt_out(ada)
    assert world.events() == before


async def test_employee_who_never_joined_cannot_opt_out(world: World) -> None:
    await world.hire("Ada", idp_subject="idp|ada")
    with pytest.raises(NotAnAmbassador):
        await world.roster.opt_out(world.person("idp|ada"))


async def test_caller_unknown_to_the_roster_is_forbidden_to_join(world: World) -> None:
    with pytest.raises(Forbidden) as raised:
        await world.roster.opt_in(world.person("idp|nobody", "nobody@acme.example"))
    assert isinstance(raised.value, EmployeeNotLinked)


async def test_member_replaces_preferences(world: World) -> None:
    ada, membership = await world.member("Ada")
    chosen = Preferences(languages=("fr",), topics=("careers",), max_shares_per_week=2, leaderboard_visible=True)
    updated = await world.roster.set_preferences(ada, chosen)
    assert (updated.preferences, updated.version) == (chosen, membership.version + 1)
    assert (await world.roster.get_me(ada)).ambassador == updated


async def test_non_member_cannot_set_preferences(world: World) -> None:
    await world.hire("Ada", idp_subject="idp|ada")
    with pytest.raises(NotAnAmbassador):
        await world.roster.set_preferences(world.person("idp|ada"), Preferences())


# --- staff and memberships ------------------------------------------------------------------


async def test_staff_pause_and_resume_a_membership(world: World) -> None:
    _, membership = await world.member("Ada")
    update = world.roster.update_ambassador
    before = world.events()
    paused = await update(
        world.staff(Role.MANAGER),
        UpdateAmbassadorCommand(ambassador_id=membership.id, status=MembershipStatus.PAUSED, expected_version=1),
    )
    assert paused.status is MembershipStatus.PAUSED
    resumed = await update(
        world.admin, UpdateAmbassadorCommand(ambassador_id=membership.id, status=MembershipStatus.ACTIVE)
    )
    assert (resumed.status, resumed.version) == (MembershipStatus.ACTIVE, 3)
    assert await world.membership_of(membership.employee_id) == resumed
    assert new_events(world, before) == ["ambassador.paused", "ambassador.resumed"]


async def test_staff_cannot_accept_an_invitation_for_the_employee(world: World) -> None:
    ada = await world.hire("Ada")
    invitation = await world.roster.invite_ambassador(world.admin, ada.id)
    before = world.events()
    with pytest.raises(InvalidTransition):
        await world.roster.update_ambassador(
            world.admin,
            UpdateAmbassadorCommand(
                ambassador_id=invitation.ambassador.id, status=MembershipStatus.ACTIVE, notes="x", notes_given=True
            ),
        )
    assert await world.membership_of(ada.id) == invitation.ambassador
    assert world.events() == before


async def test_notes_change_only_when_given(world: World) -> None:
    _, membership = await world.member("Ada")
    update = world.roster.update_ambassador
    noted = await update(
        world.admin, UpdateAmbassadorCommand(ambassador_id=membership.id, notes="Top sharer", notes_given=True)
    )
    assert noted.notes == "Top sharer"
    untouched = await update(world.admin, UpdateAmbassadorCommand(ambassador_id=membership.id, notes=None))
    assert (untouched.notes, untouched.version) == ("Top sharer", noted.version)
    cleared = await update(
        world.admin, UpdateAmbassadorCommand(ambassador_id=membership.id, notes=None, notes_given=True)
    )
    assert cleared.notes is None
    assert await world.membership_of(membership.employee_id) == cleared


async def test_stale_membership_version_is_refused(world: World) -> None:
    _, membership = await world.member("Ada")
    with pytest.raises(PreconditionFailed):
        await world.roster.update_ambassador(
            world.admin,
            UpdateAmbassadorCommand(ambassador_id=membership.id, status=MembershipStatus.PAUSED, expected_version=2),
        )
    assert await world.membership_of(membership.employee_id) == membership


async def test_another_tenant_s_membership_is_not_found(world: World) -> None:
    zed = await world.hire("Zed", tenant=world.globex)
    theirs = await world.roster.invite_ambassador(world.staff(Role.ADMIN, tenant=world.globex), zed.id)
    with pytest.raises(NotFound):
        await world.roster.get_ambassador(world.admin, theirs.ambassador.id)
    with pytest.raises(NotFound):
        await world.roster.update_ambassador(
            world.admin, UpdateAmbassadorCommand(ambassador_id=theirs.ambassador.id, notes="x", notes_given=True)
        )


async def test_memberships_are_listed_by_the_employee_s_department_within_the_tenant(world: World) -> None:
    _, ada = await world.member("Ada", department="R&D")
    _, grace = await world.member("Grace", department="Sales")
    zed = await world.hire("Zed", department="R&D", tenant=world.globex)
    await world.roster.invite_ambassador(world.staff(Role.ADMIN, tenant=world.globex), zed.id)
    moderator = world.staff(Role.MODERATOR)
    everyone = await world.roster.list_ambassadors(moderator, AmbassadorFilter(), PageRequest())
    rnd = await world.roster.list_ambassadors(moderator, AmbassadorFilter(department="R&D"), PageRequest())
    assert [a.id for a in everyone.items] == [ada.id, grace.id]
    assert [a.id for a in rnd.items] == [ada.id]
    assert await world.roster.get_ambassador(moderator, grace.id) == grace


async def test_batch_loads_answer_in_the_order_asked_with_gaps(world: World) -> None:
    _, ada = await world.member("Ada")
    grace = await world.hire("Grace")
    zed = await world.hire("Zed", tenant=world.globex)
    unknown = world.ids.new_id()
    asked = [grace.id, unknown, ada.employee_id, zed.id]
    employees = await world.roster.load_employees(world.admin, asked)
    memberships = await world.roster.load_ambassadors_by_employee(world.admin, asked)
    assert [e.profile.given_name if e else None for e in employees] == ["Grace", None, "Ada", None]
    assert memberships == [None, None, ada, None]
