"""Terms in captions found in one pass: the same words as looking for each term in turn, the
outermost ones only, counted in full and listed up to a cap, blocking ones first."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

import pytest

from app.domain.networks import Network
from app.domain.programme.compliance import MAX_REPORTED_VIOLATIONS, ViolationCode, check_caption
from app.domain.programme.settings import ProgrammeSettings
from app.domain.programme.terms import Caption, lexicon

# The issue's terms and caption ("ipo ai " * 9363) less its last words, to fit the longest network's limit.
ISSUE = ProgrammeSettings.defaults().apply({"banned_terms": ["ipo"], "sensitive_terms": ["ai"]})
LONGEST = "ipo ai " * 9362


# What the search must agree with: the first, obviously right, way of finding terms, one term at a
# time over the folded text, checking word boundaries around each occurrence.
@dataclass(frozen=True)
class Slow:
    rank: int
    term: str
    start: int
    end: int


def slow_fold(text: str) -> tuple[str, list[tuple[int, int]]]:
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if char.isspace():
            if chars and chars[-1] == " ":
                spans[-1] = (spans[-1][0], index + 1)
            else:
                chars.append(" ")
                spans.append((index, index + 1))
            continue
        decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", char))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        if not folded:
            if spans:
                spans[-1] = (spans[-1][0], index + 1)
            continue
        for piece in folded:
            chars.append(piece)
            spans.append((index, index + 1))
    return "".join(chars), spans


def joins(char: str) -> bool:
    unspaced = "\u3040" <= char <= "\u30ff" or "\u4e00" <= char <= "\u9fff"
    return (char.isalnum() or char == "_") and not unspaced


def slow_find(text: str, groups: list[list[str]]) -> list[Slow]:
    folded, spans = slow_fold(text)
    found: list[Slow] = []
    seen: set[str] = set()
    for rank, terms in enumerate(groups):
        for term in terms:
            key = slow_fold(term.strip())[0].strip()
            if not key or key in seen:
                continue
            seen.add(key)
            position = folded.find(key)
            while position != -1:
                end = position + len(key)
                starts = position == 0 or not (joins(folded[position - 1]) and joins(folded[position]))
                ends = end == len(folded) or not (joins(folded[end - 1]) and joins(folded[end]))
                if starts and ends:
                    found.append(Slow(rank, term, position, end))
                position = folded.find(key, position + 1)
    outermost = [
        match
        for match in found
        if not any(
            other is not match
            and other.rank <= match.rank
            and other.start <= match.start
            and match.end <= other.end
            and (other.start, other.end) != (match.start, match.end)
            for other in found
        )
    ]
    return sorted(
        (Slow(m.rank, m.term, spans[m.start][0], spans[m.end - 1][1]) for m in outermost),
        key=lambda m: (m.rank, m.start),
    )


PIECES = [
    "ab", "AB", "Ab", "cd", "c++", "C", "c", "機", "密", "Straße", "STRASSE", "ﬁ", "fi", "e\u0301", "é", "É",
    "x", "_x", "#tag", "#", " ", "  ", "\n", "\t", ",", ".", "-", "!", "?", "(", ")", "«", "»", "'", ":", "…",
    "/", "\uff41\uff42", "a", "aa", "\u0301",
]  # fmt: skip
TERMS = ["ab", "ab cd", "cd", "c++", "c", "機密", "密", "ss", "strasse", "fi", "é", "_x", "#tag", "a", "a a", "ab, cd"]


@pytest.mark.parametrize("seed", range(300))
def test_one_pass_finds_what_looking_for_each_term_in_turn_finds(seed: int) -> None:
    chance = random.Random(seed)
    text = "".join(chance.choice(PIECES) for _ in range(chance.randint(0, 40)))
    groups = [chance.sample(TERMS, chance.randint(0, 5)), chance.sample(TERMS, chance.randint(0, 5))]

    found = lexicon(*map(tuple, groups)).find(Caption.of(text), 1000)

    listed = [Slow(rank, m.term, m.start, m.end) for rank, group in enumerate(found.first) for m in group]
    assert listed == slow_find(text, groups), (text, groups)
    assert found.totals == (len(found.first[0]), len(found.first[1]))


def test_a_term_inside_a_longer_one_of_its_group_is_reported_once_as_the_longer() -> None:
    settings = ProgrammeSettings.defaults().apply({"banned_terms": ["secret", "très secret"]})
    caption = "C'est très secret"

    report = check_caption(caption, Network.FACEBOOK, settings)

    assert [(v.code, caption[v.start : v.end]) for v in report.violations] == [
        (ViolationCode.BANNED_TERM, "très secret")
    ]
    assert report.total == 1


def test_a_banned_word_inside_a_sensitive_phrase_is_still_reported() -> None:
    settings = ProgrammeSettings.defaults().apply(
        {"banned_terms": ["secret"], "sensitive_terms": ["secret défense", "défense"]}
    )
    caption = "Classé secret défense"

    report = check_caption(caption, Network.FACEBOOK, settings)

    assert [(v.code, caption[v.start : v.end]) for v in report.violations] == [
        (ViolationCode.BANNED_TERM, "secret"),
        (ViolationCode.SENSITIVE_TERM, "secret défense"),
    ]


def test_a_term_both_banned_and_sensitive_is_reported_as_banned() -> None:
    settings = ProgrammeSettings.defaults().apply({"banned_terms": ["Rachat"], "sensitive_terms": ["rachat"]})

    report = check_caption("Un rachat", Network.FACEBOOK, settings)

    assert [v.code for v in report.violations] == [ViolationCode.BANNED_TERM]


def test_the_issue_caption_lists_fifty_blocking_violations_and_counts_them_all() -> None:
    report = check_caption(LONGEST, Network.WHATSAPP, ISSUE)

    assert not report.ok
    assert report.total == 2 * 9362
    assert len(report.violations) == MAX_REPORTED_VIOLATIONS
    assert [(v.code, v.start, v.end) for v in report.violations] == [
        (ViolationCode.BANNED_TERM, 7 * n, 7 * n + 3) for n in range(MAX_REPORTED_VIOLATIONS)
    ]


def test_a_banned_term_after_many_warnings_is_still_listed() -> None:
    caption = "ai " * 200 + "ipo"

    report = check_caption(caption, Network.WHATSAPP, ISSUE)

    assert not report.ok
    assert report.total == 201
    assert report.violations[-1].code is ViolationCode.BANNED_TERM
    assert caption[report.violations[-1].start : report.violations[-1].end] == "ipo"
    assert [v.start for v in report.violations[:-1]] == [3 * n for n in range(MAX_REPORTED_VIOLATIONS - 1)]


def test_missing_rules_are_listed_whatever_the_number_of_terms() -> None:
    settings = ISSUE.apply({"disclosures": {"x": "#collab"}})

    report = check_caption("ipo " * 100, Network.X, settings, link_required=True)

    codes = [v.code for v in report.violations]
    assert len(codes) == MAX_REPORTED_VIOLATIONS
    assert codes[-2:] == [ViolationCode.MISSING_DISCLOSURE, ViolationCode.MISSING_LINK]
    assert ViolationCode.TOO_LONG in codes
    assert report.total == 100 + 3


def test_offsets_point_into_the_text_as_written_after_folding_moved_it() -> None:
    caption = "Straße  ﬁ\u0301n\n\nIPO,  \uff41\uff49"

    report = check_caption(caption, Network.FACEBOOK, ISSUE)

    assert [(v.code, caption[v.start : v.end]) for v in report.violations] == [
        (ViolationCode.BANNED_TERM, "IPO"),
        (ViolationCode.SENSITIVE_TERM, "\uff41\uff49"),
    ]
