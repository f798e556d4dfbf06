"""Prometheus gauges of the database connection pool, read from the pool at each scrape."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import QueuePool

GAUGES = {
    "relais_db_pool_size": "Connections the pool keeps open (its configured size).",
    "relais_db_pool_checked_out": "Connections currently lent to requests or jobs.",
    "relais_db_pool_overflow": "Connections open beyond the pool size, up to its configured overflow.",
}


class PoolCollector(Collector):
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    def describe(self) -> Iterable[Metric]:
        # Lets the registry refuse a second pool collector without reading the pool.
        return [GaugeMetricFamily(name, documentation) for name, documentation in GAUGES.items()]

    def collect(self) -> Iterable[Metric]:
        pool = self._engine.pool
        if not isinstance(pool, QueuePool):  # NullPool and friends keep nothing to report
            return []
        values = {
            "relais_db_pool_size": pool.size(),
            "relais_db_pool_checked_out": pool.checkedout(),
            # Negative until every pooled connection has been opened once: SQLAlchemy counts from -size.
            "relais_db_pool_overflow": max(pool.overflow(), 0),
        }
        return [GaugeMetricFamily(name, GAUGES[name], value=value) for name, value in values.items()]


@contextmanager
def pool_metrics(registry: CollectorRegistry, engine: AsyncEngine) -> Iterator[PoolCollector]:
    """Expose ``engine``'s pool on ``registry`` while the engine lives."""
    collector = PoolCollector(engine)
    registry.register(collector)
    try:
        yield collector
    finally:
        registry.unregister(collector)
