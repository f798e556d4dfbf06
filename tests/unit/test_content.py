"""The content aggregate: its review lifecycle, its history, its locales and captions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from app.domain.content.cadence import Scheduled
from app.domain.content.content_fields import ContentFields, ContentFormat
from app.domain.content.contents import Content
from app.domain.content.locales import ContentLocale
from app.domain.content.review_status import ContentAction, ContentStatus, PublicStatus
from app.domain.content.targeting import Targeting
from app.domain.errors import CadenceExceeded, InvalidTransition, SelfApproval, ValidationFailed
from app.domain.events import EventType
from app.domain.networks import Network
from app.domain.programme.settings import LinkDomain, ProgrammeSettings

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TENANT = UUID(int=1)
RULES = ProgrammeSettings(link_domains=(LinkDomain(domain="acme.example"),), weekly_content_budget=2)
FOUR_EYES = ProgrammeSettings(link_domains=RULES.link_domains, four_eyes_review=True)
_numbers = iter(range(100, 10_000))


def fields(**changes: Any) -> ContentFields:
    base: dict[str, Any] = {"title": "We are hiring", "body": "Join **us**.", "format": ContentFormat.JOB_OFFER}
    return ContentFields.compose(base | changes, default_language="fr")


def new_content(*, proposed: bool = False, author: str = "manager|1", **changes: Any) -> Content:
    return Content.create(
        id=UUID(int=next(_numbers)),
        tenant_id=TENANT,
        fields=fields(**changes),
        author=author,
        proposed=proposed,
        rules=RULES,
        now=NOW,
        shorthand=True,
    )


def in_review(**changes: Any) -> Content:
    content = new_content(**changes)
    content.submit(actor="manager|1", now=NOW)
    return content


def approved(**changes: Any) -> Content:
    content = in_review(**changes)
    content.approve(reviewer="moderator|1", rules=RULES, scheduled=[], now=NOW)
    return content


def error_locs(error: pytest.ExceptionInfo[ValidationFailed]) -> list[tuple[str | int, ...]]:
    return [item.loc for item in error.value.errors]


# --- creation -------------------------------------------------------------------------------


def test_staff_content_starts_as_a_draft_and_its_creation_is_in_the_history() -> None:
    content = new_content()
    assert content.status is ContentStatus.DRAFT
    [created] = content.drain_history()
    assert (created.action, created.from_status, created.to_status) == (ContentAction.CREATE, None, ContentStatus.DRAFT)
    assert content.drain_events() == []


def test_an_ambassadors_proposal_goes_straight_to_review_as_submitted() -> None:
    content = new_content(proposed=True, author="idp|ada")
    assert content.status is ContentStatus.SUBMITTED
    assert [event.type for event in content.drain_events()] == [EventType.CONTENT_SUBMITTED]
    assert content.drain_history()[0].action is ContentAction.PROPOSE


def test_the_default_language_text_is_its_first_locale() -> None:
    content = new_content(
        captions={Network.LINKEDIN: "We are hiring!"},
        locales=[ContentLocale(language="EN", title="Hiring", body="Join us.")],
    )
    assert content.fields.languages == ("fr", "en")
    assert content.fields.title == "We are hiring"
    assert content.fields.default_locale.caption_for(Network.LINKEDIN) == "We are hiring!"
    assert content.fields.locale("en") == ContentLocale(language="en", title="Hiring", body="Join us.")


def test_the_default_language_must_be_among_the_locales() -> None:
    only_english = [ContentLocale(language="en", title="Hiring", body="Join us.")]
    with pytest.raises(ValidationFailed) as refused:
        Content.create(
            id=UUID(int=5),
            tenant_id=TENANT,
            fields=ContentFields.compose({"locales": only_english, "format": "other"}, default_language="fr"),
            author="manager|1",
            proposed=False,
            rules=RULES,
            now=NOW,
        )
    assert error_locs(refused) == [("language",)]


def test_a_language_given_twice_is_refused_at_its_place() -> None:
    twice = [ContentLocale(language="en", title="A", body="B"), ContentLocale(language="en", title="C", body="D")]
    with pytest.raises(ValidationFailed) as refused:
        new_content(locales=twice)
    assert error_locs(refused) == [("locales", 1, "language")]


def test_captions_are_held_to_each_networks_length_and_to_the_enabled_networks() -> None:
    only_linkedin = ProgrammeSettings(networks=(Network.LINKEDIN,), link_domains=RULES.link_domains)
    captions = {Network.X: "x" * 281, Network.LINKEDIN: "fine", Network.INSTAGRAM: "fine"}
    with pytest.raises(ValidationFailed) as refused:
        Content.create(
            id=UUID(int=6),
            tenant_id=TENANT,
            fields=fields(captions=captions),
            author="manager|1",
            proposed=False,
            rules=only_linkedin,
            now=NOW,
            shorthand=True,
        )
    assert error_locs(refused) == [("captions", "x"), ("captions", "instagram")]
    assert "not enabled" in refused.value.errors[0].message


def test_an_x_caption_with_a_long_link_fits_when_the_link_counts_as_23() -> None:
    caption = "a" * 250 + " https://acme.example/" + "b" * 300
    content = new_content(captions={Network.X: caption})
    assert content.fields.default_locale.caption_for(Network.X) == caption


def test_every_invalid_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationFailed) as refused:
        new_content(
            title=" ",
            link_url="javascript:alert(1)",
            topics=["ok", "not/ok"],
            publish_at=NOW,
            expires_at=NOW,
            targeting=Targeting(languages=("??",)),
        )
    assert error_locs(refused) == [
        ("title",),
        ("topics", 1),
        ("link_url",),
        ("targeting", "languages", 0),
        ("expires_at",),
    ]


def test_a_link_outside_the_allowed_domains_is_refused_and_an_idn_is_stored_in_punycode() -> None:
    with pytest.raises(ValidationFailed) as refused:
        new_content(link_url="https://evil.example/")
    assert error_locs(refused) == [("link_url",)]
    idn = ProgrammeSettings().apply({"link_domains": [{"domain": "bücher.example"}]})
    content = Content.create(
        id=UUID(int=7),
        tenant_id=TENANT,
        fields=fields(link_url="https://BÜCHER.example/offre"),
        author="manager|1",
        proposed=False,
        rules=idn,
        now=NOW,
    )
    assert content.fields.link_url == "https://xn--bcher-kva.example/offre"


# --- transitions ----------------------------------------------------------------------------


def test_draft_to_review_to_approved_records_each_step_and_its_events() -> None:
    content = new_content()
    content.submit(actor="manager|1", now=NOW)
    content.approve(reviewer="moderator|1", rules=RULES, scheduled=[], now=NOW + timedelta(hours=1))

    assert content.status is ContentStatus.APPROVED
    assert content.approved_by == "moderator|1"
    history = content.drain_history()
    assert [(h.action, h.from_status, h.to_status) for h in history] == [
        (ContentAction.CREATE, None, ContentStatus.DRAFT),
        (ContentAction.SUBMIT, ContentStatus.DRAFT, ContentStatus.IN_REVIEW),
        (ContentAction.APPROVE, ContentStatus.IN_REVIEW, ContentStatus.APPROVED),
    ]
    assert [h.version for h in history] == [1, 2, 3]
    assert [e.type for e in content.drain_events()] == [EventType.CONTENT_SUBMITTED, EventType.CONTENT_APPROVED]


@pytest.mark.parametrize(
    ("status", "action", "allowed"),
    [
        (ContentStatus.DRAFT, "approve", ["submit", "archive"]),
        (ContentStatus.DRAFT, "reject", ["submit", "archive"]),
        (ContentStatus.APPROVED, "submit", ["archive", "recall"]),
        (ContentStatus.APPROVED, "approve", ["archive", "recall"]),
        (ContentStatus.REJECTED, "approve", ["archive"]),
        (ContentStatus.REJECTED, "submit", ["archive"]),
        (ContentStatus.ARCHIVED, "archive", ["recall"]),
        (ContentStatus.ARCHIVED, "submit", ["recall"]),
        (ContentStatus.RECALLED, "archive", []),
    ],
)
def test_a_transition_not_allowed_from_the_current_status_lists_the_allowed_ones(
    status: ContentStatus, action: str, allowed: list[str]
) -> None:
    content = new_content()
    content.status = status
    attempts = {
        "approve": lambda: content.approve(reviewer="moderator|1", rules=RULES, scheduled=[], now=NOW),
        "reject": lambda: content.reject(reviewer="moderator|1", reason="No.", now=NOW),
        "submit": lambda: content.submit(actor="manager|1", now=NOW),
        "archive": lambda: content.archive(actor="manager|1", now=NOW),
    }
    with pytest.raises(InvalidTransition) as refused:
        attempts[action]()
    assert refused.value.allowed == tuple(allowed)
    assert refused.value.current == status


def test_a_proposal_may_be_approved_or_rejected_directly() -> None:
    proposal = new_content(proposed=True, author="idp|ada")
    proposal.approve(reviewer="moderator|1", rules=FOUR_EYES, scheduled=[], now=NOW)
    assert proposal.status is ContentStatus.APPROVED
    other = new_content(proposed=True, author="idp|ada")
    other.reject(reviewer="moderator|1", reason="Off topic.", now=NOW)
    assert other.status is ContentStatus.REJECTED


def test_a_rejection_needs_a_reason_which_the_history_keeps() -> None:
    content = in_review()
    with pytest.raises(ValidationFailed) as refused:
        content.reject(reviewer="moderator|1", reason="  ", now=NOW)
    assert error_locs(refused) == [("reason",)]
    assert content.status is ContentStatus.IN_REVIEW

    content.reject(reviewer="moderator|1", reason="Wrong figures.", now=NOW)
    assert content.drain_history()[-1].reason == "Wrong figures."


def test_editing_a_rejected_content_takes_it_back_to_draft() -> None:
    content = in_review()
    content.reject(reviewer="moderator|1", reason="Wrong figures.", now=NOW)
    content.edit({"body": "Corrected figures."}, editor="manager|2", rules=RULES, now=NOW)
    assert content.status is ContentStatus.DRAFT
    last = content.drain_history()[-1]
    assert (last.action, last.from_status, last.to_status) == (
        ContentAction.EDIT,
        ContentStatus.REJECTED,
        ContentStatus.DRAFT,
    )


@pytest.mark.parametrize(
    "change",
    [
        {"body": "New body."},
        {"captions": {Network.LINKEDIN: "New caption"}},
        {"link_url": "https://acme.example/new"},
        {
            "locales": [
                ContentLocale(language="fr", title="We are hiring", body="Join **us**."),
                ContentLocale(language="en", title="Hiring", body="Join us."),
            ]
        },
        {"shareable": False},
        {"publish_at": NOW + timedelta(days=3)},
        {"targeting": Targeting(departments=("Sales",))},
    ],
)
def test_editing_what_was_approved_sends_it_back_to_review(change: dict[str, Any]) -> None:
    content = approved()
    content.drain_events()
    content.edit(change, editor="manager|2", rules=RULES, now=NOW)
    assert content.status is ContentStatus.IN_REVIEW
    assert content.approved_at is None
    assert [e.type for e in content.drain_events()] == [EventType.CONTENT_SUBMITTED]


@pytest.mark.parametrize(
    "change",
    [
        {"title": "A better title"},
        {"pinned": True},
        {"important": True},
        {"topics": ["hiring"]},
        {"expires_at": NOW + timedelta(days=30)},
    ],
)
def test_editing_around_what_was_approved_keeps_it_approved(change: dict[str, Any]) -> None:
    content = approved()
    version = content.version
    content.edit(change, editor="manager|2", rules=RULES, now=NOW)
    assert content.status is ContentStatus.APPROVED
    assert content.version == version + 1


def test_an_edit_that_changes_nothing_keeps_the_version() -> None:
    content = new_content()
    content.edit({"title": "We are hiring"}, editor="manager|2", rules=RULES, now=NOW)
    assert content.version == 1
    assert content.last_edited_by == "manager|1"


def test_archived_content_cannot_be_edited() -> None:
    content = new_content()
    content.archive(actor="manager|1", now=NOW)
    with pytest.raises(InvalidTransition):
        content.edit({"title": "Again"}, editor="manager|1", rules=RULES, now=NOW)


def test_a_later_settings_change_does_not_block_edits_of_untouched_fields() -> None:
    content = new_content(link_url="https://acme.example/a", captions={Network.X: "Hi"})
    stricter = ProgrammeSettings(networks=(Network.LINKEDIN,))
    content.edit({"pinned": True}, editor="manager|1", rules=stricter, now=NOW)
    assert content.fields.pinned
    with pytest.raises(ValidationFailed) as refused:
        content.edit({"link_url": "https://acme.example/b"}, editor="manager|1", rules=stricter, now=NOW)
    assert error_locs(refused) == [("link_url",)]


# --- four eyes and cadence ------------------------------------------------------------------


@pytest.mark.parametrize("reviewer", ["manager|1", "manager|2"])
def test_with_four_eyes_nobody_approves_content_they_wrote_or_last_edited(reviewer: str) -> None:
    content = new_content(author="manager|1")
    content.edit({"body": "Edited."}, editor="manager|2", rules=RULES, now=NOW)
    content.submit(actor="manager|1", now=NOW)
    with pytest.raises(SelfApproval):
        content.approve(reviewer=reviewer, rules=FOUR_EYES, scheduled=[], now=NOW)
    content.approve(reviewer=reviewer, rules=RULES, scheduled=[], now=NOW)
    assert content.status is ContentStatus.APPROVED


def scheduled(number: int, offset: timedelta) -> Scheduled:
    return Scheduled(content_id=UUID(int=number), live_from=NOW + offset, targeting=Targeting())


def test_approving_over_the_weekly_budget_is_refused_naming_the_contents() -> None:
    content = in_review(publish_at=NOW + timedelta(days=2))
    others = [scheduled(1, timedelta(days=1)), scheduled(2, timedelta(days=3))]
    with pytest.raises(CadenceExceeded) as refused:
        content.approve(reviewer="moderator|1", rules=RULES, scheduled=others, now=NOW)
    assert set(refused.value.conflicting) == {UUID(int=1), UUID(int=2)}
    assert refused.value.budget == 2
    assert content.status is ContentStatus.IN_REVIEW


def test_an_override_lets_it_through_and_the_history_says_so() -> None:
    content = in_review()
    others = [scheduled(1, timedelta(days=1)), scheduled(2, timedelta(days=3))]
    content.approve(reviewer="admin|1", rules=RULES, scheduled=others, now=NOW, override_cadence=True)
    last = content.drain_history()[-1]
    assert last.override_cadence
    assert last.reason


def test_content_that_cannot_be_shared_does_not_count_against_the_budget() -> None:
    content = in_review(shareable=False)
    others = [scheduled(1, timedelta(days=1)), scheduled(2, timedelta(days=3))]
    content.approve(reviewer="moderator|1", rules=RULES, scheduled=others, now=NOW)
    assert not content.drain_history()[-1].override_cadence


# --- published and expired are read, never stored -------------------------------------------


def test_approved_content_is_published_between_its_instants_and_expired_after() -> None:
    content = approved(publish_at=NOW + timedelta(days=1), expires_at=NOW + timedelta(days=8))
    assert content.status is ContentStatus.APPROVED
    assert content.live_from == NOW + timedelta(days=1)
    assert content.public_status(NOW) is PublicStatus.APPROVED
    assert content.public_status(NOW + timedelta(days=1)) is PublicStatus.PUBLISHED
    assert content.public_status(NOW + timedelta(days=8)) is PublicStatus.EXPIRED


def test_content_approved_after_its_publication_date_goes_live_at_approval() -> None:
    content = in_review(publish_at=NOW - timedelta(days=2))
    content.approve(reviewer="moderator|1", rules=RULES, scheduled=[], now=NOW)
    assert content.live_from == NOW
    assert content.public_status(NOW) is PublicStatus.PUBLISHED


def test_other_statuses_read_as_they_are_stored() -> None:
    assert new_content().public_status(NOW) is PublicStatus.DRAFT
    assert in_review().public_status(NOW) is PublicStatus.IN_REVIEW
