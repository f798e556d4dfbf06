"""Small value checks shared by aggregates: language tags, e-mail addresses, control characters."""

from __future__ import annotations

import unicodedata

import langcodes
from email_validator import EmailNotValidError, validate_email

from app.domain.messages import Message


def normalise_language(tag: str) -> str:
    """Return the canonical BCP 47 form of ``tag`` or raise ``ValueError``."""
    if not langcodes.tag_is_valid(tag):
        raise ValueError(Message("'{tag}' is not a valid BCP 47 language tag (for example 'fr' or 'en-GB').", tag=tag))
    return langcodes.standardize_tag(tag)


def normalise_email(address: str) -> str:
    """Return the address with its domain normalised, or raise ``ValueError``."""
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ValueError(
            Message("'{address}' is not a valid e-mail address: {error}", address=address, error=error)
        ) from error


def has_control_characters(text: str, *, multiline: bool = False) -> bool:
    """True when ``text`` holds control characters (NUL included), which no field should store.

    Multi-line fields may keep line breaks and tabs.
    """
    allowed = "\n\r\t" if multiline else ""
    return any(unicodedata.category(char) == "Cc" and char not in allowed for char in text)
