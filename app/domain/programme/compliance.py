"""Caption compliance: what a caption must contain and must avoid before it is shared.

Pure rules over the programme settings. Offsets are positions in the caption as written
(Python string indices), so a front end can underline exactly what the writer typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote, urlsplit

from app.domain.hostnames import normalise_hostname
from app.domain.messages import Message
from app.domain.networks import CAPTION_LIMITS, URL_PATTERN, Network, caption_length
from app.domain.programme.settings import ProgrammeSettings
from app.domain.programme.terms import Caption, TermMatch, lexicon

# Punctuation that ends a sentence after a link rather than belonging to it.
TRAILING_PUNCTUATION = ".,;:!?)]}>'\"»…"
# Enough to point at everything in any real caption; one with more asks to be rewritten, not
# underlined word by word (listing them all made a long caption's answer megabytes).
MAX_REPORTED_VIOLATIONS = 50
# The ranks of the groups of terms in the lexicon: a sensitive word inside a banned phrase is
# reported once, as banned.
BANNED, SENSITIVE = 0, 1


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
    """``violations`` lists at most ``MAX_REPORTED_VIOLATIONS`` of the ``total`` found: the blocking
    ones first when there are more, and always some blocking one when the caption may not be shared."""

    violations: tuple[Violation, ...]
    total: int

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
    ``link_required`` alone, some link must. The cost grows with the length of ``text`` alone."""
    caption = Caption.of(text)
    violations = [*_length(text, network), *_disclosure(caption, network, settings)]
    if link is not None or link_required:
        violations.extend(_link(text, link))
    found = lexicon(settings.banned_terms, settings.sensitive_terms).find(caption, MAX_REPORTED_VIOLATIONS)
    total = len(violations) + found.total
    # The others (length, disclosure, link) all block and are three at most: all of them are listed,
    # then banned terms before sensitive ones, each in the order of the text.
    room = MAX_REPORTED_VIOLATIONS - len(violations)
    banned = found.first[BANNED][:room]
    sensitive = found.first[SENSITIVE][: room - len(banned)]
    violations.extend(_banned(text, match) for match in banned)
    violations.extend(_sensitive(text, match) for match in sensitive)
    violations.sort(key=lambda v: (v.start is None, v.start or 0, v.end or 0, v.code))
    return ComplianceReport(tuple(violations), total=total)


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
            detail=Message(
                "{network} allows {limit} characters; this caption counts {length}.",
                network=network.value,
                limit=limit,
                length=length,
            ),
            start=low,
            end=len(text),
        )
    ]


def _disclosure(caption: Caption, network: Network, settings: ProgrammeSettings) -> list[Violation]:
    required = settings.disclosure_for(network)
    if required is None or lexicon((required,)).occurs(caption):
        return []
    return [
        Violation(
            code=ViolationCode.MISSING_DISCLOSURE,
            detail=Message(
                "Captions on {network} must say that you work for the company: add “{required}”.",
                network=network.value,
                required=required,
            ),
        )
    ]


def _banned(text: str, match: TermMatch) -> Violation:
    return Violation(
        code=ViolationCode.BANNED_TERM,
        detail=Message(
            "“{value}” is not allowed in shared captions (banned: “{term}”).",
            value=text[match.start : match.end],
            term=match.term,
        ),
        start=match.start,
        end=match.end,
    )


def _sensitive(text: str, match: TermMatch) -> Violation:
    return Violation(
        code=ViolationCode.SENSITIVE_TERM,
        detail=Message(
            "“{value}” is a sensitive term (“{term}”); check the wording.",
            value=text[match.start : match.end],
            term=match.term,
        ),
        start=match.start,
        end=match.end,
        blocking=False,
    )


def _link(text: str, link: str | None) -> list[Violation]:
    found = [_comparable(url.rstrip(TRAILING_PUNCTUATION)) for url in URL_PATTERN.findall(text)]
    if link is None:
        if found:
            return []
        return [Violation(code=ViolationCode.MISSING_LINK, detail="Add the link you are sharing to the caption.")]
    if _comparable(link) in found:
        return []
    return [
        Violation(
            code=ViolationCode.MISSING_LINK, detail=Message("Add the content's link to the caption: {link}", link=link)
        )
    ]


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
