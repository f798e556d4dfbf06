"""The demo's recall story as data: two ambassadors' posts between the offer's approval and its recall,
one taken down after the recall and one still pending."""

from __future__ import annotations

from app.demo import recall_story as story
from app.demo.programme_story import SETTINGS
from app.domain.programme.settings import ProgrammeSettings


def test_the_posts_come_between_the_approval_and_the_recall_and_one_is_confirmed_after_it() -> None:
    assert story.NOTICE_SET < story.WRITTEN < story.APPROVED < story.RECALLED < 0
    assert all(story.APPROVED < post.posted < story.RECALLED for post in story.POSTS)
    assert len({post.ambassador for post in story.POSTS}) == len(story.POSTS) == 2
    confirmed = [post.taken_down for post in story.POSTS if post.taken_down is not None]
    assert len(confirmed) == 1
    assert all(story.RECALLED < day < 0 for day in confirmed)


def test_the_notice_page_and_the_offers_link_are_ones_the_programme_accepts() -> None:
    settings = ProgrammeSettings().apply(SETTINGS | {"recall_notice_url": story.NOTICE_URL})

    assert settings.recall_notice_url == story.NOTICE_URL
    assert settings.allows_link_host("careers.demo-company.example")
    assert story.LINK.startswith("https://careers.demo-company.example/")
