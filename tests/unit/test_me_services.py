"""The caller on the in-memory fakes: how a token is linked to its employee, what they read of
themselves, and their social accounts."""

from __future__ import annotations

import pytest

from app.domain.errors import DuplicateValue, EmployeeNotLinked, NotAnAmbassador, NotFound, ValidationFailed
from app.domain.networks import Network
from app.services.roster.manage_social_accounts import ConnectSocialAccountCommand
from tests.unit.world import OPERATOR, World

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
