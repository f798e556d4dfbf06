"""The settings the metrics read: the programme's currency, earned media rates, the brand channels'
engagement rates and the managers' scope, checked field by field and kept through the stored document."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.domain.errors import ValidationFailed
from app.domain.metrics.figures import Figures
from app.domain.metrics.scopes import ManagerMetricsScope
from app.domain.metrics.valuation import DEFAULT_CPM_MINOR
from app.domain.networks import Network
from app.domain.programme.settings import ProgrammeSettings


def refusals(changes: dict[str, Any]) -> dict[tuple[str | int, ...], str]:
    with pytest.raises(ValidationFailed) as raised:
        ProgrammeSettings().apply(changes)
    return {error.loc: error.message for error in raised.value.errors}


def test_the_defaults_value_every_network_at_its_published_cpm_in_euros() -> None:
    settings = ProgrammeSettings()

    assert settings.currency == "EUR"
    assert settings.cpm_minor == DEFAULT_CPM_MINOR
    assert settings.cpm_minor[Network.LINKEDIN] == 659
    assert (settings.cpc_minor, settings.brand_engagement_rates) == ({}, {})
    assert settings.manager_metrics_scope is ManagerMetricsScope.PROGRAMME


def test_a_cpm_set_for_one_network_leaves_the_others_at_their_default() -> None:
    settings = ProgrammeSettings().apply({"cpm_minor": {"linkedin": 800}})

    assert settings.cpm_minor[Network.LINKEDIN] == 800
    assert settings.cpm_minor[Network.FACEBOOK] == 719
    assert set(settings.cpm_minor) == set(Network)


def test_metric_fields_are_kept_through_the_stored_document() -> None:
    changes = {
        "currency": "USD",
        "cpm_minor": {"x": 0},
        "cpc_minor": {"linkedin": 350},
        "brand_engagement_rates": {"linkedin": Decimal("0.0210"), "x": 0.0004},
        "manager_metrics_scope": "department",
    }
    settings = ProgrammeSettings().apply(changes)
    document = settings.to_document()

    assert document["currency"] == "USD"  # the key the worker's statements read
    assert document["brand_engagement_rates"] == {"linkedin": "0.021", "x": "0.0004"}
    stored = ProgrammeSettings.from_document(document, version=1, updated_at=None)
    assert stored.changed_fields(settings) == []
    assert stored.brand_engagement_rates == {Network.LINKEDIN: Decimal("0.021"), Network.X: Decimal("0.0004")}
    assert stored.manager_metrics_scope is ManagerMetricsScope.DEPARTMENT
    assert settings.changed_fields(ProgrammeSettings()) == [
        "currency",
        "cpm_minor",
        "cpc_minor",
        "brand_engagement_rates",
        "manager_metrics_scope",
    ]


def test_the_valuation_counts_clicks_only_where_a_cpc_is_set() -> None:
    settings = ProgrammeSettings().apply({"cpm_minor": {"linkedin": 1000}, "cpc_minor": {"linkedin": 50}})
    figures = {"linkedin": Figures(impressions=2000, clicks=3), "x": Figures(impressions=1000, clicks=10)}

    # 2,000 x 10.00 / 1,000 + 3 x 0.50 on LinkedIn; 1,000 x 6.46 / 1,000 on X, whose clicks are worth nothing.
    assert settings.valuation().earned_media_value_minor(figures) == 2000 + 150 + 646


@pytest.mark.parametrize(
    ("changes", "where", "says"),
    [
        ({"currency": "eur"}, ("currency",), "three capital letters"),
        ({"currency": "EURO"}, ("currency",), "such as EUR"),
        ({"currency": 978}, ("currency",), "ISO 4217"),
        ({"cpm_minor": {"linkedin": -1}}, ("cpm_minor", "linkedin"), "from 0 to 100000000"),
        ({"cpm_minor": {"linkedin": 100_000_001}}, ("cpm_minor", "linkedin"), "from 0 to 100000000"),
        ({"cpm_minor": {"linkedin": 6.59}}, ("cpm_minor", "linkedin"), "whole number"),
        ({"cpm_minor": {"myspace": 10}}, ("cpm_minor", "myspace"), "Not a network"),
        ({"cpm_minor": [659]}, ("cpm_minor",), "keyed by network"),
        ({"cpc_minor": {"x": True}}, ("cpc_minor", "x"), "whole number"),
        ({"brand_engagement_rates": {"linkedin": 0}}, ("brand_engagement_rates", "linkedin"), "above 0"),
        ({"brand_engagement_rates": {"linkedin": 1.2}}, ("brand_engagement_rates", "linkedin"), "at most 1"),
        (
            {"brand_engagement_rates": {"linkedin": "0.0000001"}},
            ("brand_engagement_rates", "linkedin"),
            "at most 6 decimals",
        ),
        ({"brand_engagement_rates": {"linkedin": "NaN"}}, ("brand_engagement_rates", "linkedin"), "above 0"),
        ({"brand_engagement_rates": {"linkedin": "2%"}}, ("brand_engagement_rates", "linkedin"), "0.021 for 2.1%"),
        ({"manager_metrics_scope": "team"}, ("manager_metrics_scope",), "programme, department"),
    ],
)
def test_a_bad_metric_field_is_refused_saying_what_to_send(
    changes: dict[str, Any], where: tuple[str, ...], says: str
) -> None:
    refused = refusals(changes)

    assert list(refused) == [where]
    assert says in refused[where]


def test_every_bad_entry_of_a_map_is_listed_and_nothing_is_applied() -> None:
    refused = refusals({"cpm_minor": {"linkedin": -5, "x": 700, "tiktok": "a lot"}, "currency": "€"})

    assert set(refused) == {("cpm_minor", "linkedin"), ("cpm_minor", "tiktok"), ("currency",)}
