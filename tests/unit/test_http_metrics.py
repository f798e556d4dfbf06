"""The HTTP metrics as a scraper reads them: a counter and a histogram per label set."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from app.api.observability import HttpMetrics


def scraped(observations: list[tuple[str, str, int, float]]) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    registry = CollectorRegistry()
    metrics = HttpMetrics(registry)
    for observation in observations:
        metrics.observe(*observation)
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(generate_latest(registry).decode())
        for sample in family.samples
    }


def test_requests_are_counted_per_method_route_and_status_with_unknown_methods_as_other() -> None:
    samples = scraped(
        [("GET", "/r/{code}", 302, 0.001)] * 3 + [("GET", "/r/{code}", 404, 0.001), ("BREW", "/", 200, 1)]
    )
    counts = {labels: value for (name, labels), value in samples.items() if name == "relais_http_requests_total"}
    assert counts == {
        (("method", "GET"), ("route", "/r/{code}"), ("status", "302")): 3.0,
        (("method", "GET"), ("route", "/r/{code}"), ("status", "404")): 1.0,
        (("method", "other"), ("route", "/"), ("status", "200")): 1.0,
    }
    assert all(
        value > 1e9 for (name, _), value in samples.items() if name == "relais_http_requests_created"
    )  # a Unix time
    assert len([name for name, _ in samples if name == "relais_http_requests_created"]) == 3


def test_durations_fall_in_cumulative_buckets_whose_bound_holds_them() -> None:
    samples = scraped([("GET", "/r/{code}", 302, seconds) for seconds in (0.001, 0.005, 0.0051, 0.3, 11.0)])

    def bucket(bound: str) -> float:
        return samples[
            ("relais_http_request_duration_seconds_bucket", (("le", bound), ("method", "GET"), ("route", "/r/{code}")))
        ]

    assert [bucket(bound) for bound in ("0.005", "0.01", "0.25", "0.5", "10.0", "+Inf")] == [2, 3, 3, 4, 4, 5]
    labels = (("method", "GET"), ("route", "/r/{code}"))
    assert samples[("relais_http_request_duration_seconds_count", labels)] == 5
    assert abs(samples[("relais_http_request_duration_seconds_sum", labels)] - 11.3111) < 1e-9
    assert samples[("relais_http_request_duration_seconds_created", labels)] > 1e9
