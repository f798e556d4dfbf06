"""Buckets cut into the whole UTC days read from the daily rollup and the hours at their edges."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.adapters.postgres.metrics.programme_sql import ranges


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_a_paris_month_reads_its_whole_utc_days_and_the_hours_on_either_side() -> None:
    # March 2026 in Paris: from 23:00 UTC on 28 February to 22:00 UTC on 31 March (summer time).
    cut = ranges([("2026-03-01", at("2026-02-28T23:00"), at("2026-03-31T22:00"))])
    assert (cut.day_keys, cut.first_days, cut.after_days) == (["2026-03-01"], [date(2026, 3, 1)], [date(2026, 3, 31)])
    assert list(zip(cut.hour_keys, cut.first_hours, cut.after_hours, strict=True)) == [
        ("2026-03-01", at("2026-02-28T23:00"), at("2026-03-01T00:00")),
        ("2026-03-01", at("2026-03-31T00:00"), at("2026-03-31T22:00")),
    ]


def test_a_utc_bucket_reads_days_alone_and_a_short_one_hours_alone() -> None:
    whole = ranges([("total", at("2026-01-01T00:00"), at("2026-02-01T00:00"))])
    assert (whole.first_days, whole.after_days, whole.hour_keys) == ([date(2026, 1, 1)], [date(2026, 2, 1)], [])
    paris_day = ranges([("2026-03-29", at("2026-03-28T23:00"), at("2026-03-29T22:00"))])
    assert paris_day.day_keys == []
    assert list(zip(paris_day.first_hours, paris_day.after_hours, strict=True)) == [
        (at("2026-03-28T23:00"), at("2026-03-29T22:00"))
    ]
