"""Audiences over time on the fakes: every audience an ambassador gives an account is kept, and a share
confirmed as posted keeps the audience its ambassador had on the network then as its potential reach."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.errors import NotFound, ValidationFailed
from app.domain.metrics.kpis import Kpi
from app.domain.networks import Network
from app.services.metrics.read_metrics import MetricsRequest
from app.services.roster.manage_social_accounts import (
    AudienceHistoryRequest,
    ConnectSocialAccountCommand,
    UpdateSocialAccountCommand,
)
from app.services.sharing.share_transitions import ConfirmShareCommand
from tests.unit.share_world import ShareWorld, share_world
from tests.unit.world import NOW


@pytest.fixture
async def sharing() -> ShareWorld:
    return await share_world()


async def test_connecting_then_changing_an_audience_keeps_each_observation_newest_first(sharing: ShareWorld) -> None:
    world, ada = sharing.world, sharing.member
    command = ConnectSocialAccountCommand(network=Network.X, handle="@ada", audience_size=300)
    account = await world.roster.connect_social_account(ada, command)
    for size in (340, 340, 410):
        world.clock.advance(timedelta(days=7))
        updated = await world.roster.update_social_account(
            ada, UpdateSocialAccountCommand(account_id=account.id, audience_size=size)
        )
    assert updated.audience_size == 410

    first = await world.roster.list_audience_history(ada, AudienceHistoryRequest(account_id=account.id, limit=3))
    assert [(item.observed_at, item.audience_size) for item in first.items] == [
        (NOW + timedelta(days=21), 410),
        (NOW + timedelta(days=14), 340),
        (NOW + timedelta(days=7), 340),
    ]
    rest = await world.roster.list_audience_history(
        ada, AudienceHistoryRequest(account_id=account.id, before=first.next_before, limit=3)
    )
    assert ([(item.observed_at, item.audience_size) for item in rest.items], rest.next_before) == ([(NOW, 300)], None)


async def test_only_the_owner_changes_or_reads_an_account_s_audience(sharing: ShareWorld) -> None:
    world = sharing.world
    ada_account = (await world.roster.list_social_accounts(sharing.member))[0]
    grace, _ = await sharing.joined("Grace")

    with pytest.raises(NotFound):
        await world.roster.update_social_account(
            grace, UpdateSocialAccountCommand(account_id=ada_account.id, audience_size=1)
        )
    with pytest.raises(NotFound):
        await world.roster.list_audience_history(grace, AudienceHistoryRequest(account_id=ada_account.id))
    assert (await world.roster.list_social_accounts(sharing.member))[0].audience_size == 0


async def test_an_audience_out_of_bounds_is_refused(sharing: ShareWorld) -> None:
    account = (await sharing.world.roster.list_social_accounts(sharing.member))[0]

    with pytest.raises(ValidationFailed) as raised:
        await sharing.world.roster.update_social_account(
            sharing.member, UpdateSocialAccountCommand(account_id=account.id, audience_size=-1)
        )
    assert [error.loc for error in raised.value.errors] == [("audience_size",)]


async def test_a_confirmed_share_keeps_its_ambassador_s_largest_audience_on_the_network_then(
    sharing: ShareWorld,
) -> None:
    world, ada = sharing.world, sharing.member
    first = (await world.roster.list_social_accounts(ada))[0]
    await world.roster.update_social_account(ada, UpdateSocialAccountCommand(account_id=first.id, audience_size=900))
    other_page = ConnectSocialAccountCommand(network=Network.LINKEDIN, handle="ada-company-page", audience_size=1500)
    await world.roster.connect_social_account(ada, other_page)
    await world.roster.connect_social_account(
        ada, ConnectSocialAccountCommand(network=Network.X, handle="@ada", audience_size=99_000)
    )
    created = await sharing.share(await sharing.content())
    assert created.view.share.potential_reach is None

    posted = await world.sharing.confirm_share(ada, ConfirmShareCommand(share_id=created.view.share.id))
    await world.roster.update_social_account(ada, UpdateSocialAccountCommand(account_id=first.id, audience_size=5000))
    again = await world.sharing.confirm_share(ada, ConfirmShareCommand(share_id=created.view.share.id))

    assert posted.share.potential_reach == 1500  # LinkedIn's largest; X's audience is another network's
    assert again.share.potential_reach == 1500  # confirming again keeps what it was when it was posted
    today = NOW.date()
    report = await world.services.metrics.read_metrics(
        world.admin, MetricsRequest(first_day=today, last_day=today, kpis=("potential_reach",), time_zone="UTC")
    )
    assert report.totals[Kpi.POTENTIAL_REACH] == 1500
