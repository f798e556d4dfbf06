"""Caption compliance: what a caption must contain and must avoid before it is shared.

Pure rules over the programme settings. Offsets are positions in the caption as written
(Python string indices), so a front end can underline exactly what the writer typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote, urlsplit

from app.domain.hostnames import normalise_hostname
from app.domain.networks import CAPTION_LIMITS, URL_PATTERN, Network, caption_length
from app.domain.programme.settings import ProgrammeSettings
from app.domain.programme.terms import TermMatch, find_terms

# Punctuation that ends a sentence after a link rather than belonging to it.
TRAILING_PUNCTUATION = ".,;:!?)]}>'\"»…"


class ViolationCode(StrEnum):
    """What is wrong with a caption."""

    MISSING_DISCLOSURE = "missing_disclosure"
    BANNED_TERM = "banned_term"
    SENSITIVE_TERM = "sensitive_term"
    TOO_LONG = "too_long"
    MISSING_LINK = "missing_link"


@dataclass(frozen=True, slots=True, kw_only=True)
class Violation:
    """One problem; ``start``/``end`` locate it in the caption, None when something is missing."""

    code: ViolationCode
    detail: str
    start: int | None = None
    end: int | None = None
    blocking: bool = True


@dataclass(frozen=True, slots=True)
class ComplianceReport:
    violations: tuple[Violation, ...]

    @property
    def ok(self) -> bool:
        """True when nothing blocks sharing; sensitive terms are warnings only."""
        return not any(violation.blocking for violation in self.violations)


def check_caption(
    text: str,
    network: Network,
    settings: ProgrammeSettings,
    *,
    link_required: bool = False,
    link: str | None = None,
) -> ComplianceReport:
    """Check ``text`` for ``network``. With ``link``, that link must appear in the text; with
    ``link_required`` alone, some link must."""
    violations = [*_length(text, network), *_disclosure(text, network, settings), *_terms(text, settings)]
    if link is not None or link_required:
        violations.extend(_link(text, link))
    violations.sort(key=lambda v: (v.start is None, v.start or 0, v.end or 0, v.code))
    return ComplianceReport(tuple(violations))


def _length(text: str, network: Network) -> list[Violation]:
    limit = CAPTION_LIMITS[network]
    length = caption_length(text, network)
    if length <= limit:
        return []
    # The counted length only grows with the prefix, so the first character past the limit is
    # found by bisection, even with links counted at a fixed weight.
    low, high = 0, len(text)
    while low < high:
        middle = (low + high) // 2
        if caption_length(text[: middle + 1], network) > limit:
            high = middle
        else:
            low = middle + 1
    return [
        Violation(
            code=ViolationCode.TOO_LONG,
            detail=f"{network.value} allows {limit} characters; this caption counts {length}.",
            start=low,
            end=len(text),
        )
    ]


def _disclosure(text: str, network: Network, settings: ProgrammeSettings) -> list[Violation]:
    required = settings.disclosure_for(network)
    if required is None or find_terms(text, [required]):
        return []
    return [
        Violation(
            code=ViolationCode.MISSING_DISCLOSURE,
            detail=f"Captions on {network.value} must say that you work for the company: add “{required}”.",
        )
    ]


def _terms(text: str, settings: ProgrammeSettings) -> list[Violation]:
    if not (settings.banned_terms or settings.sensitive_terms):
        return []
    banned = find_terms(text, settings.banned_terms)
    violations = [
        Violation(
            code=ViolationCode.BANNED_TERM,
            detail=f"“{text[match.start : match.end]}” is not allowed in shared captions (banned: “{match.term}”).",
            start=match.start,
            end=match.end,
        )
        for match in banned
    ]
    violations.extend(
        Violation(
            code=ViolationCode.SENSITIVE_TERM,
            detail=f"“{text[match.start : match.end]}” is a sensitive term (“{match.term}”); check the wording.",
            start=match.start,
            end=match.end,
            blocking=False,
        )
        for match in find_terms(text, settings.sensitive_terms)
        if not _covered(match, banned)
    )
    return violations


def _covered(match: TermMatch, others: list[TermMatch]) -> bool:
    """A sensitive word inside a banned phrase is reported once, as banned."""
    return any(other.start <= match.start and match.end <= other.end for other in others)


def _link(text: str, link: str | None) -> list[Violation]:
    found = [_comparable(url.rstrip(TRAILING_PUNCTUATION)) for url in URL_PATTERN.findall(text)]
    if link is None:
        if found:
            return []
        return [Violation(code=ViolationCode.MISSING_LINK, detail="Add the link you are sharing to the caption.")]
    if _comparable(link) in found:
        return []
    return [Violation(code=ViolationCode.MISSING_LINK, detail=f"Add the content's link to the caption: {link}")]


def _comparable(url: str) -> str:
    """Links compare as a browser would open them: scheme and host case-insensitively, the host
    in punycode, the default port and a bare trailing slash dropped, escapes decoded."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    try:
        host = normalise_hostname(parts.hostname or "")
    except ValueError:
        host = (parts.hostname or "").lower()
    scheme = parts.scheme.lower()
    netloc = host if port in (None, {"https": 443, "http": 80}.get(scheme)) else f"{host}:{port}"
    path = unquote(parts.path).rstrip("/")
    query = f"?{unquote(parts.query)}" if parts.query else ""
    fragment = f"#{unquote(parts.fragment)}" if parts.fragment else ""
    return f"{scheme}://{netloc}{path}{query}{fragment}"
