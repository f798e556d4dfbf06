"""The demo programme's data: what it suggests sharing follows its own rules."""

from __future__ import annotations

import pytest

from app.demo.campaign_story import CAMPAIGNS
from app.demo.content_story import DemoContent
from app.demo.programme_story import CHARTER, CONTENTS, SETTINGS
from app.demo.seed import PEOPLE
from app.domain.programme.compliance import ViolationCode, check_caption
from app.domain.programme.settings import ProgrammeSettings

DEMO_SETTINGS = ProgrammeSettings.defaults().apply(SETTINGS)
APPROVED = [content for content in CONTENTS if content.approved is not None]


@pytest.mark.parametrize("content", APPROVED, ids=lambda content: content.key)
def test_approved_captions_pass_the_compliance_check_with_their_link(content: DemoContent) -> None:
    for locale in content.locales:
        for network, caption in locale.captions.items():
            report = check_caption(caption, network, DEMO_SETTINGS, link=content.link_url)
            assert report.violations == (), (locale.language, network, report.violations)


def test_the_rejected_content_trips_a_sensitive_term() -> None:
    [rejected] = [content for content in CONTENTS if content.rejected is not None]
    assert rejected.reason
    codes = {
        violation.code
        for locale in rejected.locales
        for network, caption in locale.captions.items()
        for violation in check_caption(caption, network, DEMO_SETTINGS).violations
    }
    assert ViolationCode.SENSITIVE_TERM in codes


def test_contents_are_in_the_order_they_were_written_and_their_stories_run_forward() -> None:
    written = [content.written for content in CONTENTS]
    assert written == sorted(written)
    for content in CONTENTS:
        steps = [content.written, content.submitted, content.approved or content.rejected, content.archived]
        days = [day for day in steps if day is not None]
        assert days == sorted(days), content.key
        if content.approved is not None and content.publish is not None:
            assert content.approved < content.publish, content.key


def test_people_named_by_the_story_are_on_the_roster() -> None:
    named = {slug for version in CHARTER for _, slug in version.accepted_by}
    named |= {content.proposed_by for content in CONTENTS if content.proposed_by}
    assert named <= set(PEOPLE)
    slugs = {campaign.slug for campaign in CAMPAIGNS}
    assert {slug for content in CONTENTS for slug in content.campaigns} <= slugs
