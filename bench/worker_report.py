"""The figures of ``bench.worker``, from the samples of the worker's ``/metrics``, and their section of
``bench/RESULTS.md``."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.domain.events import EventType
from bench.harness import Run
from bench.measure import machine

CLICK = EventType.CLICK_RECORDED.value
HANDLERS = ("rewards", "badges", "leaderboard-rollups")
STATS_FLUSH = 11  # idle backends report their transactions to pg_stat_database within ~10 s


@dataclass(slots=True)
class Sample:
    """One reading of ``/metrics``: lag by source, handler completions by (event type, handler) and
    outbox events taken by type, the counters since the worker process started."""

    at: float
    lag: dict[str, float] = field(default_factory=dict)
    handled: dict[tuple[str, str], float] = field(default_factory=dict)
    taken: dict[str, float] = field(default_factory=dict)

    @property
    def events(self) -> tuple[float, float]:
        return sum(self.handled.values()), sum(self.taken.values())

    @property
    def clicks(self) -> float:
        """Clicks handed over: each goes to every click handler, so the least any of them handled."""
        return min((value for (kind, _), value in self.handled.items() if kind == CLICK), default=0.0)

    @property
    def outbox(self) -> float:
        return sum(self.taken.values())


def _at(samples: Sequence[Sample], instant: float) -> Sample:
    """The last sample taken by ``instant`` (the first one if none was)."""
    before = [sample for sample in samples if sample.at <= instant]
    return before[-1] if before else samples[0]


def settled(samples: Sequence[Sample], since: float) -> float:
    """Seconds from ``since`` to the sample where the counters last moved: the last event handed over."""
    last = since
    for previous, sample in itertools.pairwise(samples):
        if sample.at > since and sample.events != previous.events:
            last = sample.at
    return last - since


@dataclass(slots=True)
class Drain:
    """The worker alone on its backlog after the last phase: ``first`` and ``last`` are the samples the
    transactions were counted between; ``remaining`` the clicks still unread when the wait ended."""

    start: float
    first: Sample
    last: Sample
    commits: int
    caught_up: bool
    remaining: int

    @property
    def clicks(self) -> float:
        return self.last.clicks - self.first.clicks

    def rate(self, samples: Sequence[Sample]) -> float:
        """Clicks handed over per second from ``first`` to the last sample where the counters moved."""
        moving = [sample for sample in samples if self.first.at <= sample.at <= self.last.at]
        end = self.first
        for previous, sample in itertools.pairwise(moving):
            if sample.events != previous.events:
                end = sample
        seconds = end.at - self.first.at
        return (end.clicks - self.first.clicks) / seconds if seconds > 0 else float("nan")


@dataclass(slots=True)
class Loaded:
    """wrk on the redirect with the worker running, its metrics read every second."""

    run: Run
    clicks: int
    start: float
    end: float
    samples: list[Sample]
    began: datetime
    ended: datetime
    markers: dict[str, int] = field(default_factory=dict)  # handler runs begun during the load, by handler

    def during(self) -> list[Sample]:
        return [sample for sample in self.samples if self.start <= sample.at <= self.end]

    def counted(self) -> tuple[float, float, float, float]:
        """Seconds between the readings around the load, and the clicks handed over, outbox events taken
        and handler runs finished between them."""
        first, last = _at(self.samples, self.start), _at(self.samples, self.end)
        handled = last.events[0] - first.events[0]
        return last.at - first.at, last.clicks - first.clicks, last.outbox - first.outbox, handled

    def rates(self) -> tuple[float, float, float]:
        seconds, *counts = self.counted()
        return tuple(count / seconds if seconds > 0 else 0.0 for count in counts)  # type: ignore[return-value]

    def lags(self, source: str) -> list[float]:
        return [sample.lag[source] for sample in self.during() if source in sample.lag]

    def lag_zero_after(self) -> float | None:
        """Seconds after wrk stopped when both lag gauges first read 0."""
        for sample in self.samples:
            if sample.at > self.end and sample.lag and not any(sample.lag.values()):
                return sample.at - self.end
        return None


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _lag(values: Sequence[float]) -> str:
    if not values:
        return "n/a"
    return f"p50 {_median(values):.0f} s, max {max(values):.0f} s"


def worker_report(
    alone: Sequence[Run],
    loaded: Sequence[Loaded],
    drain: Drain,
    ledger: Mapping[str, int],
    share_count: int,
    loads: tuple[tuple[float, ...], tuple[float, ...]],
    args: Any,
) -> str:
    without = _median([run.requests_per_second for run in alone])
    beside = _median([each.run.requests_per_second for each in loaded])
    rates = [each.rates() for each in loaded]
    totals = [sum(values) for values in zip(*(each.counted() for each in loaded), strict=True)]
    click_rate, outbox_rate, handler_rate = (count / totals[0] if totals[0] else 0.0 for count in totals[1:])
    seconds = sum((each.ended - each.began).total_seconds() for each in loaded)
    markers = {name: sum(each.markers.get(name, 0) for each in loaded) / seconds for name in HANDLERS}
    recorded = _median([each.clicks / args.seconds for each in loaded])
    final = loaded[-1]
    drain_rate = drain.rate(final.samples)
    per_click = drain.commits / drain.clicks if drain.clicks else float("nan")
    lags = {source: [lag for each in loaded for lag in each.lags(source)] for source in ("clicks", "outbox")}
    rows = [
        "## Worker",
        "",
        f"Rounds: {len(loaded)}, each the redirect driven by wrk with the worker stopped, then running. Rates "
        "under load are over every phase with the worker together: its counters move when a round of its work "
        "ends, up to 100 clicks per click handler at a time.",
        "",
        "| figure | value |",
        "| --- | ---: |",
        f"| clicks recorded per second by the redirect, worker running (median) | {recorded:.0f} |",
        f"| clicks handed over per second by the worker, under that load | {click_rate:.1f} |",
        f"| outbox events taken per second, under that load | {outbox_rate:.1f} |",
        f"| handler runs finished per second (2 a click, 1 a `points.awarded`), under that load | {handler_rate:.1f} |",
        f"| the same from the handlers' once-only markers (`handled_events.handled_at`): clicks per second "
        f"(rewards, badges) | {markers['rewards']:.1f}, {markers['badges']:.1f} |",
        f"| `points.awarded` events per second through the rollups, from the markers | "
        f"{markers['leaderboard-rollups']:.1f} |",
        f"| clicks handed over per second, the worker alone on its backlog | {drain_rate:.0f} |",
        f"| transactions committed per click handed over, alone (pg_stat_database) | {per_click:.2f} |",
        f"| lag of the clicks under load (gauge, every round) | {_lag(lags['clicks'])} |",
        f"| lag of the outbox under load | {_lag(lags['outbox'])} |",
        f"| redirect throughput with the worker running / stopped (medians) | **{beside / without:.2f}x** |",
        "",
        "Redirect, worker stopped vs running: "
        + "; ".join(
            f"round {number}: {before.requests_per_second:.0f} vs {each.run.requests_per_second:.0f} requests/s "
            f"(p99 {before.p99_ms:.1f} vs {each.run.p99_ms:.1f} ms)"
            for number, (before, each) in enumerate(zip(alone, loaded, strict=True), start=1)
        )
        + ".",
        "",
        "Under load, per round: "
        + "; ".join(
            f"round {number}: {each.clicks} clicks recorded, {rate[0]:.1f} handed over per second by the "
            f"counters, {each.markers.get('rewards', 0)} rewards and {each.markers.get('badges', 0)} badges "
            "handler runs begun by the markers, "
            f"clicks' lag {_lag(each.lags('clicks'))}"
            for number, (each, rate) in enumerate(zip(loaded, rates, strict=True), start=1)
        )
        + ". The lag gauge is the age of the oldest click or outbox event a handler has still to handle; the "
        "worker refreshes it every 5 s, read here every second. The worker keeps its backlog from one round to "
        "the next, so the lag grows across rounds. A counted click's rewards run reads the velocity guard's "
        "count of the share's counted clicks in the last 10 minutes, with their distinct visitors: at this load "
        "thousands a share, so a click costs more the longer the load lasts, which the rates alone and under "
        "load both reflect.",
        "",
        _catch_up(final, drain, drain_rate, args),
        "",
        _ledger(ledger),
        "",
        _conditions(share_count, loads, args),
        "",
    ]
    return "\n".join(rows)


def _catch_up(final: Loaded, drain: Drain, rate: float, args: Any) -> str:
    zero = final.lag_zero_after()
    if drain.caught_up and zero is not None:
        return (
            f"Catching up: after the last phase the worker handed its last event over "
            f"{settled(final.samples, final.end):.0f} s after wrk stopped; the lag gauge read 0 after {zero:.0f} s."
        )
    projected = drain.remaining / rate if rate > 0 else float("nan")
    return (
        f"Catching up: the worker had not caught up {args.catch_up:.0f} s after wrk stopped (the wait allowed): "
        f"{drain.remaining} clicks were still unread, about **{projected:.0f} s** more at its rate alone, so "
        f"about {args.catch_up + projected:.0f} s in all to bring the lag back to 0 after "
        f"{args.rounds} phases of {args.seconds} s under load."
    )


def _ledger(ledger: Mapping[str, int]) -> str:
    return (
        f"Clicks earn points: {ledger['clicks']} clicks recorded, {ledger['counted']} counted (unique visitors); "
        f"the rewards handler wrote {ledger['entries']} `counted_click` ledger entries, {ledger['earning']} "
        f"earning points ({ledger['points']} in all) and {ledger['capped']} stopped by a cap (the default rule "
        "set: 2 points a counted click, at most 100 a day per ambassador and 60 per share, so with 5 ambassadors "
        "the first 250 counted clicks of the day earn and the rest are written at 0 points, the cap named); "
        f"{ledger['awarded']} `points.awarded` events went through the outbox to the rollups."
    )


def _conditions(share_count: int, loads: tuple[tuple[float, ...], tuple[float, ...]], args: Any) -> str:
    return (
        f"`GET /r/{{code}}` over the seed's {share_count} shares (5 ambassadors), every request a recorded click "
        "from an address drawn at random in 10.0.0.0/8 (so from 65 536 networks: the redirect counts at most 5 "
        "a day per network and share), sent by wrk's Lua script in `X-Forwarded-For` and believed through the "
        f"trusted-proxy rule (RELAIS_TRUSTED_PROXIES=127.0.0.1); wrk, 1 thread, {args.connections} connections, "
        f"{args.seconds} s per phase. `relais serve` (one uvicorn process) and `relais worker` (one process, the "
        "handlers of app/bootstrap.py: rewards and badges read the clicks, leaderboard rollups the "
        "`points.awarded` events; batches of 100, clicks read once 2 s old) at RELAIS_LOG_LEVEL=warning, "
        "sharing the machine with wrk and PostgreSQL. The worker is stopped (SIGTERM) for each phase without it, "
        "whose clicks are then deleted unread, and started again for the phase with it. Transactions are "
        "counted from pg_stat_database's commit counter while the worker works alone after the last phase, from "
        f"{STATS_FLUSH} s after wrk stopped (once the server's idle connections have reported theirs) to the "
        "end of the wait, idle rounds included; a handler's unit of work holds several statements in one "
        "transaction.\n\n"
        f"Machine: {machine()}; PostgreSQL on 127.0.0.1; load average (1/5/15 min) "
        f"{' / '.join(f'{v:.1f}' for v in loads[0])} before, {' / '.join(f'{v:.1f}' for v in loads[1])} after. "
        f"Date: {datetime.now(UTC):%Y-%m-%d}."
    )
