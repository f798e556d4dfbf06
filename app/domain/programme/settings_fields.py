"""The values programme settings hold, and how each field of a settings document is read and checked
(the metrics' fields in ``metric_fields.py``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.attribution.policy import MAX_WINDOW, MIN_WINDOW, AttributionModel
from app.domain.community.training_settings import parse_required_training_modules
from app.domain.errors import FieldError
from app.domain.hostnames import normalise_hostname
from app.domain.links import normalise_https_url
from app.domain.messages import Message, message_of
from app.domain.networks import Network
from app.domain.notifications.digests import DEFAULT_DIGEST_TIME, DEFAULT_DIGEST_WEEKDAY, DIGEST_TIME
from app.domain.programme.field_checks import (
    Invalid,
    Loc,
    checked_list,
    checked_network,
    checked_text,
    fail,
    whole_number,
)
from app.domain.programme.metric_fields import METRIC_PARSERS
from app.domain.programme.terms import match_key
from app.domain.rewards.challenges import DEFAULT_CHALLENGE_WINNERS, MAX_CHALLENGE_WINNERS
from app.domain.rewards.periods import DEFAULT_TIME_ZONE, known_zones
from app.domain.sharing.tracked_links import CLICK_PARAM_PATTERN, UTM_PREFIX
from app.domain.values import normalise_language

DEFAULT_WEEKLY_CONTENT_BUDGET = 4
MAX_WEEKLY_CONTENT_BUDGET = 50
DEFAULT_UTM_MEDIUM = "employee_advocacy"
UTM_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MAX_LINK_DOMAINS = 200
MAX_TERMS = 500
MAX_TERM_LENGTH = 100
MAX_DISCLOSURE_LENGTH = 100
DEFAULT_SHARE_DAILY_LIMIT = 5
MAX_SHARE_DAILY_LIMIT = 100
DEFAULT_ATTRIBUTION_WINDOW_DAYS = 30
DEFAULT_ATTRIBUTION_MODEL = AttributionModel.LAST_TOUCH
__all__ = ["DEFAULT_CHALLENGE_WINNERS", "DEFAULT_DIGEST_TIME", "DEFAULT_DIGEST_WEEKDAY", "DEFAULT_TIME_ZONE"]


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


def parse_fields(changes: Mapping[str, Any], errors: list[FieldError]) -> dict[str, Any]:
    """The fields of ``changes`` as settings values; each problem is appended to ``errors``."""
    parsed: dict[str, Any] = {}
    for name, value in changes.items():
        parser = PARSERS.get(name)
        if parser is None:
            errors.append(FieldError((name,), "Not a settings field."))
            continue
        try:
            parsed[name] = parser(value, (name,), errors)
        except Invalid:
            continue
    return parsed


def _parse_networks(value: object, loc: Loc, errors: list[FieldError]) -> tuple[Network, ...]:
    items = checked_list(value, loc, errors, max_items=len(Network))
    count = len(errors)
    chosen: set[Network] = set()
    for index, item in enumerate(items):
        try:
            chosen.add(checked_network(item, (*loc, index), errors))
        except Invalid:
            continue
    if len(errors) > count:
        raise Invalid
    if not chosen:
        raise fail(errors, loc, "Enable at least one network.")
    return tuple(network for network in Network if network in chosen)


def _parse_link_domains(value: object, loc: Loc, errors: list[FieldError]) -> tuple[LinkDomain, ...]:
    items = checked_list(value, loc, errors, max_items=MAX_LINK_DOMAINS)
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
            errors.append(FieldError((*loc, index, "domain"), message_of(error)))
            continue
        # The same domain listed twice keeps the wider rule.
        rules[domain] = rules.get(domain, False) or subdomains
    if len(errors) > count:
        raise Invalid
    return tuple(LinkDomain(domain=domain, include_subdomains=wide) for domain, wide in rules.items())


def _parse_disclosures(value: object, loc: Loc, errors: list[FieldError]) -> tuple[Disclosure, ...]:
    if isinstance(value, list | tuple) and all(isinstance(item, Disclosure) for item in value):
        value = {item.network.value: item.text for item in value}
    if not isinstance(value, Mapping):
        raise fail(errors, loc, "Must be an object mapping a network to its required text.")
    count = len(errors)
    texts: dict[Network, str] = {}
    for key, text in value.items():
        try:
            network = checked_network(key, (*loc, str(key)), errors)
            texts[network] = checked_text(text, (*loc, str(key)), errors, max_length=MAX_DISCLOSURE_LENGTH)
        except Invalid:
            continue
    if len(errors) > count:
        raise Invalid
    return tuple(Disclosure(network=network, text=texts[network]) for network in Network if network in texts)


def _parse_terms(value: object, loc: Loc, errors: list[FieldError]) -> tuple[str, ...]:
    items = checked_list(value, loc, errors, max_items=MAX_TERMS)
    count = len(errors)
    terms: dict[str, str] = {}
    for index, item in enumerate(items):
        try:
            term = checked_text(item, (*loc, index), errors, max_length=MAX_TERM_LENGTH)
        except Invalid:
            continue
        key = match_key(term)
        if not any(char.isalnum() for char in key):
            errors.append(FieldError((*loc, index), "A term needs at least one letter or digit."))
            continue
        # Terms that match the same words ("Café", "cafe") are one term.
        terms.setdefault(key, term)
    if len(errors) > count:
        raise Invalid
    return tuple(terms.values())


def _parse_budget(value: object, loc: Loc, errors: list[FieldError]) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WEEKLY_CONTENT_BUDGET:
        raise fail(errors, loc, Message("Must be a whole number from 1 to {most}.", most=MAX_WEEKLY_CONTENT_BUDGET))
    return value


def _parse_flag(value: object, loc: Loc, errors: list[FieldError]) -> bool:
    if not isinstance(value, bool):
        raise fail(errors, loc, "Must be true or false.")
    return value


def _parse_language(value: object, loc: Loc, errors: list[FieldError]) -> str:
    try:
        return normalise_language(value if isinstance(value, str) else "")
    except ValueError as error:
        raise fail(errors, loc, message_of(error)) from None


def _parse_utm_medium(value: object, loc: Loc, errors: list[FieldError]) -> str:
    if not isinstance(value, str) or not UTM_TOKEN.fullmatch(value):
        raise fail(errors, loc, "Use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.")
    return value


def _parse_share_daily_limit(value: object, loc: Loc, errors: list[FieldError]) -> int:
    return whole_number(value, loc, errors, low=1, high=MAX_SHARE_DAILY_LIMIT)


def _parse_window_days(value: object, loc: Loc, errors: list[FieldError]) -> int:
    return whole_number(value, loc, errors, low=MIN_WINDOW.days, high=MAX_WINDOW.days)


def _parse_click_param(value: object, loc: Loc, errors: list[FieldError]) -> str:
    if not isinstance(value, str) or not CLICK_PARAM_PATTERN.fullmatch(value) or value.lower().startswith(UTM_PREFIX):
        raise fail(
            errors,
            loc,
            "Use 1-64 letters, digits, '.', '_' or '-', starting with a letter and not with 'utm_'.",
        )
    return value


def _parse_attribution_model(value: object, loc: Loc, errors: list[FieldError]) -> AttributionModel:
    try:
        return AttributionModel(str(value))
    except ValueError:
        raise fail(errors, loc, Message("Use one of: {choices}.", choices=", ".join(AttributionModel))) from None


def _parse_time_zone(value: object, loc: Loc, errors: list[FieldError]) -> str:
    if not isinstance(value, str) or value not in known_zones():
        raise fail(errors, loc, "Name an IANA time zone, such as Europe/Paris or UTC.")
    return value


def _parse_challenge_winners(value: object, loc: Loc, errors: list[FieldError]) -> int:
    return whole_number(value, loc, errors, low=1, high=MAX_CHALLENGE_WINNERS)


def _parse_digest_weekday(value: object, loc: Loc, errors: list[FieldError]) -> int:
    return whole_number(value, loc, errors, low=1, high=7)


def _parse_digest_time(value: object, loc: Loc, errors: list[FieldError]) -> str:
    if not isinstance(value, str) or not DIGEST_TIME.fullmatch(value):
        raise fail(errors, loc, "Give a local time as HH:MM, from 00:00 to 23:59.")
    return value


def _parse_mass_termination_percent(value: object, loc: Loc, errors: list[FieldError]) -> int:
    return whole_number(value, loc, errors, low=0, high=100)


def _parse_recall_notice_url(value: object, loc: Loc, errors: list[FieldError]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise fail(errors, loc, "Give an https:// address, or null for none.")
    try:
        return normalise_https_url(value)
    except ValueError as error:
        errors.append(FieldError(loc, message_of(error)))
        raise Invalid() from None


PARSERS: dict[str, Callable[[object, Loc, list[FieldError]], Any]] = {
    "networks": _parse_networks,
    "link_domains": _parse_link_domains,
    "disclosures": _parse_disclosures,
    "sensitive_terms": _parse_terms,
    "banned_terms": _parse_terms,
    "weekly_content_budget": _parse_budget,
    "four_eyes_review": _parse_flag,
    "default_language": _parse_language,
    "utm_medium": _parse_utm_medium,
    "share_daily_limit": _parse_share_daily_limit,
    "click_param": _parse_click_param,
    "attribution_window_days": _parse_window_days,
    "attribution_model": _parse_attribution_model,
    "time_zone": _parse_time_zone,
    "challenge_winners": _parse_challenge_winners,
    "digest_weekday": _parse_digest_weekday,
    "digest_time": _parse_digest_time,
    "mass_termination_percent": _parse_mass_termination_percent,
    **METRIC_PARSERS,
    "required_training_modules": parse_required_training_modules,
    "recall_notice_url": _parse_recall_notice_url,
}
