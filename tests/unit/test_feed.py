"""The feed's rules: who reads it, in which languages, through GetFeed on the in-memory fakes."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from uuid import UUID, uuid4

import pytest

from app.domain.content.feed import reading_languages, require_feed_reader
from app.domain.errors import EmployeeNotLinked, Forbidden, NotAnAmbassador
from app.domain.networks import Network
from app.domain.roster.ambassadors import MembershipStatus, Preferences
from app.ports.content import FeedPage, FeedQuery, FeedReaderContext
from app.services.content import build_content
from app.services.content.get_feed import FeedRequest, GetFeed
from app.services.roster.manage_social_accounts import ConnectSocialAccountCommand
from tests.fake_feed import FakeFeedReader
from tests.unit.world import OPERATOR, World


@pytest.mark.parametrize(
    ("preferred", "roster", "expected"),
    [
        ((), None, ()),
        ((), "fr-CA", ("fr-CA", "fr")),
        (("de-CH", "en"), "fr", ("de-CH", "de", "en", "fr")),
        (("en-GB", "en"), "en-GB", ("en-GB", "en")),
        (("zh-Hant-TW",), None, ("zh-Hant-TW", "zh-Hant", "zh")),
    ],
)
def test_content_is_read_in_the_preferred_languages_then_their_broader_forms_then_the_roster_language(
    preferred: tuple[str, ...], roster: str | None, expected: tuple[str, ...]
) -> None:
    assert reading_languages(preferred, roster) == expected


def test_only_active_members_read_the_feed() -> None:
    require_feed_reader(MembershipStatus.ACTIVE)
    for status in (None, MembershipStatus.INVITED, MembershipStatus.PAUSED, MembershipStatus.LEFT):
        with pytest.raises(NotAnAmbassador):
            require_feed_reader(status)


class RecordingReader(FakeFeedReader):
    """The reference reader, remembering what it was asked."""

    queries: list[FeedQuery]

    async def page(self, tenant_id: UUID, query: FeedQuery) -> FeedPage:
        self.queries.append(query)
        return await super().page(tenant_id, query)


def get_feed(world: World) -> tuple[GetFeed, RecordingReader]:
    reader = RecordingReader(world.uow.database)
    reader.queries = []
    return build_content(world.uow, world.clock, world.ids, reader).get_feed, reader


async def test_the_page_is_read_for_the_members_audience_languages_and_networks(world: World) -> None:
    principal, membership = await world.member(department="Sales", location="Lyon", language="fr-CA")
    preferences = Preferences(languages=("en",))
    await world.roster.set_preferences(principal, preferences)
    for network in (Network.X, Network.LINKEDIN):
        await world.roster.connect_social_account(principal, ConnectSocialAccountCommand(network=network, handle="ada"))
    feed, reader = get_feed(world)

    page = await feed(principal, FeedRequest(limit=5))

    assert page == FeedPage((), None)
    assert reader.queries == [
        FeedQuery(
            at=world.clock.now(),
            department="Sales",
            location="Lyon",
            language_ranges=("fr-CA", "fr"),
            languages=("en", "fr-CA", "fr"),
            networks=(Network.LINKEDIN, Network.X),
            limit=5,
            ambassador_id=membership.id,
        )
    ]


async def test_a_token_is_linked_by_its_verified_email_on_first_read(world: World) -> None:
    employee = await world.hire("Ada")
    principal = world.person("idp|ada", employee.profile.email)
    await world.roster.invite_ambassador(world.admin, employee.id)
    await world.roster.opt_in(principal)
    async with world.uow(world.acme.id) as uow:  # the roster sync forgot the subject
        stored = await uow.employees.get(employee.id)
        assert stored is not None
        stored.profile = replace(stored.profile, idp_subject=None)
        await uow.employees.save(stored)
        await uow.commit()
    feed, _ = get_feed(world)

    await feed(principal, FeedRequest())

    linked = await world.employee(employee.id)
    assert linked is not None
    assert linked.profile.idp_subject == "idp|ada"


async def test_invited_former_unjoined_and_unlinked_callers_are_refused(world: World) -> None:
    invited = await world.hire("Ines", idp_subject="idp|ines")
    await world.roster.invite_ambassador(world.admin, invited.id)
    former, _ = await world.member("Grace")
    await world.roster.opt_out(former)
    await world.hire("Bob", idp_subject="idp|bob")
    feed, reader = get_feed(world)

    for principal, refusal in [
        (world.person("idp|ines"), NotAnAmbassador),
        (former, NotAnAmbassador),
        (world.person("idp|bob"), NotAnAmbassador),
        (world.person("idp|nobody", "nobody@elsewhere.example"), EmployeeNotLinked),
        (world.person("idp|ada", tenant=world.globex), EmployeeNotLinked),
        (OPERATOR, Forbidden),
    ]:
        with pytest.raises(refusal):
            await feed(principal, FeedRequest())
    assert reader.queries == []


def test_the_reader_context_is_a_frozen_value() -> None:

    context = FeedReaderContext(employee_id=uuid4(), department=None, location=None, language=None, membership=None)
    with pytest.raises(FrozenInstanceError):
        context.department = "Sales"  # type: ignore[misc]
