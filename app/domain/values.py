"""Small value checks shared by aggregates: language tags, e-mail addresses, control characters, blank
texts, the years an instant or a date may fall in."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime
from functools import lru_cache

import langcodes
from email_validator import EmailNotValidError, validate_email

from app.domain.messages import Message


@lru_cache(maxsize=1024)  # a roster names a few languages, thousands of times
def normalise_language(tag: str) -> str:
    """Return the canonical BCP 47 form of ``tag`` or raise ``ValueError``."""
    if not langcodes.tag_is_valid(tag):
        raise ValueError(Message("'{tag}' is not a valid BCP 47 language tag (for example 'fr' or 'en-GB').", tag=tag))
    return langcodes.standardize_tag(tag)


# A plain ASCII local part (RFC 5322's dot-atom), which email-validator keeps exactly as written.
_DOT_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
LOCAL_PART_MAX, ADDRESS_MAX = 64, 254


def normalise_email(address: str) -> str:
    """Return the address with its domain normalised, or raise ``ValueError``.

    A roster file holds thousands of addresses on a handful of domains: an address whose local part is
    a plain dot-atom is checked against its domain's verdict, made once; any other goes through the
    whole validation. Both ways give the same address, and refuse the same ones."""
    local, at, domain = address.rpartition("@")
    if at and len(address) <= ADDRESS_MAX and len(local) <= LOCAL_PART_MAX and _DOT_ATOM.fullmatch(local):
        normalised_domain = _normalised_domain(domain)
        if normalised_domain is not None:
            return f"{local}@{normalised_domain}"
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ValueError(
            Message("'{address}' is not a valid e-mail address: {error}", address=address, error=error)
        ) from error


@lru_cache(maxsize=4096)
def _normalised_domain(domain: str) -> str | None:
    """The domain as email-validator normalises it, or None when it refuses it (the caller then
    validates the whole address, for the reason)."""
    try:
        return validate_email("postmaster@" + domain, check_deliverability=False).domain
    except EmailNotValidError:
        return None


def has_control_characters(text: str, *, multiline: bool = False) -> bool:
    """True when ``text`` holds control characters (NUL included), which no field should store.

    Multi-line fields may keep line breaks and tabs.
    """
    if text.isprintable():  # no control character is printable: the common case, without a lookup per character
        return False
    allowed = "\n\r\t" if multiline else ""
    return any(unicodedata.category(char) == "Cc" and char not in allowed for char in text)


# The years an instant (in UTC) or a date falls in. Far inside what Python, PostgreSQL and JavaScript
# hold, so converting any UTC offset, or counting a window of days around an instant, never leaves their
# range; and never PostgreSQL's -infinity or infinity, which the first and last instants Python knows
# are stored as. 1900 leaves room for the hire dates of long-serving staff.
FIRST_YEAR = 1900
LAST_YEAR = 9998
_EARLIEST = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
_END = datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC)


def in_kept_years(value: date) -> bool:
    """True when ``value`` falls in the kept years: a date as it is, an instant in UTC (whatever offset
    it was written with: one instant gets one answer), a time without offset as if in UTC."""
    if isinstance(value, datetime):
        # Compared, never converted: converting the instants this refuses is what overflows.
        return _EARLIEST <= (value if value.utcoffset() is not None else value.replace(tzinfo=UTC)) < _END
    return FIRST_YEAR <= value.year <= LAST_YEAR


# Unicode's default-ignorable code points (DerivedCoreProperties.txt): characters that show nothing
# where they are not understood, and often where they are: the soft hyphen, zero-width spaces and
# joiners, bidirectional controls (U+202A-U+202E, U+2066-U+2069), the byte order mark, variation
# selectors, the Hangul fillers, tags.
INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)


_VISIBLE_ASCII = re.compile(r"[!-~]")


def is_blank(text: str) -> bool:
    """True when ``text`` shows nothing: white space, control characters and invisible ones only
    (a name made of zero-width spaces or of a right-to-left override is as blank as an empty one)."""
    if text.isascii():  # ASCII shows something exactly when it holds a character from ! to ~
        return _VISIBLE_ASCII.search(text) is None
    return all(char.isspace() or unicodedata.category(char) == "Cc" or _invisible(char) for char in text)


def _invisible(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in INVISIBLE_RANGES)
