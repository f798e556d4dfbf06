"""Finding words in captions whatever their case, accents or width, in any script.

Text is folded character by character (NFKC for width and ligatures, accents stripped,
case folded, runs of white space made one space) while remembering which characters of
the original each folded character came from, so a match reports offsets in the text the
user wrote.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Scripts written without spaces between words: a word boundary cannot be asked of them.
_UNSPACED_RANGES = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x31F0, 0x31FF),  # Katakana extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3FFFF),  # CJK extensions B and beyond
)


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text; ``spans[i]`` is the ``(start, end)`` in the original of folded character ``i``."""

    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class TermMatch:
    term: str
    start: int
    end: int


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", char))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> Folded:
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
        folded = _fold_char(char)
        if not folded:
            # A combining accent in decomposed text belongs to the character before it.
            if spans:
                spans[-1] = (spans[-1][0], index + 1)
            continue
        for piece in folded:
            chars.append(piece)
            spans.append((index, index + 1))
    return Folded("".join(chars), tuple(spans))


def match_key(term: str) -> str:
    """What a term is compared as: ``" Confidentiél "`` and ``"CONFIDENTIEL"`` share one key."""
    return fold(term.strip()).text


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _is_unspaced(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _UNSPACED_RANGES)


def _boundary(before: str, after: str) -> bool:
    """Whether a word may start or end between ``before`` and ``after``."""
    if not (_is_word(before) and _is_word(after)):
        return True
    return _is_unspaced(before) or _is_unspaced(after)


def find_term(folded: Folded, term: str) -> list[TermMatch]:
    """Every occurrence of ``term`` in ``folded`` on word boundaries, with original offsets."""
    key = match_key(term)
    if not key:
        return []
    haystack = folded.text
    matches: list[TermMatch] = []
    position = haystack.find(key)
    while position != -1:
        end = position + len(key)
        starts_word = position == 0 or _boundary(haystack[position - 1], haystack[position])
        ends_word = end == len(haystack) or _boundary(haystack[end - 1], haystack[end])
        if starts_word and ends_word:
            matches.append(TermMatch(term, folded.spans[position][0], folded.spans[end - 1][1]))
        position = haystack.find(key, position + 1)
    return matches


def find_terms(text: str, terms: tuple[str, ...] | list[str]) -> list[TermMatch]:
    """Occurrences of any of ``terms`` in ``text``, in the order they appear."""
    folded = fold(text)
    found = [match for term in terms for match in find_term(folded, term)]
    return sorted(found, key=lambda match: (match.start, -match.end))
