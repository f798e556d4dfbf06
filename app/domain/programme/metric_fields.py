"""The settings fields the metrics read: the programme's currency, what earned media is worth per network,
the brand channels' own engagement rates, and what a manager sees of the metrics.

``cpm_minor`` keeps a rate for every network: one a document leaves out takes its default (the sources
are cited in ``app/domain/metrics/valuation.py``), so setting LinkedIn's never values the other networks
at nothing. ``cpc_minor`` and ``brand_engagement_rates`` hold only the networks given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.attribution.conversions import CURRENCY_PATTERN
from app.domain.errors import FieldError
from app.domain.messages import Message
from app.domain.metrics.scopes import ManagerMetricsScope
from app.domain.metrics.valuation import DEFAULT_CPM_MINOR, MAX_RATE_MINOR, NOT_A_CURRENCY
from app.domain.networks import Network
from app.domain.programme.field_checks import Invalid, Loc, checked_network, fail, whole_number

# Engagement rates are fractions (0.021 is 2.1%), kept to the millionth: X's run to hundredths of a percent.
RATE_PLACES = 6


def _parse_currency(value: object, loc: Loc, errors: list[FieldError]) -> str:
    if not isinstance(value, str) or not CURRENCY_PATTERN.fullmatch(value):
        raise fail(errors, loc, NOT_A_CURRENCY)
    return value


def _per_network(
    value: object, loc: Loc, errors: list[FieldError], read: Callable[[object, Loc, list[FieldError]], Any]
) -> dict[Network, Any]:
    """An object keyed by network, each value read by ``read``; every bad entry is listed."""
    if not isinstance(value, Mapping):
        raise fail(errors, loc, "Must be an object keyed by network.")
    count = len(errors)
    read_values: dict[Network, Any] = {}
    for key, item in value.items():
        at = (*loc, str(key))
        try:
            network = checked_network(key, at, errors)
            read_values[network] = read(item, at, errors)
        except Invalid:
            continue
    if len(errors) > count:
        raise Invalid
    # In the networks' own order, so that documents and answers list them alike.
    return {network: read_values[network] for network in Network if network in read_values}


def _amount(value: object, loc: Loc, errors: list[FieldError]) -> int:
    return whole_number(value, loc, errors, low=0, high=MAX_RATE_MINOR)


def _parse_cpm(value: object, loc: Loc, errors: list[FieldError]) -> dict[Network, int]:
    given = _per_network(value, loc, errors, _amount)
    return {network: given.get(network, DEFAULT_CPM_MINOR.get(network, 0)) for network in Network}


def _parse_cpc(value: object, loc: Loc, errors: list[FieldError]) -> dict[Network, int]:
    return _per_network(value, loc, errors, _amount)


def _rate(value: object, loc: Loc, errors: list[FieldError]) -> Decimal:
    problem = Message(
        "Give a rate above 0 and at most 1, with at most {places} decimals: 0.021 for 2.1%.", places=RATE_PLACES
    )
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise fail(errors, loc, problem)
    try:
        rate = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        raise fail(errors, loc, problem) from None
    exponent = rate.as_tuple().exponent
    if not rate.is_finite() or not 0 < rate <= 1 or not isinstance(exponent, int) or exponent < -RATE_PLACES:
        raise fail(errors, loc, problem)
    return rate.normalize()


def _parse_brand_rates(value: object, loc: Loc, errors: list[FieldError]) -> dict[Network, Decimal]:
    return _per_network(value, loc, errors, _rate)


def _parse_scope(value: object, loc: Loc, errors: list[FieldError]) -> ManagerMetricsScope:
    try:
        return ManagerMetricsScope(str(value))
    except ValueError:
        raise fail(errors, loc, Message("Use one of: {choices}.", choices=", ".join(ManagerMetricsScope))) from None


METRIC_PARSERS: dict[str, Callable[[object, Loc, list[FieldError]], Any]] = {
    "currency": _parse_currency,
    "cpm_minor": _parse_cpm,
    "cpc_minor": _parse_cpc,
    "brand_engagement_rates": _parse_brand_rates,
    "manager_metrics_scope": _parse_scope,
}


def metric_document(
    *,
    currency: str,
    cpm_minor: Mapping[Network, int],
    cpc_minor: Mapping[Network, int],
    brand_engagement_rates: Mapping[Network, Decimal],
    manager_metrics_scope: ManagerMetricsScope,
) -> dict[str, Any]:
    """These fields as a settings document holds them: rates as text, so no decimal is lost to a double.
    The worker's statements read ``currency`` from the stored document itself."""
    return {
        "currency": currency,
        "cpm_minor": {network.value: amount for network, amount in cpm_minor.items()},
        "cpc_minor": {network.value: amount for network, amount in cpc_minor.items()},
        "brand_engagement_rates": {network.value: str(rate) for network, rate in brand_engagement_rates.items()},
        "manager_metrics_scope": manager_metrics_scope.value,
    }
