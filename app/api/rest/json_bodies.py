"""Request bodies read as strict JSON (RFC 8259, UTF-8): whatever does not parse as such, or parses into
more than any operation can use, is one malformed-json answer saying what to fix.

Python's reader also takes ``NaN`` and ``Infinity``, guesses UTF-16 and UTF-32 from the bytes, raises
something else than a syntax error for a 5,000-digit number or a document nested 10,000 deep, passes
on a document nested a few hundred deep that later steps cannot handle, and keeps the last of two
members with one name where another reader would keep the first (RFC 8259 4: their meaning is
unpredictable, so such a body is refused rather than guessed at).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from typing import Any

from app.domain.messages import Message

# No operation's body nests deeper than a few levels; a client's own object (a conversion's metadata)
# gets room to spare.
MAX_DEPTH = 32
# Far longer than any number an operation takes, and than any double's shortest spelling.
MAX_NUMBER_LENGTH = 100
# An escaped surrogate, which may be a lone one: a string holding it cannot be stored as UTF-8.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class MalformedJson(json.JSONDecodeError):
    """Raised as the standard library's syntax error, so FastAPI answers it as one, with a ``Message``
    saying what is wrong as its ``msg``."""

    def __init__(self, reason: Message, document: str = "", position: int = 0) -> None:
        super().__init__(reason, document, position)
        self.msg = reason


def _number_too_long() -> MalformedJson:
    return MalformedJson(
        Message("The request body holds a number longer than {most} characters.", most=MAX_NUMBER_LENGTH)
    )


def _integer(text: str) -> int:
    if len(text) > MAX_NUMBER_LENGTH:
        raise _number_too_long()
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_LENGTH:
        raise _number_too_long()
    value = float(text)
    if not math.isfinite(value):
        raise MalformedJson(Message("The request body holds a number too large to be read."))
    return value


def _constant(name: str) -> Any:
    raise MalformedJson(
        Message("The request body holds {name}, which JSON does not have: send a number or null.", name=name)
    )


def _object(members: list[tuple[str, Any]]) -> dict[str, Any]:
    document = dict(members)
    if len(document) != len(members):
        twice = next(name for name, count in Counter(name for name, _ in members).items() if count > 1)
        raise MalformedJson(
            Message("The request body names the member {name} twice in one object: send it once.", name=twice)
        )
    return document


def parse_json_body(raw: bytes) -> Any:
    """The JSON document ``raw`` holds, or ``MalformedJson`` saying why it is none we read."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MalformedJson(Message("The request body is not valid JSON: send it encoded in UTF-8.")) from error
    try:
        document = json.loads(
            text, parse_int=_integer, parse_float=_float, parse_constant=_constant, object_pairs_hook=_object
        )
    except RecursionError as error:
        raise _too_deep() from error
    except MalformedJson:
        raise
    except json.JSONDecodeError as error:
        raise MalformedJson(Message("The request body is not valid JSON."), error.doc, error.pos) from error
    # Only a body with enough brackets can nest too deeply, and only one with an escaped surrogate hold a lone one.
    surrogates = _SURROGATE_ESCAPE.search(text) is not None
    if surrogates or text.count("[") + text.count("{") > MAX_DEPTH:
        _check(document, surrogates=surrogates)
    return document


def _too_deep() -> MalformedJson:
    return MalformedJson(Message("The request body nests deeper than {most} levels.", most=MAX_DEPTH))


def _check(document: Any, *, surrogates: bool) -> None:
    """Walks the document without recursion: its depth, and its strings when one may hold a lone surrogate."""
    pending: list[tuple[Any, int]] = [(document, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict):
            if depth > MAX_DEPTH:
                raise _too_deep()
            if surrogates:
                pending.extend((key, depth) for key in value)
            pending.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            if depth > MAX_DEPTH:
                raise _too_deep()
            pending.extend((item, depth + 1) for item in value)
        elif surrogates and isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:
                raise MalformedJson(
                    Message("The request body holds a lone UTF-16 surrogate escape, which is no character.")
                ) from error
