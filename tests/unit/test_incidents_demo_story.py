"""The demo's incident as plain data: it flags a share the story posts, tells its steps in order after
the share's engagement was reported, and its texts pass the incident's own checks."""

from __future__ import annotations

from app.demo import incidents_story as story
from app.demo.sharing_story import SHARES
from app.domain.community.incident_values import MAX_SUMMARY_LENGTH, MAX_TEXT_LENGTH, text_errors


def test_the_flagged_share_is_a_posted_share_of_the_story_with_reported_engagement() -> None:
    [flagged] = [share for share in SHARES if share.key == story.FLAGGED_SHARE]
    assert flagged.post_url == story.FLAGGED_POST_URL
    assert flagged.engagement
    assert flagged.engagement[-1].day < story.REPORTED


def test_the_steps_come_in_order_before_the_seeding() -> None:
    assert story.REPORTED < story.ASSESSED < story.REMINDED < story.RESOLVED < 0


def test_the_texts_pass_the_incident_s_checks() -> None:
    assert text_errors("summary", story.SUMMARY, most=MAX_SUMMARY_LENGTH, required=True) == []
    for text in (story.ASSESSMENT_NOTE, story.REMINDER, story.REMINDER_NOTE, story.OUTCOME):
        assert text_errors("note", text, most=MAX_TEXT_LENGTH, required=True) == []
