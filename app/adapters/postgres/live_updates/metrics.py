"""Prometheus gauges of the live-updates listener, read from it at each scrape."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from app.adapters.postgres.live_updates.listener import PostgresLiveListener

GAUGES = {
    "relais_live_listening": "1 while this process listens for live updates, 0 while it reconnects.",
    "relais_live_subscriptions": "Live streams (subscriptions, event streams) open on this process.",
    "relais_live_connections_opened": "Listening connections opened since start; more than 1 means it lost one.",
}


class ListenerCollector(Collector):
    def __init__(self, listener: PostgresLiveListener) -> None:
        self._listener = listener

    def describe(self) -> Iterable[Metric]:
        return [GaugeMetricFamily(name, documentation) for name, documentation in GAUGES.items()]

    def collect(self) -> Iterable[Metric]:
        values = {
            "relais_live_listening": int(self._listener.listening.is_set()),
            "relais_live_subscriptions": self._listener.subscriptions,
            "relais_live_connections_opened": self._listener.connections_opened,
        }
        return [GaugeMetricFamily(name, GAUGES[name], value=value) for name, value in values.items()]


@contextmanager
def listener_metrics(registry: CollectorRegistry, listener: PostgresLiveListener) -> Iterator[ListenerCollector]:
    """Expose ``listener`` on ``registry`` while it listens."""
    collector = ListenerCollector(listener)
    registry.register(collector)
    try:
        yield collector
    finally:
        registry.unregister(collector)
