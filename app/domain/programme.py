"""Programme settings: one document per tenant with the rules every content and share follows.

The settings are a value: ``apply`` returns a validated copy. They are stored as one JSON
document, so later capabilities add fields with a default here and need no migration.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from app.domain.errors import FieldError, PreconditionFailed, ValidationFailed
from app.domain.hostnames import normalise_hostname
from app.domain.networks import Network
from app.domain.terms import match_key
from app.domain.values import has_control_characters, normalise_language

DEFAULT_WEEKLY_CONTENT_BUDGET = 4
MAX_WEEKLY_CONTENT_BUDGET = 50
DEFAULT_UTM_MEDIUM = "employee_advocacy"
UTM_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MAX_LINK_DOMAINS = 200
MAX_TERMS = 500
MAX_TERM_LENGTH = 100
MAX_DISCLOSURE_LENGTH = 100

Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkDomain:
    """A destination shared links may point to; its subdomains only when opted in."""

    domain: str
    include_subdomains: bool = False

    def allows(self, host: str) -> bool:
        """``host`` must already be normalised (see ``normalise_hostname``)."""
        return host == self.domain or (self.include_subdomains and host.endswith("." + self.domain))


@dataclass(frozen=True, slots=True, kw_only=True)
class Disclosure:
    """Text (often a hashtag such as ``#employee``) that captions for ``network`` must contain."""

    network: Network
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgrammeSettings:
    """A tenant's programme rules. ``version`` is 0 until the settings are first saved.

    An empty ``link_domains`` allows no link at all: destinations are an allow-list.
    """

    networks: tuple[Network, ...] = tuple(Network)
    link_domains: tuple[LinkDomain, ...] = ()
    disclosures: tuple[Disclosure, ...] = ()
    sensitive_terms: tuple[str, ...] = ()
    banned_terms: tuple[str, ...] = ()
    weekly_content_budget: int = DEFAULT_WEEKLY_CONTENT_BUDGET
    four_eyes_review: bool = False
    default_language: str = "en"
    utm_medium: str = DEFAULT_UTM_MEDIUM
    version: int = 0
    updated_at: datetime | None = None

    @classmethod
    def defaults(cls) -> ProgrammeSettings:
        return cls()

    def allows_network(self, network: Network) -> bool:
        return network in self.networks

    def allows_link_host(self, host: str) -> bool:
        """True when links may point at ``host``: a listed domain, or its subdomain when opted in."""
        try:
            normalised = normalise_hostname(host)
        except ValueError:
            return False
        return any(rule.allows(normalised) for rule in self.link_domains)

    def disclosure_for(self, network: Network) -> str | None:
        return next((rule.text for rule in self.disclosures if rule.network == network), None)

    def require_version(self, expected: int | None) -> None:
        """Refuse a change based on a stale read (the client's ``If-Match``)."""
        if expected is not None and expected != self.version:
            raise PreconditionFailed(
                f"The settings changed since you read them (version {self.version}, you sent {expected}); "
                "read them again and retry with the new ETag."
            )

    def apply(self, changes: Mapping[str, Any]) -> ProgrammeSettings:
        """Return a copy with ``changes`` (document-shaped values) applied, or raise ``ValidationFailed``
        listing every bad field. ``version`` and ``updated_at`` are the server's and stay as they are."""
        errors: list[FieldError] = []
        parsed = _parse(changes, errors)
        if errors:
            raise ValidationFailed("The settings are not valid.", errors)
        return replace(self, **parsed)

    def saved(self, now: datetime) -> ProgrammeSettings:
        """The copy to store: next version, stamped ``now``."""
        return replace(self, version=self.version + 1, updated_at=now)

    def changed_fields(self, other: ProgrammeSettings) -> list[str]:
        return [f.name for f in fields(self) if f.name in _PARSERS and getattr(self, f.name) != getattr(other, f.name)]

    def to_document(self) -> dict[str, Any]:
        """The JSON shape ``apply`` accepts (and the one stored)."""
        return {
            "networks": [network.value for network in self.networks],
            "link_domains": [
                {"domain": rule.domain, "include_subdomains": rule.include_subdomains} for rule in self.link_domains
            ],
            "disclosures": {rule.network.value: rule.text for rule in self.disclosures},
            "sensitive_terms": list(self.sensitive_terms),
            "banned_terms": list(self.banned_terms),
            "weekly_content_budget": self.weekly_content_budget,
            "four_eyes_review": self.four_eyes_review,
            "default_language": self.default_language,
            "utm_medium": self.utm_medium,
        }

    @classmethod
    def from_document(
        cls, document: Mapping[str, Any], *, version: int, updated_at: datetime | None
    ) -> ProgrammeSettings:
        """Read a stored document. Fields it lacks (added after it was saved), and any value a later
        rule no longer accepts, take their defaults rather than making the settings unreadable."""
        known = {name: value for name, value in document.items() if name in _PARSERS}
        return replace(cls(version=version, updated_at=updated_at), **_parse(known, []))


def _parse(changes: Mapping[str, Any], errors: list[FieldError]) -> dict[str, Any]:
    parsed: dict[str, Any] = {}
    for name, value in changes.items():
        parser = _PARSERS.get(name)
        if parser is None:
            errors.append(FieldError((name,), "Not a settings field."))
            continue
        try:
            parsed[name] = parser(value, (name,), errors)
        except _Invalid:
            continue
    return parsed


class _Invalid(Exception):
    """A field failed; its errors are already listed."""


def _fail(errors: list[FieldError], loc: Loc, message: str) -> _Invalid:
    errors.append(FieldError(loc, message))
    return _Invalid()


def _text(value: object, loc: Loc, errors: list[FieldError], *, max_length: int) -> str:
    if not isinstance(value, str):
        raise _fail(errors, loc, "Must be a string.")
    text = value.strip()
    if not text or len(text) > max_length or has_control_characters(text):
        raise _fail(errors, loc, f"Give 1-{max_length} characters, without control characters.")
    return text


def _list(value: object, loc: Loc, errors: list[FieldError], *, max_items: int) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise _fail(errors, loc, "Must be a list.")
    if len(value) > max_items:
        raise _fail(errors, loc, f"At most {max_items} items.")
    return list(value)


def _network(value: object, loc: Loc, errors: list[FieldError]) -> Network:
    try:
        return Network(str(value))
    except ValueError:
        raise _fail(errors, loc, f"Not a network; use one of: {', '.join(Network)}.") from None


def _parse_networks(value: object, loc: Loc, errors: list[FieldError]) -> tuple[Network, ...]:
    items = _list(value, loc, errors, max_items=len(Network))
    count = len(errors)
    chosen: set[Network] = set()
    for index, item in enumerate(items):
        try:
            chosen.add(_network(item, (*loc, index), errors))
        except _Invalid:
            continue
    if len(errors) > count:
        raise _Invalid
    if not chosen:
        raise _fail(errors, loc, "Enable at least one network.")
    return tuple(network for network in Network if network in chosen)


def _parse_link_domains(value: object, loc: Loc, errors: list[FieldError]) -> tuple[LinkDomain, ...]:
    items = _list(value, loc, errors, max_items=MAX_LINK_DOMAINS)
    count = len(errors)
    rules: dict[str, bool] = {}
    for index, item in enumerate(items):
        if isinstance(item, LinkDomain):
            item = {"domain": item.domain, "include_subdomains": item.include_subdomains}
        if not isinstance(item, Mapping) or set(item) - {"domain", "include_subdomains"} or "domain" not in item:
            errors.append(FieldError((*loc, index), "Give {domain, include_subdomains}."))
            continue
        subdomains = item.get("include_subdomains", False)
        if not isinstance(subdomains, bool):
            errors.append(FieldError((*loc, index, "include_subdomains"), "Must be true or false."))
            continue
        raw = item["domain"]
        try:
            domain = normalise_hostname(raw if isinstance(raw, str) else "")
        except ValueError as error:
            errors.append(FieldError((*loc, index, "domain"), str(error)))
            continue
        # The same domain listed twice keeps the wider rule.
        rules[domain] = rules.get(domain, False) or subdomains
    if len(errors) > count:
        raise _Invalid
    return tuple(LinkDomain(domain=domain, include_subdomains=wide) for domain, wide in rules.items())


def _parse_disclosures(value: object, loc: Loc, errors: list[FieldError]) -> tuple[Disclosure, ...]:
    if isinstance(value, list | tuple) and all(isinstance(item, Disclosure) for item in value):
        value = {item.network.value: item.text for item in value}
    if not isinstance(value, Mapping):
        raise _fail(errors, loc, "Must be an object mapping a network to its required text.")
    count = len(errors)
    texts: dict[Network, str] = {}
    for key, text in value.items():
        try:
            network = _network(key, (*loc, str(key)), errors)
            texts[network] = _text(text, (*loc, str(key)), errors, max_length=MAX_DISCLOSURE_LENGTH)
        except _Invalid:
            continue
    if len(errors) > count:
        raise _Invalid
    return tuple(Disclosure(network=network, text=texts[network]) for network in Network if network in texts)


def _parse_terms(value: object, loc: Loc, errors: list[FieldError]) -> tuple[str, ...]:
    items = _list(value, loc, errors, max_items=MAX_TERMS)
    count = len(errors)
    terms: dict[str, str] = {}
    for index, item in enumerate(items):
        try:
            term = _text(item, (*loc, index), errors, max_length=MAX_TERM_LENGTH)
        except _Invalid:
            continue
        key = match_key(term)
        if not any(char.isalnum() for char in key):
            errors.append(FieldError((*loc, index), "A term needs at least one letter or digit."))
            continue
        # Terms that match the same words ("Café", "cafe") are one term.
        terms.setdefault(key, term)
    if len(errors) > count:
        raise _Invalid
    return tuple(terms.values())


def _parse_budget(value: object, loc: Loc, errors: list[FieldError]) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WEEKLY_CONTENT_BUDGET:
        raise _fail(errors, loc, f"Must be a whole number from 1 to {MAX_WEEKLY_CONTENT_BUDGET}.")
    return value


def _parse_flag(value: object, loc: Loc, errors: list[FieldError]) -> bool:
    if not isinstance(value, bool):
        raise _fail(errors, loc, "Must be true or false.")
    return value


def _parse_language(value: object, loc: Loc, errors: list[FieldError]) -> str:
    try:
        return normalise_language(value if isinstance(value, str) else "")
    except ValueError as error:
        raise _fail(errors, loc, str(error)) from None


def _parse_utm_medium(value: object, loc: Loc, errors: list[FieldError]) -> str:
    if not isinstance(value, str) or not UTM_TOKEN.fullmatch(value):
        raise _fail(errors, loc, "Use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.")
    return value


_PARSERS: dict[str, Callable[[object, Loc, list[FieldError]], Any]] = {
    "networks": _parse_networks,
    "link_domains": _parse_link_domains,
    "disclosures": _parse_disclosures,
    "sensitive_terms": _parse_terms,
    "banned_terms": _parse_terms,
    "weekly_content_budget": _parse_budget,
    "four_eyes_review": _parse_flag,
    "default_language": _parse_language,
    "utm_medium": _parse_utm_medium,
}
