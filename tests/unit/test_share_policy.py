"""The rules of sharing in order: whichever rules a request breaks, the first one's refusal wins."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from itertools import combinations
from typing import Any
from uuid import UUID

import pytest

from app.domain.content.review_status import ContentStatus
from app.domain.content.targeting import Targeting
from app.domain.errors import DomainError, NotAnAmbassador, NotFound
from app.domain.networks import Network
from app.domain.programme.settings import LinkDomain, ProgrammeSettings
from app.domain.roster.ambassadors import Ambassador, MembershipStatus
from app.domain.roster.employees import Employee, EmployeeProfile
from app.domain.sharing.policy import NewShare, SharePolicy, ShareRequest
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
from app.domain.sharing.shares import Share
from app.domain.sharing.tracked_links import ShareCode
from tests.unit.test_content import approved

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
TENANT = UUID(int=1)
LINK = "https://acme.example/jobs"
LEGAL_ONLY = Targeting(departments=("Legal",))
TRACKED = "https://relais.example/r/abcdefgh"
SETTINGS = ProgrammeSettings(
    link_domains=(LinkDomain(domain="acme.example"),),
    networks=(Network.LINKEDIN, Network.X),
    banned_terms=("guaranteed returns",),
    share_daily_limit=3,
)
EMPLOYEE = Employee.hire(
    id=UUID(int=2),
    tenant_id=TENANT,
    profile=EmployeeProfile(email="ada@acme.example", given_name="Ada", family_name="Doe", department="Sales"),
    now=NOW,
)


def member(status: MembershipStatus = MembershipStatus.ACTIVE, charter: int | None = 1) -> Ambassador:
    return Ambassador(
        id=UUID(int=3),
        tenant_id=TENANT,
        employee_id=EMPLOYEE.id,
        status=status,
        charter_version=charter,
        created_at=NOW,
        updated_at=NOW,
    )


def allowed() -> ShareRequest:
    """A request every rule allows: an active member who accepted charter 1, on LinkedIn."""
    content = approved(link_url=LINK)
    return ShareRequest(
        member=member(),
        employee=EMPLOYEE,
        network=Network.LINKEDIN,
        caption="We are hiring!",
        content_id=content.id,
        content=content,
        campaigns=(),
        charter_in_force=1,
        settings=SETTINGS,
        connected=frozenset({Network.LINKEDIN}),
        open_intent=None,
        started_today=0,
        now=NOW,
    )


def open_intent(request: ShareRequest) -> Share:
    return Share.open(
        id=UUID(int=4),
        tenant_id=TENANT,
        code=ShareCode("abcdefgh"),
        ambassador_id=request.member.id,
        content_id=request.content_id,
        campaign_id=None,
        network=request.network,
        language="fr",
        caption="Earlier words",
        destination=LINK,
        click_param="rid",
        now=NOW,
    )


def content_with(request: ShareRequest, status: ContentStatus | None = None, **changes: Any) -> ShareRequest:
    """The request's content changed, unless a broken rule already took the content away."""
    content = request.content
    if content is None:
        return request
    changed = replace(content, fields=replace(content.fields, **changes), status=status or content.status)
    return replace(request, content=changed)


Break = Callable[[ShareRequest], ShareRequest]

# Each rule, in the policy's order, with a way to break it and what breaking it gives.
RULES: list[tuple[str, Break, type[DomainError] | type[Share]]] = [
    ("member paused", lambda r: replace(r, member=member(MembershipStatus.PAUSED)), NotAnAmbassador),
    ("charter not accepted", lambda r: replace(r, charter_in_force=2), CharterAcceptanceRequired),
    ("network not enabled", lambda r: replace(r, network=Network.XING), NetworkNotEnabled),
    ("network not connected", lambda r: replace(r, connected=frozenset()), NetworkNotConnected),
    ("content missing", lambda r: replace(r, content=None), NotFound),
    ("content not published", lambda r: content_with(r, ContentStatus.DRAFT), ContentNotPublished),
    ("content not shareable", lambda r: content_with(r, shareable=False), ContentNotShareable),
    ("content not targeted", lambda r: content_with(r, targeting=LEGAL_ONLY), ContentNotTargeted),
    ("content without link", lambda r: content_with(r, link_url=None), ContentWithoutLink),
    ("an intent is open", lambda r: replace(r, open_intent=open_intent(r)), Share),
    ("daily limit reached", lambda r: replace(r, started_today=3), ShareLimitReached),
    ("caption not compliant", lambda r: replace(r, caption="Guaranteed returns, trust me"), CaptionNotCompliant),
]


def outcome(request: ShareRequest) -> type[DomainError] | type[Share] | type[NewShare]:
    try:
        return type(SharePolicy.check(request, TRACKED))
    except DomainError as refusal:
        return type(refusal)


def test_a_request_that_breaks_no_rule_gives_a_new_share_with_the_tracked_link_in_its_caption() -> None:
    request = replace(allowed(), caption=f"We are hiring! {LINK}")
    decided = SharePolicy.check(request, TRACKED)
    assert decided == NewShare(link_url=LINK, language="fr", caption=f"We are hiring! {TRACKED}", campaign=None)


@pytest.mark.parametrize(("name", "break_rule", "expected"), RULES, ids=[name for name, _, _ in RULES])
def test_each_rule_alone_gives_its_own_answer(name: str, break_rule: Break, expected: type) -> None:
    assert outcome(break_rule(allowed())) is expected


PAIRS = [(first, second) for first, second in combinations(RULES, 2)]


@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[f"{a[0]} before {b[0]}" for a, b in PAIRS])
def test_when_two_rules_are_broken_the_earlier_one_wins(
    first: tuple[str, Break, type], second: tuple[str, Break, type]
) -> None:
    _, break_first, expected = first
    _, break_second, _ = second
    assert outcome(break_first(break_second(allowed()))) is expected
    assert outcome(break_second(break_first(allowed()))) is expected


def test_every_rule_broken_at_once_reports_the_membership_first() -> None:
    request = allowed()
    for _, break_rule, _ in reversed(RULES):
        request = break_rule(request)
    assert outcome(request) is NotAnAmbassador


def test_the_open_intent_is_answered_as_it_is_even_past_the_limit_and_with_other_words() -> None:
    request = replace(allowed(), started_today=3, caption="Guaranteed returns")
    intent = open_intent(request)
    assert SharePolicy.check(replace(request, open_intent=intent), TRACKED) is intent


def test_the_limit_refusal_says_when_it_resets() -> None:
    with pytest.raises(ShareLimitReached) as refused:
        SharePolicy.check(replace(allowed(), started_today=3), TRACKED)
    assert (refused.value.limit, refused.value.resets_at) == (3, datetime(2026, 3, 3, tzinfo=UTC))
