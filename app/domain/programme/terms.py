"""Finding words in captions whatever their case, accents or width, in any script.

Text is folded character by character (NFKC for width and ligatures, accents stripped, case
folded, runs of white space made one space) while remembering which characters of the original
each folded character came from, so a match reports offsets in the text the user wrote. All the
terms of a ``Lexicon`` are found together by an Aho-Corasick automaton over the folded text, framed
so that only whole words can match: the cost grows with the length of the caption, not with the
number of terms.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import count, islice
from typing import Any, NamedTuple

import ahocorasick

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
_SPACES = re.compile(" {2,}")
# Marks where words end in a framed text (see ``_framed``); folding turns it into U+FFFD, so the
# text itself never holds it.
_FRAME = "\x00"
# Up to this many distinct characters to frame, replacing each beats one translation.
_FEW = 12


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and where each of its characters comes from in the original.

    ``spans[i]`` is the ``(start, end)`` in the original of folded character ``i``. The common case
    keeps no list: ``spans`` is None, and runs of white space (``runs``: their positions in the
    folded text and in the original, ``(folded, start, end)``) are all that moved characters.
    """

    text: str
    spans: tuple[tuple[int, int], ...] | None = None
    runs: tuple[tuple[int, int, int], ...] = ()

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Where the folded characters ``start:end`` (``end > start``) are in the original."""
        if self.spans is not None:
            return self.spans[start][0], self.spans[end - 1][1]
        return self._where(start)[0], self._where(end - 1)[1]

    def _where(self, index: int) -> tuple[int, int]:
        run = bisect_right(self.runs, (index, len(self.text) + 1)) - 1
        if run < 0:
            return index, index + 1
        folded, start, end = self.runs[run]
        if folded == index:
            return start, end
        return end + index - folded - 1, end + index - folded


class TermMatch(NamedTuple):
    """``term`` found at ``start:end`` of the original text."""

    term: str
    start: int
    end: int


# Captions draw on a few hundred distinct characters; folding each costs two normalisations.
@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    if char.isspace():
        return " "
    if char == _FRAME:
        return "\ufffd"
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", char))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    # What folds to white space alone (a spacing accent: "¨" is a space and a diaeresis) is a space.
    return " " if folded and folded.isspace() else folded


def fold(text: str) -> Folded:
    if text.isascii():
        # The common case, folded without looking at each distinct character: case and spaces.
        translated = text.lower().translate(_ASCII_FOLDS)
    else:
        table = {char: _fold_char(char) for char in set(text)}
        if any(len(folded) != 1 for folded in table.values()):
            return _fold_each(text, table)
        translated = text.translate({ord(char): folded for char, folded in table.items()})
    # One character for one: a translation, then the runs of spaces made one, all in C.
    if "  " not in translated:
        return Folded(translated)
    runs: list[tuple[int, int, int]] = []
    removed = 0
    for run in _SPACES.finditer(translated):
        start, end = run.span()
        runs.append((start - removed, start, end))
        removed += end - start - 1
    return Folded(_SPACES.sub(" ", translated), runs=tuple(runs))


def _fold_each(text: str, table: dict[str, str]) -> Folded:
    """Folding where some character becomes none (a combining accent) or several (a ligature)."""
    chars: list[str] = []
    spans: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        folded = table[char]
        if folded == " " and chars and chars[-1] == " ":
            spans[-1] = (spans[-1][0], index + 1)
            continue
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
    return fold(term.strip()).text.strip()


@lru_cache(maxsize=8192)
def _joins(char: str) -> bool:
    """Whether a word goes on across ``char`` when the next character is such a one too: letters,
    digits and "_", except in scripts written without spaces."""
    code = ord(char)
    if any(low <= code <= high for low, high in _UNSPACED_RANGES):
        return False
    return char.isalnum() or char == "_"


def _framed(text: str) -> str:
    """``text`` with every character that ends a word (a space, a punctuation mark, a character
    of a script written without spaces) between two ``_FRAME``: a term framed the same way, and
    framed at its ends when they are letters, matches whole words only, and the search needs no
    check of its own."""
    if text.isascii():
        breaking = [char for char in _ASCII_BREAKING if char in text]
    else:
        breaking = [char for char in set(text) if not _joins(char)]
    if len(breaking) <= _FEW:
        for char in breaking:
            text = text.replace(char, f"{_FRAME}{char}{_FRAME}")
        return text
    return text.translate({ord(char): f"{_FRAME}{char}{_FRAME}" for char in breaking})


_ASCII_FOLDS = {code: _fold_char(chr(code)) for code in range(128) if _fold_char(chr(code)) != chr(code).lower()}
_ASCII_BREAKING = "".join(chr(code) for code in range(128) if not _joins(chr(code)))


def _framed_term(key: str) -> str:
    return f"{_FRAME if _joins(key[0]) else ''}{_framed(key)}{_FRAME if _joins(key[-1]) else ''}"


@dataclass(frozen=True, slots=True)
class Caption:
    """A text folded and framed (``framed``: see ``_framed``), ready for any number of lexicons."""

    folded: Folded
    framed: str

    @classmethod
    def of(cls, text: str) -> Caption:
        folded = fold(text)
        return cls(folded, f"{_FRAME}{_framed(folded.text)}{_FRAME}")

    def originals(self, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Where the framed matches at ``spans`` were written in the original text."""
        # In the framed text, a match's first character follows a frame and its last precedes one;
        # a character's folded offset is its framed one less the frames before it. Counting them
        # once, from the first position asked to the last, keeps this linear.
        positions = sorted({position for start, end in spans for position in (start + 1, end - 2)})
        folded_at: dict[int, int] = {}
        frames, counted = 0, 0
        for position in positions:
            frames += self.framed.count(_FRAME, counted, position)
            counted = position
            folded_at[position] = position - frames
        return [self.folded.original(folded_at[start + 1], folded_at[end - 2] + 1) for start, end in spans]


@dataclass(frozen=True, slots=True)
class Found:
    """What a lexicon found in a caption: for each group, how many outermost matches, and the first
    ones asked for, in the order of the text."""

    totals: tuple[int, ...]
    first: tuple[list[TermMatch], ...]

    @property
    def total(self) -> int:
        return sum(self.totals)


Match = tuple[int, int, str]  # start and end in the framed text, and the term


class Lexicon:
    """Groups of terms, ranked (the first group first), found together as whole words in one pass
    over a text (per group when no term holds another).

    Only the outermost matches count: a term found inside another match of its own group or of a
    higher-ranked one (the same words or more) is not counted again, so a sensitive word inside a
    banned phrase is reported once, as banned, while a banned word inside a sensitive phrase is
    still reported. A term in two groups counts in the higher-ranked one.
    """

    def __init__(self, *groups: Sequence[str]) -> None:
        keys: dict[str, tuple[int, str]] = {}
        for rank, terms in enumerate(groups):
            for term in terms:
                key = match_key(term)
                if key:
                    keys.setdefault(_framed_term(key), (rank, term))
        self._ranks = len(groups)
        self._all = _automaton({key: (rank, len(key), term) for key, (rank, term) in keys.items()})
        # Whether a match can hide another, lying inside it with no higher rank: then the pass must
        # weigh each match; else each group's matches all count.
        self._nested = any(
            length < len(key) and inner >= keys[key][0]
            for key in keys
            for _, (inner, length, _) in _iter(self._all, key)
        )
        self._groups = [
            _automaton({key: (len(key), term) for key, (rank, term) in keys.items() if rank == group})
            for group in range(self._ranks)
        ]

    def find(self, caption: Caption, limit: int) -> Found:
        """How many outermost matches of each group ``caption`` has, and the first ``limit`` of each."""
        limit = max(limit, 0)
        if self._nested:
            kept = self._outermost(caption.framed)
            totals, first = tuple(map(len, kept)), [group[:limit] for group in kept]
        else:
            # No match can hold another: each group's matches are all outermost, counted in C.
            framed = caption.framed
            totals = tuple(_count(group, framed) for group in self._groups)
            first = [
                [(end + 1 - length, end + 1, term) for end, (length, term) in islice(_iter(group, framed), limit)]
                for group in self._groups
            ]
        spans = caption.originals([(start, end) for group in first for start, end, _ in group])
        located = iter(spans)
        return Found(totals, tuple([TermMatch(term, *next(located)) for _, _, term in group] for group in first))

    def occurs(self, caption: Caption) -> bool:
        """Whether any term of the lexicon is in ``caption``."""
        return next(_iter(self._all, caption.framed), None) is not None

    def _outermost(self, framed: str) -> list[list[Match]]:
        kept: list[list[Match]] = [[] for _ in range(self._ranks)]
        # holds[rank]: the groups whose matches one of that rank can hold.
        holds = [kept[rank:] for rank in range(self._ranks)]
        previous, best = -1, self._ranks  # the highest rank kept among the matches ending at ``previous``
        # At one end, the automaton reports the longest term first, then the shorter ones it ends with.
        for last, (rank, length, term) in _iter(self._all, framed):
            if last != previous:
                previous = last
            elif rank >= best:
                continue  # inside a longer match ending at the same place, of its rank or a higher one
            best = rank
            start = last + 1 - length
            # The matches this one holds (starting at or after it; all end before) are not outermost.
            for group in holds[rank]:
                while group and group[-1][0] >= start:
                    group.pop()
            kept[rank].append((start, last + 1, term))
        return kept


def _automaton(words: dict[str, Any]) -> ahocorasick.Automaton | None:
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word, value in words.items():
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton


def _iter(automaton: ahocorasick.Automaton | None, text: str) -> Iterator[tuple[int, Any]]:
    return iter(()) if automaton is None else automaton.iter(text)


def _count(automaton: ahocorasick.Automaton | None, text: str) -> int:
    counter = count()
    # Consumed in C, keeping nothing: the matches are only counted.
    deque(zip(_iter(automaton, text), counter, strict=False), maxlen=0)
    return next(counter)


@lru_cache(maxsize=64)
def lexicon(*groups: tuple[str, ...]) -> Lexicon:
    """The lexicon of ``groups``, built once for the terms a programme uses."""
    return Lexicon(*groups)
