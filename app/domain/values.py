"""Small value checks shared by aggregates: language tags and e-mail addresses."""

from __future__ import annotations

import langcodes
from email_validator import EmailNotValidError, validate_email


def normalise_language(tag: str) -> str:
    """Return the canonical BCP 47 form of ``tag`` or raise ``ValueError``."""
    if not langcodes.tag_is_valid(tag):
        raise ValueError(f"'{tag}' is not a valid BCP 47 language tag (for example 'fr' or 'en-GB').")
    return langcodes.standardize_tag(tag)


def normalise_email(address: str) -> str:
    """Return the address with its domain normalised, or raise ``ValueError``."""
    try:
        return validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ValueError(f"'{address}' is not a valid e-mail address: {error}") from error
