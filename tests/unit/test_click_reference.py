"""The click reference added to a share's destination, per click, and the bot verdicts."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest

from app.adapters.bots import CrawlerDetectBotDetector
from app.domain.networks import Network
from app.domain.sharing.shares import share_destination
from app.domain.sharing.tracked_links import tracked_destination, with_click_reference

CLICK = "019cadc6-9a81-7001-8000-000000000001"


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        ("https://a.example/p?utm_source=x", f"https://a.example/p?utm_source=x&rl_click={CLICK}"),
        ("https://a.example/p?utm_source=x#top", f"https://a.example/p?utm_source=x&rl_click={CLICK}#top"),
        ("https://a.example/p#a?b", f"https://a.example/p?rl_click={CLICK}#a?b"),
        ("https://a.example/p", f"https://a.example/p?rl_click={CLICK}"),
        ("https://a.example/p?", f"https://a.example/p?rl_click={CLICK}"),
        ("https://a.example/p?q=1#", f"https://a.example/p?q=1&rl_click={CLICK}#"),
    ],
)
def test_the_click_reference_is_the_last_parameter_and_the_fragment_stays_last(destination: str, expected: str) -> None:
    assert with_click_reference(destination, "rl_click", CLICK) == expected


def test_a_reference_is_escaped_as_a_query_value() -> None:
    assert with_click_reference("https://a.example/", "ref", "a b&c") == "https://a.example/?ref=a%20b%26c"


@pytest.fixture(scope="module")
def detector() -> CrawlerDetectBotDetector:
    return CrawlerDetectBotDetector()


@pytest.mark.parametrize(
    "agent",
    [
        "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        "Twitterbot/1.0",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "",
        "   ",
    ],
)
def test_crawlers_previews_scripts_and_empty_agents_are_bots(detector: CrawlerDetectBotDetector, agent: str) -> None:
    assert detector.is_bot(agent)


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
        "Safari/537.36 Edg/126.0.0.0",
    ],
)
def test_browsers_are_people(detector: CrawlerDetectBotDetector, agent: str) -> None:
    assert not detector.is_bot(agent)


@pytest.mark.parametrize(
    "link_url",
    ["https://acme.example/jobs", "https://acme.example/jobs?team=lyon&rl_click=old#apply", "https://acme.example/#"],
)
def test_a_click_lands_where_the_tracked_destination_says(link_url: str) -> None:
    """What the share stores, plus the reference each click adds, is the domain's tracked destination."""
    tags: dict[str, Any] = {
        "network": Network.LINKEDIN,
        "utm_medium": "employee_advocacy",
        "campaign_slug": "spring",
        "content_id": UUID(CLICK),
        "click_param": "rl_click",
    }
    stored = share_destination(link_url, **tags)

    assert with_click_reference(stored, "rl_click", CLICK) == tracked_destination(link_url, click_ref=CLICK, **tags)
