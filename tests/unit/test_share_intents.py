"""Share intents: each network's composer address, with the caption and tracked link filled in."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from app.domain.networks import Network
from app.domain.sharing.intents import ShareIntent

LINK = "https://go.relais.example/r/Ab3dE5gH"
ENCODED_LINK = "https%3A%2F%2Fgo.relais.example%2Fr%2FAb3dE5gH"


def intent(network: Network, caption: str = "Hiring engineers!") -> ShareIntent:
    return ShareIntent(network=network, caption=caption, link=LINK)


@pytest.mark.parametrize(
    ("network", "expected"),
    [
        (Network.LINKEDIN, f"https://www.linkedin.com/sharing/share-offsite/?url={ENCODED_LINK}"),
        (Network.X, f"https://x.com/intent/tweet?text=Hiring%20engineers%21&url={ENCODED_LINK}"),
        (Network.FACEBOOK, f"https://www.facebook.com/sharer/sharer.php?u={ENCODED_LINK}"),
        (Network.XING, f"https://www.xing.com/social/share/spi?url={ENCODED_LINK}"),
        (Network.WHATSAPP, f"https://wa.me/?text=Hiring%20engineers%21%0A%0A{ENCODED_LINK}"),
        (Network.INSTAGRAM, None),
        (Network.TIKTOK, None),
    ],
)
def test_each_network_has_its_exact_share_address(network: Network, expected: str | None) -> None:
    assert intent(network).url == expected


@pytest.mark.parametrize("network", list(Network))
def test_every_network_is_decided_and_only_instagram_and_tiktok_have_no_address(network: Network) -> None:
    assert (intent(network).url is None) == (network in (Network.INSTAGRAM, Network.TIKTOK))


@pytest.mark.parametrize(
    ("network", "prefills"),
    [
        (Network.X, True),
        (Network.WHATSAPP, True),
        (Network.LINKEDIN, False),
        (Network.FACEBOOK, False),
        (Network.XING, False),
        (Network.INSTAGRAM, False),
        (Network.TIKTOK, False),
    ],
)
def test_networks_that_take_no_text_say_so_so_the_caption_is_offered_to_paste(network: Network, prefills: bool) -> None:
    assert intent(network).prefills_caption is prefills


@pytest.mark.parametrize(
    ("caption", "encoded"),
    [
        ("Café & crème — 🚀 #Hiring", "Caf%C3%A9%20%26%20cr%C3%A8me%20%E2%80%94%20%F0%9F%9A%80%20%23Hiring"),
        ("a&b=c?d#e/f+g%h;i,j:k@l", "a%26b%3Dc%3Fd%23e%2Ff%2Bg%25h%3Bi%2Cj%3Ak%40l"),
        ("line one\nline two", "line%20one%0Aline%20two"),
        ("Cafe\u0301", "Cafe%CC%81"),
        (
            "求人中 — 応募はこちら",
            "%E6%B1%82%E4%BA%BA%E4%B8%AD%20%E2%80%94%20%E5%BF%9C%E5%8B%9F%E3%81%AF%E3%81%93%E3%81%A1%E3%82%89",
        ),
        ("نحن نوظف", "%D9%86%D8%AD%D9%86%20%D9%86%D9%88%D8%B8%D9%81"),
        ("👩\u200d💻 team", "%F0%9F%91%A9%E2%80%8D%F0%9F%92%BB%20team"),
        ("it's (really) *great*!", "it%27s%20%28really%29%20%2Agreat%2A%21"),
        ("keep_this-~.", "keep_this-~."),
    ],
)
def test_captions_are_percent_encoded_as_utf8_exactly(caption: str, encoded: str) -> None:
    assert intent(Network.X, caption).url == f"https://x.com/intent/tweet?text={encoded}&url={ENCODED_LINK}"
    assert intent(Network.WHATSAPP, caption).url == f"https://wa.me/?text={encoded}%0A%0A{ENCODED_LINK}"


CAPTIONS = [
    "Hiring engineers!",
    "Café & crème — 🚀 #Hiring",
    "a&b=c?d#e/f+g%h",
    "line one\r\nline two\ttabbed",
    "求人中",
    "نحن نوظف",
    "👩\u200d💻👨🏽\u200d🚀",
    "  spaced  ",
]


@pytest.mark.parametrize("caption", CAPTIONS)
@pytest.mark.parametrize("network", [n for n in Network if n not in (Network.INSTAGRAM, Network.TIKTOK)])
def test_the_network_reads_back_exactly_the_link_and_caption(network: Network, caption: str) -> None:
    url = intent(network, caption).url
    assert url is not None
    assert url.isascii()
    assert " " not in url
    parts = urlsplit(url)
    assert parts.scheme == "https"
    query = parse_qs(parts.query, keep_blank_values=True)
    if network is Network.X:
        assert query == {"text": [caption.rstrip()], "url": [LINK]}
    elif network is Network.WHATSAPP:
        assert query == {"text": [f"{caption.rstrip()}\n\n{LINK}"]}
    elif network is Network.FACEBOOK:
        assert query == {"u": [LINK]}
    else:
        assert query == {"url": [LINK]}


def test_a_tracked_link_with_its_own_query_survives_the_encoding() -> None:
    link = "https://go.relais.example/r/Ab3dE5gH?utm_source=x&a=b#frag"
    url = ShareIntent(network=Network.LINKEDIN, caption="", link=link).url
    assert url is not None
    assert parse_qs(urlsplit(url).query) == {"url": [link]}


@pytest.mark.parametrize(
    ("caption", "copy_text"),
    [
        ("Hiring engineers!", f"Hiring engineers!\n\n{LINK}"),
        ("Hiring engineers!  \n", f"Hiring engineers!\n\n{LINK}"),
        ("  Indented", f"  Indented\n\n{LINK}"),
        ("", LINK),
        ("   \n ", LINK),
        (f"Apply here {LINK} today", f"Apply here {LINK} today"),
        ("Café 🚀", f"Café 🚀\n\n{LINK}"),
    ],
)
@pytest.mark.parametrize("network", list(Network))
def test_the_copy_text_is_the_caption_then_the_link_once(network: Network, caption: str, copy_text: str) -> None:
    assert intent(network, caption).copy_text == copy_text


def test_x_takes_the_link_once_when_the_caption_already_has_it() -> None:
    assert intent(Network.X, f"Apply: {LINK}").url == f"https://x.com/intent/tweet?text=Apply%3A%20{ENCODED_LINK}"


@pytest.mark.parametrize("caption", ["", "  "])
def test_x_without_a_caption_gets_the_link_alone(caption: str) -> None:
    assert intent(Network.X, caption).url == f"https://x.com/intent/tweet?url={ENCODED_LINK}"


def test_whatsapp_without_a_caption_sends_the_link_alone() -> None:
    assert intent(Network.WHATSAPP, "").url == f"https://wa.me/?text={ENCODED_LINK}"


def test_a_stray_surrogate_in_a_caption_does_not_break_the_address() -> None:
    url = intent(Network.X, "bad \ud800 char").url
    assert url == f"https://x.com/intent/tweet?text=bad%20%3F%20char&url={ENCODED_LINK}"
