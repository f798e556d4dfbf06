"""Tracked links: the share code in ``/r/{code}`` and the destination a click is sent on to.

A code is its tenant's link prefix (4 base62 characters, fixed for the tenant's life) followed by
8 random base62 characters from the operating system's CSPRNG, so there is no sequence to walk
and the code names its tenant. Codes issued before prefixes are the 8 random characters alone.
A code is checked for shape before anything is looked up: the redirect answers a malformed code
without touching the database.
"""

from __future__ import annotations

import re
import secrets
import string
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, unquote_plus, urlsplit, urlunsplit
from uuid import UUID

from app.domain.errors import DomainError, Gone, NotFound
from app.domain.hostnames import normalise_hostname
from app.domain.networks import Network

BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
# The random part of a code; a code issued before link prefixes is this part alone.
CODE_LENGTH = 8
LEGACY_CODE_LENGTH = CODE_LENGTH
LINK_PREFIX_LENGTH = 4
_LINK_PREFIX = re.compile(rf"[0-9A-Za-z]{{{LINK_PREFIX_LENGTH}}}")
MIN_CODE_LENGTH = 7
# Longer than any code issued, so codes may lengthen without breaking the ones out there.
MAX_CODE_LENGTH = 16
_CODE = re.compile(rf"[0-9A-Za-z]{{{MIN_CODE_LENGTH},{MAX_CODE_LENGTH}}}")
# The codes kept parsed in memory, the most recently followed.
CODES_KEPT = 16_384

DEFAULT_CLICK_PARAM = "rl_click"
CLICK_PARAM_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,63}")
ALWAYS_ON_CAMPAIGN = "always-on"
UTM_PREFIX = "utm_"
# What may stay as it is in a path, query or fragment; anything else (spaces, non-ASCII) is
# percent-encoded, and existing escapes are kept, so a normalised address comes out unchanged.
_URL_SAFE = "/?:@!$&'()*+,;=-._~%#"
# What ``quote`` never encodes (RFC 3986's unreserved characters).
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")


@dataclass(frozen=True, slots=True)
class ShareCode:
    """The code of a share's tracked link: 7-16 base62 characters, case-sensitive."""

    value: str

    def __post_init__(self) -> None:
        if not isinstance(self.value, str) or not _CODE.fullmatch(self.value):
            raise ValueError(f"A share code is {MIN_CODE_LENGTH}-{MAX_CODE_LENGTH} letters and digits.")

    @classmethod
    def generate(cls, length: int = CODE_LENGTH) -> ShareCode:
        if not MIN_CODE_LENGTH <= length <= MAX_CODE_LENGTH:
            raise ValueError(f"A share code is {MIN_CODE_LENGTH}-{MAX_CODE_LENGTH} characters long.")
        return cls("".join(secrets.choice(BASE62) for _ in range(length)))

    @classmethod
    def issue(cls, link_prefix: str) -> ShareCode:
        """A new code of the tenant whose link prefix this is: the prefix, then 8 random characters."""
        if not isinstance(link_prefix, str) or not _LINK_PREFIX.fullmatch(link_prefix):
            raise ValueError(f"A link prefix is {LINK_PREFIX_LENGTH} letters and digits.")
        return cls(link_prefix + cls.generate().value)

    @property
    def link_prefix(self) -> str | None:
        """The link prefix of the tenant the code names; None for a code issued before prefixes
        (8 characters), whose tenant only ``legacy_share_codes`` knows."""
        return None if len(self.value) == LEGACY_CODE_LENGTH else self.value[:LINK_PREFIX_LENGTH]

    @classmethod
    def parse(cls, text: str) -> ShareCode:
        """The code in ``text``, or ``ValueError`` when it cannot be one (checked without any lookup)."""
        return _parsed_code(text) if isinstance(text, str) else cls(text)

    def tracked_url(self, public_base_url: str) -> str:
        """The address ambassadors share: ``{public_base_url}/r/{code}``."""
        return f"{public_base_url.rstrip('/')}/r/{self.value}"

    def __str__(self) -> str:
        return self.value


@lru_cache(maxsize=CODES_KEPT)
def _parsed_code(text: str) -> ShareCode:
    """Every redirect parses its code: the codes followed most are kept parsed (text that cannot
    be a code raises, and is never kept)."""
    return ShareCode(text)


def tracked_destination(
    link_url: str,
    *,
    network: Network,
    utm_medium: str,
    campaign_slug: str | None,
    content_id: UUID,
    click_ref: str,
    click_param: str = DEFAULT_CLICK_PARAM,
) -> str:
    """Where a click on a tracked link lands: the content's link with the share's tags added.

    The destination keeps its own query parameters in their order and as they were written;
    every ``utm_*`` it had and any earlier click parameter give way to the share's, which come
    last in a fixed order. Its fragment stays. Non-ASCII hosts come out in punycode and other
    non-ASCII characters percent-encoded, so the result fits in a ``Location`` header.
    """
    if not CLICK_PARAM_PATTERN.fullmatch(click_param) or click_param.lower().startswith(UTM_PREFIX):
        raise ValueError(f"'{click_param}' cannot name the click parameter.")
    parts = urlsplit(link_url)
    if parts.scheme.lower() != "https" or not parts.netloc:
        raise ValueError("A tracked link leads to an absolute https address.")
    tags = (
        ("utm_source", network.value),
        ("utm_medium", utm_medium),
        ("utm_campaign", campaign_slug or ALWAYS_ON_CAMPAIGN),
        ("utm_content", str(content_id)),
        (click_param, click_ref),
    )
    replaced = click_param.lower()
    kept = [_encode(segment) for segment in parts.query.split("&") if segment and not _names_tag(segment, replaced)]
    added = [f"{name}={quote(value, safe='')}" for name, value in tags]
    return urlunsplit(
        ("https", _ascii_netloc(parts.netloc), _encode(parts.path), "&".join(kept + added), _encode(parts.fragment))
    )


def _names_tag(segment: str, click_param: str) -> bool:
    name = unquote_plus(segment.partition("=")[0]).lower()
    return name.startswith(UTM_PREFIX) or name == click_param


def _encode(text: str) -> str:
    return quote(text, safe=_URL_SAFE)


def _ascii_netloc(netloc: str) -> str:
    if netloc.isascii():
        return netloc
    if "@" in netloc:
        raise ValueError("A tracked link carries no user name or password.")
    host, colon, port = netloc.rpartition(":")
    if not colon or not (port.isascii() and port.isdigit()):
        host, colon, port = netloc, "", ""
    return normalise_hostname(host) + colon + port


def with_click_reference(destination: str, click_param: str, click_ref: str) -> str:
    """``destination`` (a :func:`tracked_destination` without its click reference) with this
    click's reference as its last query parameter, ahead of the fragment, which stays last."""
    address, hash_sign, fragment = destination.partition("#")
    separator = "" if address.endswith(("?", "&")) else "&" if "?" in address else "?"
    # A click's id is written as it is: checking so costs half of what quoting it would.
    reference = click_ref if _UNRESERVED.fullmatch(click_ref) else quote(click_ref, safe="")
    return f"{address}{separator}{click_param}={reference}{hash_sign}{fragment}"


class TrackedLinkNotFound(NotFound):
    """No share has this code, or the text cannot be a code at all (said the same way, so that
    probing for codes learns nothing)."""

    code = "tracked-link-not-found"

    def __init__(self) -> None:
        DomainError.__init__(self, "No tracked link has this address. Check that the link was copied whole.")
        self.resource = "tracked link"


class TrackedLinkGone(Gone):
    """The share was cancelled, or its content archived (recalled): the link leads nowhere any more."""

    code = "tracked-link-gone"

    def __init__(self) -> None:
        super().__init__("This link was withdrawn: the content it led to is no longer offered.")
