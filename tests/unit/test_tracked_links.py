"""Share codes and the destination a tracked link sends a click on to."""

from __future__ import annotations

import secrets
from collections import Counter
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

import pytest

from app.domain.networks import Network
from app.domain.sharing.tracked_links import BASE62, CODE_LENGTH, ShareCode, tracked_destination

CONTENT_ID = UUID("0190f3a4-5b6c-7d8e-9fa0-b1c2d3e4f506")
TAGS = (
    "utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=spring-hiring"
    f"&utm_content={CONTENT_ID}&rl_click=CLK42"
)


def destination(link_url: str, **changes: object) -> str:
    arguments: dict[str, object] = {
        "network": Network.LINKEDIN,
        "utm_medium": "employee_advocacy",
        "campaign_slug": "spring-hiring",
        "content_id": CONTENT_ID,
        "click_ref": "CLK42",
    } | changes
    return tracked_destination(link_url, **arguments)  # type: ignore[arg-type]


# Codes


def test_base62_is_digits_and_both_cases_of_the_latin_alphabet() -> None:
    assert len(BASE62) == len(set(BASE62)) == 62
    assert set(BASE62) == set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def test_a_generated_code_is_eight_base62_characters() -> None:
    code = ShareCode.generate()
    assert CODE_LENGTH == 8
    assert len(code.value) == 8
    assert set(code.value) <= set(BASE62)
    assert ShareCode.parse(code.value) == code


@pytest.mark.parametrize("length", range(7, 17))
def test_codes_of_seven_to_sixteen_characters_can_be_generated_and_parsed(length: int) -> None:
    code = ShareCode.generate(length)
    assert len(str(code)) == length
    assert ShareCode.parse(str(code)) == code


@pytest.mark.parametrize("length", [0, 1, 6, 17, 64])
def test_no_code_shorter_than_seven_or_longer_than_sixteen_is_generated(length: int) -> None:
    with pytest.raises(ValueError, match="7-16 characters"):
        ShareCode.generate(length)


def test_an_issued_code_is_the_tenants_link_prefix_then_eight_random_characters() -> None:
    codes = {ShareCode.issue("hf6X") for _ in range(50)}

    assert all(len(code.value) == 12 and code.value.startswith("hf6X") for code in codes)
    assert {code.link_prefix for code in codes} == {"hf6X"}
    assert len(codes) == 50
    assert all(ShareCode.parse(code.value) == code for code in codes)


def test_a_code_of_eight_characters_was_issued_before_prefixes_and_names_no_tenant() -> None:
    assert ShareCode("Ab3dE5gH").link_prefix is None
    assert ShareCode("Ab3dE5gHx").link_prefix == "Ab3d"


@pytest.mark.parametrize("prefix", ["", "abc", "abcde", "ab-d", "ab d", "ébcd"])
def test_a_link_prefix_is_four_letters_or_digits(prefix: str) -> None:
    with pytest.raises(ValueError, match="4 letters and digits"):
        ShareCode.issue(prefix)


def test_codes_come_from_the_operating_systems_csprng(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(secrets, "choice", lambda alphabet: alphabet[-1])
    assert ShareCode.generate().value == "zzzzzzzz"


def test_ten_thousand_generated_codes_are_all_different() -> None:
    codes = {ShareCode.generate().value for _ in range(10_000)}
    assert len(codes) == 10_000


def test_every_character_and_position_is_drawn_evenly() -> None:
    samples = [ShareCode.generate().value for _ in range(20_000)]
    counts = Counter("".join(samples))
    expected = 20_000 * CODE_LENGTH / 62
    chi_square = sum((counts[char] - expected) ** 2 / expected for char in BASE62)
    # 61 degrees of freedom: 120 is far beyond the 0.001 quantile (about 100), so a fair
    # generator fails this about once in a hundred thousand runs.
    assert chi_square < 120
    for position in range(CODE_LENGTH):
        assert {sample[position] for sample in samples} == set(BASE62)


@pytest.mark.parametrize("text", ["Ab3dE5g", "Ab3dE5gH", "0000000", "zzzzzzzzzzzzzzzz", "ABCDEFGHIJKLMNOP"])
def test_well_formed_codes_parse(text: str) -> None:
    assert ShareCode.parse(text).value == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a",
        "Ab3dE5",
        "Ab3dE5gH9x1y2z3w4",
        "Ab3d-E5gH",
        "Ab3d_E5gH",
        "Ab3d.E5gH",
        "Ab3dE5g ",
        " Ab3dE5g",
        "Ab3dE5g\n",
        "Ab3dE5g\x00",
        "Ab3dE5g\u200b",
        "Ab3dé5gH",
        "Ab3dE5g\u0663",
        "\uff21b3dE5gH",
        "Ab3d%45gH",
        "Ab3d/E5gH",
        "../../etc",
        "Ab3dE5gH?x=1",
        "Ab3dE5gH#x",
        "' OR 1=1 --",
        "x" * 10_000,
    ],
)
def test_malformed_codes_are_refused_before_any_lookup(text: str) -> None:
    with pytest.raises(ValueError, match="letters and digits"):
        ShareCode.parse(text)


def test_codes_are_case_sensitive() -> None:
    assert ShareCode.parse("abcdefgh") != ShareCode.parse("ABCDEFGH")


@pytest.mark.parametrize("base", ["https://go.relais.example", "https://go.relais.example/"])
def test_the_tracked_url_is_the_code_under_r(base: str) -> None:
    assert ShareCode.parse("Ab3dE5gH").tracked_url(base) == "https://go.relais.example/r/Ab3dE5gH"


# Destinations


@pytest.mark.parametrize(
    ("link_url", "expected"),
    [
        ("https://acme.example/jobs", f"https://acme.example/jobs?{TAGS}"),
        ("https://acme.example", f"https://acme.example?{TAGS}"),
        ("https://acme.example/", f"https://acme.example/?{TAGS}"),
        ("https://acme.example/?", f"https://acme.example/?{TAGS}"),
        ("HTTPS://acme.example/jobs", f"https://acme.example/jobs?{TAGS}"),
        ("https://acme.example:8443/jobs", f"https://acme.example:8443/jobs?{TAGS}"),
        # the destination's own parameters stay, in their order, as written
        ("https://acme.example/jobs?ref=news&lang=fr", f"https://acme.example/jobs?ref=news&lang=fr&{TAGS}"),
        ("https://acme.example/s?q=a+b&r=c%20d&e=%26", f"https://acme.example/s?q=a+b&r=c%20d&e=%26&{TAGS}"),
        ("https://acme.example/s?flag&empty=&a=b", f"https://acme.example/s?flag&empty=&a=b&{TAGS}"),
        ("https://acme.example/s?a=1&a=2", f"https://acme.example/s?a=1&a=2&{TAGS}"),
        ("https://acme.example/s?a=1&&b=2&", f"https://acme.example/s?a=1&b=2&{TAGS}"),
        # every utm_* of the destination gives way to the share's, however it is spelled
        (
            "https://acme.example/jobs?utm_source=google&a=1&utm_medium=cpc&utm_term=dev&b=2&utm_id=9",
            f"https://acme.example/jobs?a=1&b=2&{TAGS}",
        ),
        ("https://acme.example/jobs?UTM_Source=x&b=2", f"https://acme.example/jobs?b=2&{TAGS}"),
        ("https://acme.example/jobs?utm%5Fsource=x&b=2", f"https://acme.example/jobs?b=2&{TAGS}"),
        ("https://acme.example/jobs?utm_campaign", f"https://acme.example/jobs?{TAGS}"),
        # and so does an earlier click reference
        ("https://acme.example/jobs?rl_click=OLD&x=1", f"https://acme.example/jobs?x=1&{TAGS}"),
        ("https://acme.example/jobs?RL_CLICK=OLD", f"https://acme.example/jobs?{TAGS}"),
        # the fragment stays, after the query
        ("https://acme.example/page#apply", f"https://acme.example/page?{TAGS}#apply"),
        ("https://acme.example/page?a=1#apply", f"https://acme.example/page?a=1&{TAGS}#apply"),
        ("https://acme.example/app#/route?tab=jobs", f"https://acme.example/app?{TAGS}#/route?tab=jobs"),
        ("https://acme.example/page#", f"https://acme.example/page?{TAGS}"),
        # international addresses leave in ASCII
        (
            "https://bücher.example/straße?q=ü#café",
            f"https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC&{TAGS}#caf%C3%A9",
        ),
        ("https://BÜCHER.example:8443/", f"https://xn--bcher-kva.example:8443/?{TAGS}"),
        ("https://xn--bcher-kva.example/stra%C3%9Fe", f"https://xn--bcher-kva.example/stra%C3%9Fe?{TAGS}"),
        ("https://例え.テスト/パス", f"https://xn--r8jz45g.xn--zckzah/%E3%83%91%E3%82%B9?{TAGS}"),
        ("https://acme.example/a b?c=d e", f"https://acme.example/a%20b?c=d%20e&{TAGS}"),
    ],
)
def test_the_destination_carries_the_shares_tags(link_url: str, expected: str) -> None:
    assert destination(link_url) == expected


def test_a_share_outside_any_campaign_is_always_on() -> None:
    assert "&utm_campaign=always-on&" in destination("https://acme.example/", campaign_slug=None)
    assert "&utm_campaign=always-on&" in destination("https://acme.example/", campaign_slug="")


@pytest.mark.parametrize("network", list(Network))
def test_the_source_is_the_network(network: Network) -> None:
    query = parse_qs(urlsplit(destination("https://acme.example/?utm_source=mail", network=network)).query)
    assert query["utm_source"] == [network.value]


def test_the_click_parameter_is_the_tenants_and_an_earlier_one_of_that_name_is_replaced() -> None:
    url = destination("https://acme.example/?ref_id=old&rl_click=theirs", click_param="ref_id")
    assert url.endswith(
        f"/?rl_click=theirs&utm_source=linkedin&utm_medium=employee_advocacy"
        f"&utm_campaign=spring-hiring&utm_content={CONTENT_ID}&ref_id=CLK42"
    )


def test_values_are_percent_encoded() -> None:
    url = destination("https://acme.example/", utm_medium="employee advocacy", click_ref="a/b+c&d=é")
    assert "utm_medium=employee%20advocacy" in url
    assert url.endswith("rl_click=a%2Fb%2Bc%26d%3D%C3%A9")
    query = parse_qs(urlsplit(url).query)
    assert query["rl_click"] == ["a/b+c&d=é"]
    assert query["utm_medium"] == ["employee advocacy"]


@pytest.mark.parametrize(
    "link_url",
    [
        "https://acme.example/?utm_source=a&utm_source=b&rl_click=x&utm_content=y",
        "https://bücher.example/?q=ü&utm_medium=x",
        "https://acme.example/#frag",
    ],
)
def test_each_tag_appears_exactly_once_and_the_result_is_ascii(link_url: str) -> None:
    url = destination(link_url)
    assert url.isascii()
    query = parse_qs(urlsplit(url).query)
    for name in ("utm_source", "utm_medium", "utm_campaign", "utm_content", "rl_click"):
        assert len(query[name]) == 1
    assert query["utm_content"] == [str(CONTENT_ID)]


@pytest.mark.parametrize(
    "link_url",
    [
        "http://acme.example/jobs",
        "javascript:alert(1)",
        "data:text/html,hi",
        "//acme.example/jobs",
        "acme.example/jobs",
        "/jobs",
        "https:///jobs",
        "ftp://acme.example/file",
        "https://usér@bücher.example/",
        "https://-bad-.exämple/",
    ],
)
def test_only_absolute_https_destinations_are_accepted(link_url: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message depends on what is wrong
        destination(link_url)


@pytest.mark.parametrize("click_param", ["", "utm_click", "UTM_ref", "1abc", "a b", "a&b", "a=b", "x" * 65, "é"])
def test_a_click_parameter_must_be_a_plain_name_outside_utm(click_param: str) -> None:
    with pytest.raises(ValueError, match="click parameter"):
        destination("https://acme.example/", click_param=click_param)
