"""Creating shares on the fakes: what is written, the open intent answered again, every refusal."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from app.domain.content.campaigns import CampaignFields
from app.domain.content.locales import ContentLocale
from app.domain.content.targeting import Targeting
from app.domain.errors import EmployeeNotLinked, Forbidden, NotAnAmbassador, NotFound, ValidationFailed
from app.domain.networks import Network
from app.domain.programme.compliance import ViolationCode
from app.domain.roster.ambassadors import MembershipStatus, Preferences
from app.domain.roster.identity import Role
from app.domain.sharing.refusals import (
    CaptionNotCompliant,
    CharterAcceptanceRequired,
    ContentNotPublished,
    ContentNotShareable,
    ContentNotTargeted,
    ContentWithoutLink,
    NetworkNotConnected,
    NetworkNotEnabled,
    ShareLimitReached,
)
from app.domain.sharing.shares import ShareStatus
from app.domain.sharing.visitors import utc_day
from app.services.content.campaign_contents import CampaignContentCommand
from app.services.content.create_content import CreateContentCommand
from app.services.content.launch_campaign import CampaignTransitionCommand
from app.services.content.submit_content import ContentTransitionCommand
from app.services.programme.publish_charter_version import PublishCharterVersionCommand
from app.services.programme.update_settings import UpdateSettingsCommand
from app.services.roster.update_ambassador import UpdateAmbassadorCommand
from app.services.sharing.create_share import CreateShareCommand
from app.services.sharing.share_transitions import CancelShareCommand
from tests.unit.share_world import LINK, ShareWorld, share_world
from tests.unit.world import BASE_URL, NOW


@pytest.fixture
async def sharing() -> ShareWorld:
    return await share_world(department="Sales", language="en")


async def written(sharing: ShareWorld) -> tuple[int, list[str]]:
    """How many shares are stored, and the events so far."""
    return len(sharing.world.uow.database.shares), sharing.world.events()


async def test_a_member_gets_a_tracked_share_intent(sharing: ShareWorld) -> None:
    content = await sharing.content(captions={Network.LINKEDIN: "Join our team!"})

    created = await sharing.share(content, client_ip="203.0.113.7", user_agent="Firefox")

    view, share = created.view, created.view.share
    assert created.created
    assert share.status is ShareStatus.INTENT
    assert (share.network, share.language, share.caption) == (Network.LINKEDIN, "en", "Join our team!")
    assert share.ambassador_id == sharing.ambassador.id
    assert view.tracked_url == f"{BASE_URL}/r/{share.code}"
    assert len(share.code.value) >= 7
    assert view.share_url is not None
    assert view.share_url.startswith("https://www.linkedin.com/sharing/share-offsite/")
    assert view.copy_text == f"Join our team!\n\n{view.tracked_url}"
    query = parse_qs(urlsplit(share.destination).query)
    assert share.destination.startswith(LINK + "?")
    assert query["utm_source"] == ["linkedin"]
    assert query["utm_campaign"] == ["always-on"]
    assert query["utm_content"] == [str(content.id)]
    assert query["utm_medium"] == ["employee_advocacy"]
    assert "rl_click" not in query
    assert share.click_param == "rl_click"
    assert sharing.world.events()[-1] == "share.created"
    salts = await sharing.salts.salts(utc_day(NOW))
    remembered = list(sharing.world.uow.database.ambassador_visitors)
    assert remembered == [
        (share.tenant_id, sharing.ambassador.id, utc_day(NOW), salts.visitor_hash("203.0.113.7", "Firefox"))
    ]


async def test_asking_again_while_the_intent_is_open_answers_it_again(sharing: ShareWorld) -> None:
    content = await sharing.content()
    first = await sharing.share(content)
    before = await written(sharing)

    again = await sharing.share(content, caption="Another caption")

    assert not again.created
    assert again.view.share.id == first.view.share.id
    assert again.view.share.caption == first.view.share.caption
    assert await written(sharing) == before


async def test_without_a_caption_the_suggestion_in_the_feeds_language_is_used(sharing: ShareWorld) -> None:
    french = ContentLocale(
        language="fr", title="Nous recrutons", body="Rejoignez-nous.", captions={Network.LINKEDIN: "Rejoignez-nous !"}
    )
    english = ContentLocale(language="en", title="We are hiring", body="Join us.")
    content = await sharing.content(locales=[english, french])
    await sharing.world.roster.set_preferences(sharing.member, Preferences(languages=("fr-CA",)))

    share = (await sharing.share(content)).view.share

    assert (share.language, share.caption) == ("fr", "Rejoignez-nous !")


async def test_without_a_suggestion_for_the_network_the_title_is_the_caption(sharing: ShareWorld) -> None:
    content = await sharing.content(captions={Network.X: "For X only"})

    assert (await sharing.share(content)).view.share.caption == "We are hiring"


async def test_the_contents_own_link_in_a_caption_becomes_the_tracked_link(sharing: ShareWorld) -> None:
    content = await sharing.content()

    view = (await sharing.share(content, caption=f"Read {LINK} now")).view

    assert view.share.caption == f"Read {view.tracked_url} now"
    assert view.copy_text == view.share.caption


async def test_the_running_campaign_started_first_tags_the_share(sharing: ShareWorld) -> None:
    content = await sharing.content()
    for slug, started in (("later", NOW - timedelta(days=1)), ("earlier", NOW - timedelta(days=3))):
        campaign = await sharing.world.content.create_campaign(
            sharing.manager, CampaignFields(name=slug, slug=slug, starts_at=started)
        )
        await sharing.world.content.add_content_to_campaign(
            sharing.manager, CampaignContentCommand(campaign_id=campaign.id, content_id=content.id)
        )
        await sharing.world.content.launch_campaign(sharing.manager, CampaignTransitionCommand(campaign_id=campaign.id))

    share = (await sharing.share(content)).view.share

    assert share.campaign_id == campaign.id
    assert parse_qs(urlsplit(share.destination).query)["utm_campaign"] == ["earlier"]


async def test_the_click_parameter_is_the_settings_one(sharing: ShareWorld) -> None:
    await sharing.world.programme.update_settings(
        sharing.world.admin, UpdateSettingsCommand(changes={"click_param": "ref"})
    )

    share = (await sharing.share(await sharing.content())).view.share

    assert share.click_param == "ref"


# --- refusals: each writes nothing ----------------------------------------------------------


async def refused(sharing: ShareWorld, error: type[Exception], **share: Any) -> Exception:
    content = share.pop("content", None) or await sharing.content()
    before = await written(sharing)
    with pytest.raises(error) as caught:
        await sharing.share(content, **share)
    assert await written(sharing) == before
    assert sharing.world.uow.database.ambassador_visitors == {}
    return caught.value


async def test_staff_do_not_share(sharing: ShareWorld) -> None:
    await refused(sharing, Forbidden, principal=sharing.manager)


async def test_a_token_linked_to_nobody_is_refused(sharing: ShareWorld) -> None:
    await refused(sharing, EmployeeNotLinked, principal=sharing.world.person("idp|nobody"), client_ip="198.51.100.1")


async def test_an_employee_who_never_joined_is_refused(sharing: ShareWorld) -> None:
    await sharing.world.hire("Bob", idp_subject="idp|bob")
    await refused(sharing, NotAnAmbassador, principal=sharing.world.person("idp|bob"))


async def test_a_paused_member_is_refused(sharing: ShareWorld) -> None:
    await sharing.world.roster.update_ambassador(
        sharing.manager, UpdateAmbassadorCommand(ambassador_id=sharing.ambassador.id, status=MembershipStatus.PAUSED)
    )
    error = await refused(sharing, NotAnAmbassador)
    assert "paused" in str(error)


async def test_a_member_who_has_not_accepted_the_new_charter_is_refused(sharing: ShareWorld) -> None:
    await sharing.world.programme.publish_charter_version(
        sharing.world.admin, PublishCharterVersionCommand(title="Charter", body="Be kinder.")
    )
    error = await refused(sharing, CharterAcceptanceRequired)
    assert isinstance(error, CharterAcceptanceRequired)
    assert error.current_version == 2


async def test_a_network_the_programme_does_not_use_is_refused(sharing: ShareWorld) -> None:
    error = await refused(sharing, NetworkNotEnabled, network=Network.FACEBOOK)
    assert isinstance(error, ValidationFailed)
    assert error.errors[0].loc == ("network",)


async def test_a_network_the_member_has_not_connected_is_refused(sharing: ShareWorld) -> None:
    await refused(sharing, NetworkNotConnected, network=Network.X)


async def test_unknown_content_is_not_found(sharing: ShareWorld) -> None:
    before = await written(sharing)
    command = CreateShareCommand(content_id=sharing.world.ids.new_id(), network=Network.LINKEDIN)
    with pytest.raises(NotFound):
        await sharing.shares.create_share(sharing.member, command)
    assert await written(sharing) == before


@pytest.mark.parametrize(
    ("changes", "status"),
    [({"publish_at": NOW + timedelta(days=1)}, "approved"), ({"expires_at": NOW + timedelta(seconds=1)}, "expired")],
)
async def test_content_that_is_not_published_now_is_refused(
    sharing: ShareWorld, changes: dict[str, Any], status: str
) -> None:
    content = await sharing.content(**changes)
    sharing.world.clock.advance(timedelta(seconds=2))
    error = await refused(sharing, ContentNotPublished, content=content)
    assert isinstance(error, ContentNotPublished)
    assert error.status == status


async def test_drafts_and_archived_content_are_refused(sharing: ShareWorld) -> None:
    draft = await sharing.world.content.create_content(
        sharing.manager, CreateContentCommand(values={"title": "T", "body": "B", "link_url": LINK})
    )
    await refused(sharing, ContentNotPublished, content=draft)
    archived = await sharing.content()
    await sharing.world.content.archive_content(sharing.manager, ContentTransitionCommand(content_id=archived.id))
    await refused(sharing, ContentNotPublished, content=archived)


async def test_content_for_reading_only_is_refused(sharing: ShareWorld) -> None:
    await refused(sharing, ContentNotShareable, content=await sharing.content(shareable=False))


async def test_content_for_another_audience_is_refused(sharing: ShareWorld) -> None:
    content = await sharing.content(targeting=Targeting(departments=("Marketing",)))
    await refused(sharing, ContentNotTargeted, content=content)
    assert (await sharing.share(await sharing.content(targeting=Targeting(departments=("Sales",))))).created


async def test_content_without_a_link_is_refused(sharing: ShareWorld) -> None:
    await refused(sharing, ContentWithoutLink, content=await sharing.content(link_url=None))


async def test_a_caption_breaking_a_blocking_rule_is_refused_with_every_violation(sharing: ShareWorld) -> None:
    await sharing.world.programme.update_settings(
        sharing.world.admin,
        UpdateSettingsCommand(changes={"banned_terms": ["secret"], "disclosures": {"linkedin": "#employee"}}),
    )
    error = await refused(sharing, CaptionNotCompliant, caption="A secret project")
    assert isinstance(error, CaptionNotCompliant)
    codes = {violation.code for violation in error.violations}
    assert codes == {ViolationCode.BANNED_TERM, ViolationCode.MISSING_DISCLOSURE}
    assert all(item.loc == ("caption",) for item in error.errors)


async def test_a_caption_too_long_once_the_link_is_added_is_refused(sharing: ShareWorld) -> None:
    await sharing.connect(sharing.member, Network.X)
    error = await refused(sharing, CaptionNotCompliant, network=Network.X, caption="x" * 270)
    assert isinstance(error, CaptionNotCompliant)
    assert [violation.code for violation in error.violations] == [ViolationCode.TOO_LONG]


async def test_a_caption_with_control_characters_is_refused(sharing: ShareWorld) -> None:
    await refused(sharing, ValidationFailed, caption="bad\u0000")


async def test_the_daily_limit_counts_the_days_shares_on_the_network_cancelled_ones_aside(sharing: ShareWorld) -> None:
    await sharing.world.programme.update_settings(
        sharing.world.admin, UpdateSettingsCommand(changes={"share_daily_limit": 2})
    )
    await sharing.connect(sharing.member, Network.X)
    first = await sharing.share(await sharing.content())
    await sharing.share(await sharing.content())
    await sharing.share(await sharing.content(), Network.X)

    error = await refused(sharing, ShareLimitReached)
    assert isinstance(error, ShareLimitReached)
    assert error.limit == 2
    assert error.resets_at == NOW.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)

    await sharing.shares.cancel_share(sharing.member, CancelShareCommand(share_id=first.view.share.id))
    assert (await sharing.share(await sharing.content())).created
    await refused(sharing, ShareLimitReached)
    sharing.world.clock.advance(timedelta(days=1))
    assert (await sharing.share(await sharing.content())).created


async def test_the_limit_is_per_member(sharing: ShareWorld) -> None:
    await sharing.world.programme.update_settings(
        sharing.world.admin, UpdateSettingsCommand(changes={"share_daily_limit": 1})
    )
    content = await sharing.content()
    await sharing.share(content)
    bob, _ = await sharing.joined("Bob")

    assert (await sharing.share(content, principal=bob)).created


async def test_an_open_intent_is_answered_again_even_at_the_limit(sharing: ShareWorld) -> None:
    await sharing.world.programme.update_settings(
        sharing.world.admin, UpdateSettingsCommand(changes={"share_daily_limit": 1})
    )
    content = await sharing.content()
    first = await sharing.share(content)

    assert (await sharing.share(content)).view.share.id == first.view.share.id


async def test_a_role_filter_keeps_other_roles_out(sharing: ShareWorld) -> None:
    await refused(sharing, Forbidden, principal=sharing.world.staff(Role.INTEGRATOR))
