"""Every use case on the in-memory fakes: who may call it, what it writes, what it announces."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import pytest

from app.domain.errors import (
    AlreadyAmbassador,
    DuplicateValue,
    EmployeeNotLinked,
    EmployeeTerminated,
    Forbidden,
    InvalidTransition,
    NotAnAmbassador,
    NotFound,
    PreconditionFailed,
    ValidationFailed,
)
from app.domain.networks import Network
from app.domain.roster.ambassadors import MembershipStatus, Preferences
from app.domain.roster.employees import Employee, EmployeeProfile, EmployeeStatus
from app.domain.roster.identity import Principal, Role
from app.ports.pagination import PageRequest
from app.ports.roster import AmbassadorFilter, EmployeeFilter
from app.services.roster.create_tenant import CreateTenantCommand
from app.services.roster.manage_social_accounts import (
    ConnectSocialAccountCommand,
)
from app.services.roster.terminate_employee import TerminateEmployeeCommand
from app.services.roster.update_ambassador import UpdateAmbassadorCommand
from app.services.roster.update_employee import UpdateEmployeeCommand
from tests.unit.world import NOW, OPERATOR, World, new_events

# --- tenants --------------------------------------------------------------------------------


async def test_operator_creates_a_tenant_and_announces_it(world: World) -> None:
    tenant = await world.roster.create_tenant(OPERATOR, CreateTenantCommand(slug="initech", name=" Initech "))
    assert tenant.name == "Initech"
    assert await world.roster.find_tenant("initech") == tenant
    last = world.uow.outbox[-1]
    assert (last.type, last.tenant_id, last.data) == ("tenant.created", tenant.id, {"slug": "initech"})


async def test_duplicate_tenant_slug_is_a_conflict(world: World) -> None:
    before = world.events()
    with pytest.raises(DuplicateValue) as raised:
        await world.roster.create_tenant(OPERATOR, CreateTenantCommand(slug="acme", name="Another Acme"))
    assert raised.value.field == "slug"
    assert (await world.roster.find_tenant("acme")).name == "Acme"
    assert world.events() == before


async def test_invalid_tenant_slug_is_refused(world: World) -> None:
    with pytest.raises(ValidationFailed):
        await world.roster.create_tenant(OPERATOR, CreateTenantCommand(slug="Not A Slug", name="X"))
    with pytest.raises(NotFound):
        await world.roster.find_tenant("Not A Slug")


async def test_unknown_tenant_slug_is_not_found(world: World) -> None:
    with pytest.raises(NotFound):
        await world.roster.find_tenant("initech")


# --- the roster -----------------------------------------------------------------------------


async def test_integrator_adds_an_employee_to_its_own_tenant(world: World) -> None:
    integrator = world.staff(Role.INTEGRATOR)
    profile = EmployeeProfile(email="Ada@ACME.example", given_name="Ada", family_name="Lovelace", department="R&D")
    employee = await world.roster.create_employee(integrator, profile)
    assert employee.tenant_id == world.acme.id
    assert await world.roster.get_employee(world.admin, employee.id) == employee
    assert employee.profile.email == "Ada@acme.example"
    last = world.uow.outbox[-1]
    assert (last.type, last.tenant_id, last.data["email"]) == ("employee.created", world.acme.id, "Ada@acme.example")


async def test_duplicate_email_in_another_case_is_refused_and_nothing_is_written(world: World) -> None:
    await world.hire("Ada", email="ada@acme.example")
    before = world.events()
    with pytest.raises(DuplicateValue) as raised:
        await world.hire("Other", email="ADA@acme.example")
    assert raised.value.field == "email"
    page = await world.roster.list_employees(world.admin, EmployeeFilter(), PageRequest())
    assert [e.profile.given_name for e in page.items] == ["Ada"]
    assert world.events() == before


async def test_duplicate_external_id_is_refused(world: World) -> None:
    await world.hire("Ada", external_id="HR-1")
    with pytest.raises(DuplicateValue) as raised:
        await world.hire("Grace", external_id="HR-1")
    assert raised.value.field == "external_id"


async def test_the_same_person_may_be_on_another_tenant_s_roster(world: World) -> None:
    ours = await world.hire("Ada", external_id="HR-1")
    theirs = await world.hire("Ada", external_id="HR-1", tenant=world.globex)
    assert theirs.tenant_id == world.globex.id
    assert ours.id != theirs.id


async def test_manager_must_be_an_employee_of_the_same_tenant(world: World) -> None:
    boss = await world.hire("Boss", tenant=world.globex)
    with pytest.raises(ValidationFailed) as raised:
        await world.hire("Ada", manager_id=boss.id)
    assert [error.loc for error in raised.value.errors] == [("manager_id",)]
    ours = await world.hire("Grace")
    assert (await world.hire("Ada", manager_id=ours.id)).profile.manager_id == ours.id


async def test_roster_lists_only_the_caller_s_tenant_with_filters(world: World) -> None:
    await world.hire("Ada", department="R&D", location="London")
    await world.hire("Grace", department="R&D", location="New York")
    await world.hire("Alan", department="Sales", location="London")
    await world.hire("Zed", department="R&D", tenant=world.globex)
    analyst = world.staff(Role.ANALYST)
    list_employees = world.roster.list_employees

    async def names(**criteria: Any) -> list[str]:
        page = await list_employees(analyst, EmployeeFilter(**criteria), PageRequest())
        return [employee.profile.given_name for employee in page.items]

    assert await names() == ["Ada", "Grace", "Alan"]
    assert await names(department="R&D") == ["Ada", "Grace"]
    assert await names(location="London", department="Sales") == ["Alan"]
    assert await names(query="GRACE") == ["Grace"]
    first = await list_employees(analyst, EmployeeFilter(), PageRequest(limit=2))
    rest = await list_employees(analyst, EmployeeFilter(), PageRequest(after=first.next_after, limit=2))
    assert [e.profile.given_name for e in rest.items] == ["Alan"]
    assert rest.next_after is None


async def test_another_tenant_s_employee_is_not_found(world: World) -> None:
    theirs = await world.hire("Zed", tenant=world.globex)
    before = world.events()
    with pytest.raises(NotFound):
        await world.roster.get_employee(world.admin, theirs.id)
    with pytest.raises(NotFound):
        await world.roster.update_employee(
            world.admin, UpdateEmployeeCommand(employee_id=theirs.id, changes={"department": "Sales"})
        )
    with pytest.raises(NotFound):
        await world.roster.terminate_employee(world.admin, TerminateEmployeeCommand(employee_id=theirs.id))
    with pytest.raises(NotFound):
        await world.roster.invite_ambassador(world.admin, theirs.id)
    assert await world.employee(theirs.id, world.globex) == theirs
    assert world.events() == before


async def test_update_changes_the_profile_and_announces_the_fields(world: World) -> None:
    ada = await world.hire("Ada")
    world.clock.advance(timedelta(hours=1))
    updated = await world.roster.update_employee(
        world.staff(Role.INTEGRATOR),
        UpdateEmployeeCommand(employee_id=ada.id, changes={"department": "Sales"}, expected_version=1),
    )
    assert (updated.profile.department, updated.version, updated.updated_at) == ("Sales", 2, world.clock.now())
    assert await world.employee(ada.id) == updated
    last = world.uow.outbox[-1]
    assert (last.type, last.data) == ("employee.updated", {"id": str(ada.id), "fields": ["department"]})


async def test_update_with_a_stale_version_changes_nothing(world: World) -> None:
    ada = await world.hire("Ada")
    before = world.events()
    with pytest.raises(PreconditionFailed):
        await world.roster.update_employee(
            world.admin, UpdateEmployeeCommand(employee_id=ada.id, changes={"department": "Sales"}, expected_version=7)
        )
    assert await world.employee(ada.id) == ada
    assert world.events() == before


async def test_update_taking_a_colleague_s_email_changes_nothing(world: World) -> None:
    await world.hire("Ada")
    grace = await world.hire("Grace")
    before = world.events()
    with pytest.raises(DuplicateValue):
        await world.roster.update_employee(
            world.admin, UpdateEmployeeCommand(employee_id=grace.id, changes={"email": "ADA@acme.example"})
        )
    assert await world.employee(grace.id) == grace
    assert world.events() == before


# --- departures -----------------------------------------------------------------------------


async def test_termination_ends_the_membership_in_the_same_unit_of_work(world: World) -> None:
    _, membership = await world.member("Ada")
    before = world.events()
    world.clock.advance(timedelta(days=1))
    terminated = await world.roster.terminate_employee(
        world.staff(Role.INTEGRATOR), TerminateEmployeeCommand(employee_id=membership.employee_id)
    )
    assert terminated.status is EmployeeStatus.TERMINATED
    assert await world.employee(terminated.id) == terminated
    left = await world.membership_of(terminated.id)
    assert left is not None
    assert (left.status, left.left_at) == (MembershipStatus.LEFT, world.clock.now())
    assert new_events(world, before) == ["employee.terminated", "ambassador.left"]
    assert world.uow.outbox[-1].data["reason"] == "employee_terminated"


async def test_termination_date_defaults_to_today_in_utc(world: World) -> None:
    ada = await world.hire("Ada")
    grace = await world.hire("Grace")
    terminate = world.roster.terminate_employee
    today = await terminate(world.admin, TerminateEmployeeCommand(employee_id=ada.id))
    chosen = await terminate(
        world.admin, TerminateEmployeeCommand(employee_id=grace.id, terminated_on=date(2026, 2, 27))
    )
    assert today.terminated_on == date(2026, 3, 2)  # 23:30 UTC, whatever the server's zone
    assert chosen.terminated_on == date(2026, 2, 27)


async def test_stale_termination_changes_neither_employee_nor_membership(world: World) -> None:
    _, membership = await world.member("Ada")
    employee = await world.employee(membership.employee_id)
    before = world.events()
    with pytest.raises(PreconditionFailed):
        await world.roster.terminate_employee(
            world.admin, TerminateEmployeeCommand(employee_id=membership.employee_id, expected_version=0)
        )
    assert await world.employee(membership.employee_id) == employee
    assert await world.membership_of(membership.employee_id) == membership
    assert world.events() == before


async def test_terminating_twice_is_refused_without_new_events(world: World) -> None:
    ada = await world.hire("Ada")
    terminate = world.roster.terminate_employee
    await terminate(world.admin, TerminateEmployeeCommand(employee_id=ada.id))
    before = world.events()
    with pytest.raises(InvalidTransition):
        await terminate(world.admin, TerminateEmployeeCommand(employee_id=ada.id, terminated_on=date(2026, 4, 1)))
    stored = await world.employee(ada.id)
    assert stored is not None
    assert stored.terminated_on == date(2026, 3, 2)
    assert world.events() == before


async def test_former_member_s_termination_does_not_announce_a_second_departure(world: World) -> None:
    ada, membership = await world.member("Ada")
    await world.roster.opt_out(ada)
    before = world.events()
    await world.roster.terminate_employee(world.admin, TerminateEmployeeCommand(employee_id=membership.employee_id))
    assert new_events(world, before) == ["employee.terminated"]


async def test_terminated_employee_cannot_opt_in_and_nothing_is_written(world: World) -> None:
    ada = await world.hire("Ada")
    await world.roster.terminate_employee(world.admin, TerminateEmployeeCommand(employee_id=ada.id))
    before = world.events()
    with pytest.raises(EmployeeTerminated):
        await world.roster.opt_in(world.person("idp|ada", "ada@acme.example"))
    assert await world.membership_of(ada.id) is None
    stored = await world.employee(ada.id)
    assert stored is not None
    assert stored.profile.idp_subject is None  # the link made on the way was rolled back too
    assert world.events() == before


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


# --- who is calling -------------------------------------------------------------------------


async def test_caller_is_recognised_by_subject(world: World) -> None:
    ada = await world.hire("Ada", idp_subject="idp|ada")
    me = await world.roster.get_me(world.person("idp|ada"))
    assert me.employee == ada
    assert (me.ambassador, me.social_accounts) == (None, ())


async def test_first_call_with_a_verified_email_links_the_subject_for_good(world: World) -> None:
    ada = await world.hire("Ada", email="ada@acme.example")
    linked = await world.roster.get_me(world.person("idp|ada", "ADA@acme.example"))
    assert linked.employee is not None
    assert linked.employee.id == ada.id
    assert linked.employee.profile.idp_subject == "idp|ada"
    later = await world.roster.get_me(world.person("idp|ada", email=None))
    assert later.employee == linked.employee
    stored = await world.employee(ada.id)
    assert stored is not None
    assert stored.profile.idp_subject == "idp|ada"


async def test_unverified_email_never_links(world: World) -> None:
    ada = await world.hire("Ada", email="ada@acme.example")
    caller = world.person("idp|ada", "ada@acme.example", verified=False)
    assert (await world.roster.get_me(caller)).employee is None
    with pytest.raises(EmployeeNotLinked):
        await world.roster.opt_in(caller)
    assert await world.employee(ada.id) == ada


async def test_employee_linked_to_another_subject_is_not_taken_over(world: World) -> None:
    ada = await world.hire("Ada", email="ada@acme.example", idp_subject="idp|ada")
    impostor = world.person("idp|impostor", "ada@acme.example")
    assert (await world.roster.get_me(impostor)).employee is None
    with pytest.raises(EmployeeNotLinked):
        await world.roster.opt_in(impostor)
    assert await world.employee(ada.id) == ada
    assert await world.membership_of(ada.id) is None


async def test_email_on_another_tenant_s_roster_does_not_link(world: World) -> None:
    zed = await world.hire("Zed", email="zed@globex.example", tenant=world.globex)
    caller = world.person("idp|zed", "zed@globex.example")
    assert (await world.roster.get_me(caller)).employee is None
    assert await world.employee(zed.id, world.globex) == zed


async def test_caller_without_a_tenant_is_only_themselves(world: World) -> None:
    me = await world.roster.get_me(OPERATOR)
    assert (me.principal, me.employee, me.ambassador, me.social_accounts) == (OPERATOR, None, None, ())


async def test_me_shows_the_membership_and_the_connected_accounts(world: World) -> None:
    ada, membership = await world.member("Ada")
    account = await world.roster.connect_social_account(
        ada, ConnectSocialAccountCommand(network=Network.LINKEDIN, handle="in/ada", audience_size=300)
    )
    me = await world.roster.get_me(ada)
    assert me.ambassador == membership
    assert me.social_accounts == (account,)


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


# --- social accounts ------------------------------------------------------------------------


async def test_member_connects_lists_and_disconnects_accounts(world: World) -> None:
    ada, membership = await world.member("Ada")
    connect = world.roster.connect_social_account
    linkedin = await connect(ada, ConnectSocialAccountCommand(network=Network.LINKEDIN, handle=" in/ada "))
    x = await connect(ada, ConnectSocialAccountCommand(network=Network.X, handle="@ada", audience_size=90))
    assert (linkedin.handle, linkedin.ambassador_id, linkedin.audience_size) == ("in/ada", membership.id, 0)
    assert await world.roster.list_social_accounts(ada) == [linkedin, x]
    await world.roster.disconnect_social_account(ada, linkedin.id)
    assert await world.roster.list_social_accounts(ada) == [x]


async def test_same_handle_in_another_case_is_refused_on_one_network(world: World) -> None:
    ada, _ = await world.member("Ada")
    connect = world.roster.connect_social_account
    first = await connect(ada, ConnectSocialAccountCommand(network=Network.LINKEDIN, handle="in/Ada"))
    with pytest.raises(DuplicateValue) as raised:
        await connect(ada, ConnectSocialAccountCommand(network=Network.LINKEDIN, handle="IN/ada"))
    assert raised.value.field == "handle"
    await connect(ada, ConnectSocialAccountCommand(network=Network.XING, handle="in/Ada"))
    assert [a.network for a in await world.roster.list_social_accounts(ada)] == [first.network, Network.XING]


async def test_another_member_s_account_cannot_be_disconnected(world: World) -> None:
    ada, _ = await world.member("Ada")
    grace, _ = await world.member("Grace")
    account = await world.roster.connect_social_account(
        grace, ConnectSocialAccountCommand(network=Network.LINKEDIN, handle="in/grace")
    )
    with pytest.raises(NotFound):
        await world.roster.disconnect_social_account(ada, account.id)
    assert await world.roster.list_social_accounts(grace) == [account]


async def test_invalid_account_is_refused_and_nothing_is_connected(world: World) -> None:
    ada, _ = await world.member("Ada")
    with pytest.raises(ValidationFailed):
        await world.roster.connect_social_account(
            ada, ConnectSocialAccountCommand(network=Network.X, handle=" ", audience_size=-5)
        )
    assert await world.roster.list_social_accounts(ada) == []


async def test_non_member_cannot_connect_an_account(world: World) -> None:
    await world.hire("Ada", idp_subject="idp|ada")
    with pytest.raises(NotAnAmbassador):
        await world.roster.connect_social_account(
            world.person("idp|ada"), ConnectSocialAccountCommand(network=Network.X, handle="@ada")
        )


# --- roles ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """What a use case acts on: an employee already invited to the programme."""

    employee: Employee
    membership_id: UUID


Call = Callable[[World, Principal, Target], Awaitable[object]]
WRITERS = {Role.ADMIN, Role.INTEGRATOR}
READERS = {Role.ADMIN, Role.MANAGER, Role.MODERATOR, Role.ANALYST}
STAFF = {Role.ADMIN, Role.MANAGER}

PROFILE = EmployeeProfile(email="new@acme.example", given_name="New", family_name="Hire")
CASES: dict[str, tuple[Call, set[Role]]] = {
    "create_employee": (lambda w, p, t: w.roster.create_employee(p, PROFILE), WRITERS),
    "update_employee": (
        lambda w, p, t: w.roster.update_employee(
            p, UpdateEmployeeCommand(employee_id=t.employee.id, changes={"location": "X"})
        ),
        WRITERS,
    ),
    "terminate_employee": (
        lambda w, p, t: w.roster.terminate_employee(p, TerminateEmployeeCommand(employee_id=t.employee.id)),
        WRITERS,
    ),
    "get_employee": (lambda w, p, t: w.roster.get_employee(p, t.employee.id), READERS | WRITERS),
    "list_employees": (lambda w, p, t: w.roster.list_employees(p, EmployeeFilter(), PageRequest()), READERS | WRITERS),
    "load_employees": (lambda w, p, t: w.roster.load_employees(p, [t.employee.id]), READERS | WRITERS),
    "invite_ambassador": (lambda w, p, t: w.roster.invite_ambassador(p, t.employee.id), STAFF),
    "update_ambassador": (
        lambda w, p, t: w.roster.update_ambassador(
            p, UpdateAmbassadorCommand(ambassador_id=t.membership_id, notes="x", notes_given=True)
        ),
        STAFF,
    ),
    "get_ambassador": (lambda w, p, t: w.roster.get_ambassador(p, t.membership_id), READERS),
    "list_ambassadors": (
        lambda w, p, t: w.roster.list_ambassadors(p, AmbassadorFilter(), PageRequest()),
        READERS,
    ),
    "load_ambassadors": (lambda w, p, t: w.roster.load_ambassadors_by_employee(p, [t.employee.id]), READERS),
    "create_tenant": (
        lambda w, p, t: w.roster.create_tenant(p, CreateTenantCommand(slug="initech", name="Initech")),
        {Role.OPERATOR},
    ),
}


async def _target(world: World) -> Target:
    employee = await world.hire("Ada")
    invitation = await world.roster.invite_ambassador(world.admin, employee.id)
    return Target(employee, invitation.ambassador.id)


async def _unchanged(world: World, target: Target, events: list[str]) -> None:
    assert world.events() == events
    assert await world.employee(target.employee.id) == target.employee
    membership = await world.membership_of(target.employee.id)
    assert membership is not None
    assert (membership.id, membership.version, membership.notes) == (target.membership_id, 1, None)
    page = await world.roster.list_employees(world.admin, EmployeeFilter(), PageRequest())
    assert [e.id for e in page.items] == [target.employee.id]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("case", list(CASES))
async def test_roles_decide_who_may_call_each_use_case(world: World, case: str, role: Role) -> None:
    call, allowed = CASES[case]
    target = await _target(world)
    principal = world.staff(role)
    if role in allowed:
        assert await call(world, principal, target) is not None
        return
    before = world.events()
    with pytest.raises(Forbidden):
        await call(world, principal, target)
    await _unchanged(world, target, before)


@pytest.mark.parametrize("case", [name for name in CASES if name != "create_tenant"])
async def test_tenant_scoped_use_cases_refuse_a_token_without_a_tenant(world: World, case: str) -> None:
    call, allowed = CASES[case]
    target = await _target(world)
    before = world.events()
    platform_admin = Principal(tenant_id=None, subject="platform|admin", roles=frozenset(allowed))
    with pytest.raises(Forbidden):
        await call(world, platform_admin, target)
    await _unchanged(world, target, before)
