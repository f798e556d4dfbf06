"""Caption lengths as each network counts them, and the domains its posts live on."""

from __future__ import annotations

import pytest

from app.domain.networks import (
    CAPTION_LIMITS,
    POST_DOMAINS,
    X_LINK_LENGTH,
    Network,
    caption_fits,
    caption_length,
    is_post_host,
)


def test_x_counts_any_link_as_twenty_three_characters() -> None:
    long_link = "https://example.com/" + "a" * 200
    assert caption_length(f"Read {long_link}", Network.X) == len("Read ") + X_LINK_LENGTH


def test_linkedin_counts_links_at_their_real_length() -> None:
    text = "Read https://example.com/page"
    assert caption_length(text, Network.LINKEDIN) == len(text)


def test_composed_and_decomposed_accents_count_the_same() -> None:
    assert caption_length("Cafe\u0301", Network.LINKEDIN) == caption_length("Café", Network.LINKEDIN) == 4


@pytest.mark.parametrize(("network", "limit"), [(Network.X, 280), (Network.LINKEDIN, 3000), (Network.INSTAGRAM, 2200)])
def test_caption_at_the_published_limit_fits_and_one_more_does_not(network: Network, limit: int) -> None:
    assert CAPTION_LIMITS[network] == limit
    assert caption_fits("a" * limit, network)
    assert not caption_fits("a" * (limit + 1), network)


def test_a_tweet_of_280_characters_with_a_long_link_fits_when_the_link_counts_as_23() -> None:
    text = "a" * (280 - X_LINK_LENGTH - 1) + " https://example.com/" + "b" * 100
    assert caption_fits(text, Network.X)


def test_every_network_names_where_its_posts_are() -> None:
    assert set(POST_DOMAINS) == set(Network)


@pytest.mark.parametrize(
    ("network", "host", "allowed"),
    [
        (Network.LINKEDIN, "www.linkedin.com", True),
        (Network.LINKEDIN, "lnkd.in", True),
        (Network.FACEBOOK, "m.facebook.com", True),
        (Network.INSTAGRAM, "www.instagram.com", True),
        (Network.TIKTOK, "vm.tiktok.com", True),
        (Network.X, "twitter.com", True),
        (Network.LINKEDIN, "linkedin.com.attacker.example", False),
        (Network.LINKEDIN, "fakelinkedin.com", False),
        (Network.FACEBOOK, "instagram.com", False),
    ],
)
def test_a_post_host_is_one_of_the_networks_domains_or_a_subdomain(network: Network, host: str, allowed: bool) -> None:
    assert is_post_host(network, host) is allowed
