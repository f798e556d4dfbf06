"""Every action taken as oneself finds the caller the same way: the same refusals, whatever the action."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from app.domain.errors import EmployeeNotLinked, NotAnAmbassador
from app.domain.networks import Network
from app.domain.roster.ambassadors import Preferences
from app.domain.roster.identity import Principal
from app.ports.pagination import PageRequest
from app.ports.sharing import ShareFilter
from app.services.content.create_content import CreateContentCommand
from app.services.roster.manage_social_accounts import (
    ConnectSocialAccountCommand,
)
from app.services.sharing.create_share import CreateShareCommand
from tests.unit.share_world import ShareWorld, share_world

Action = Callable[[ShareWorld, Principal], Awaitable[Any]]

ACTIONS: dict[str, Action] = {
    "set preferences": lambda s, who: s.world.roster.set_preferences(who, Preferences()),
    "opt out": lambda s, who: s.world.roster.opt_out(who),
    "list social accounts": lambda s, who: s.world.roster.list_social_accounts(who),
    "connect a social account": lambda s, who: s.world.roster.connect_social_account(
        who, ConnectSocialAccountCommand(network=Network.LINKEDIN, handle="new-handle")
    ),
    "accept the charter": lambda s, who: s.world.programme.accept_charter(who, 1),
    "list my shares": lambda s, who: s.shares.list_my_shares(who, ShareFilter(), PageRequest()),
    "propose a content": lambda s, who: s.world.content.create_content(
        who, CreateContentCommand(values={"title": "Idea", "body": "Text."})
    ),
    "share a content": lambda s, who: s.shares.create_share(
        who, CreateShareCommand(content_id=s.world.ids.new_id(), network=Network.LINKEDIN)
    ),
}


@pytest.mark.parametrize("action", ACTIONS.values(), ids=ACTIONS.keys())
async def test_an_employee_who_never_joined_is_told_to_opt_in_whatever_they_try(action: Action) -> None:
    sharing = await share_world()
    await sharing.world.hire("Bob", idp_subject="idp|bob")
    with pytest.raises(NotAnAmbassador) as refused:
        await action(sharing, sharing.world.person("idp|bob"))
    assert refused.value.detail == "You have not joined the ambassador programme; opt in first."


@pytest.mark.parametrize("action", ACTIONS.values(), ids=ACTIONS.keys())
async def test_a_token_linked_to_nobody_is_refused_the_same_way_whatever_it_tries(action: Action) -> None:
    sharing = await share_world()
    with pytest.raises(EmployeeNotLinked) as refused:
        await action(sharing, sharing.world.person("idp|stranger", "stranger@elsewhere.example"))
    assert "not linked to an employee" in refused.value.detail


async def test_opting_in_is_the_one_way_in_and_links_the_token_by_verified_email() -> None:
    sharing = await share_world()
    employee = await sharing.world.hire("Cy")
    principal = sharing.world.person("idp|cy", "cy@acme.example")
    joined = await sharing.world.roster.opt_in(principal)
    assert joined.employee_id == employee.id
    assert await sharing.world.roster.list_social_accounts(principal) == []
