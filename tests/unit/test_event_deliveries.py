"""When a handler fails an event: the waits between tries, the last try, parking and replaying."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from app.domain.deliveries import (
    MAX_ERROR_LENGTH,
    Delivery,
    DeliverySource,
    RetryPolicy,
    abandoned,
    describe_failure,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TENANT = UUID("0196a3b1-2c4d-7e8f-9a0b-1c2d3e4f5a6b")
EVENT = UUID("0196a3d1-3e4f-7a5b-8c6d-7e8f9a0b1c2d")
PARKED_ID = UUID("0196a3f2-1a2b-7c3d-8e4f-5a6b7c8d9e0f")
S = timedelta(seconds=1)


def delivery(attempts: int = 1) -> Delivery:
    return Delivery(
        tenant_id=TENANT,
        event_id=EVENT,
        handler="rewards",
        source=DeliverySource.OUTBOX,
        event_type="share.posted",
        occurred_at=NOW - 5 * S,
        attempts=attempts,
        next_attempt_at=NOW + 60 * S,
    )


@pytest.mark.parametrize(
    ("policy", "failures", "wait"),
    [
        (RetryPolicy(), 1, 5 * S),
        (RetryPolicy(), 2, 10 * S),
        (RetryPolicy(), 3, 20 * S),
        (RetryPolicy(), 9, 1280 * S),
        (RetryPolicy(), 11, 3600 * S),  # 5 s x 2^10 is past the hour: capped
        (RetryPolicy(), 10_000, 3600 * S),  # no overflow however long it fails
        (RetryPolicy(first_delay=30 * S, max_delay=60 * S), 1, 30 * S),
        (RetryPolicy(first_delay=30 * S, max_delay=60 * S), 2, 60 * S),
        (RetryPolicy(first_delay=30 * S, max_delay=60 * S), 3, 60 * S),
        (RetryPolicy(first_delay=0 * S, max_delay=0 * S), 4, 0 * S),
        (RetryPolicy(first_delay=timedelta(milliseconds=250), max_delay=S), 2, timedelta(milliseconds=500)),
    ],
)
def test_the_wait_after_a_failure_doubles_up_to_the_longest(
    policy: RetryPolicy, failures: int, wait: timedelta
) -> None:
    assert policy.delay_after(failures) == wait


def test_the_default_policy_gives_ten_tries_over_about_three_quarters_of_an_hour() -> None:
    policy = RetryPolicy()
    waits = [policy.delay_after(failures) for failures in range(1, policy.max_attempts)]
    assert [wait.total_seconds() for wait in waits] == [5, 10, 20, 40, 80, 160, 320, 640, 1280]
    assert sum(waits, timedelta()) == timedelta(minutes=42, seconds=35)


@pytest.mark.parametrize(
    ("max_attempts", "attempts", "exhausted"),
    [(1, 1, True), (3, 1, False), (3, 2, False), (3, 3, True), (3, 4, True)],
)
def test_a_handler_gets_as_many_tries_as_the_policy_says(max_attempts: int, attempts: int, exhausted: bool) -> None:
    assert RetryPolicy(max_attempts=max_attempts).exhausted(attempts) is exhausted


@pytest.mark.parametrize(
    "arguments",
    [
        {"max_attempts": 0},
        {"first_delay": -S},
        {"first_delay": 10 * S, "max_delay": 5 * S},
    ],
)
def test_a_policy_that_could_not_work_is_refused(arguments: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"\w"):
        RetryPolicy(**arguments)  # type: ignore[arg-type]


def test_no_wait_comes_before_a_failure() -> None:
    with pytest.raises(ValueError, match="failed try"):
        RetryPolicy().delay_after(0)


def test_a_failed_try_is_due_again_after_its_wait_with_its_error_kept() -> None:
    pending = delivery(attempts=3)

    last = pending.failed("KeyError: 'network'", NOW, RetryPolicy())

    assert last is False
    assert pending.next_attempt_at == NOW + 20 * S
    assert pending.last_error == "KeyError: 'network'"
    assert pending.attempts == 3  # counted when the try was taken, not again


def test_the_last_failed_try_parks_the_event_with_its_error() -> None:
    pending = delivery(attempts=3)

    last = pending.failed("KeyError: 'network'", NOW, RetryPolicy(max_attempts=3))
    parked = pending.park(PARKED_ID, NOW)

    assert last is True
    assert (parked.id, parked.event_id, parked.handler, parked.tenant_id) == (PARKED_ID, EVENT, "rewards", TENANT)
    assert (parked.attempts, parked.error, parked.parked_at) == (3, "KeyError: 'network'", NOW)
    assert (parked.event_type, parked.source) == ("share.posted", DeliverySource.OUTBOX)
    assert parked.occurred_at == NOW - 5 * S


def test_a_single_try_policy_parks_at_the_first_failure() -> None:
    assert delivery(attempts=1).failed("boom", NOW, RetryPolicy(max_attempts=1)) is True


@pytest.mark.parametrize(("attempts", "overdue"), [(1, False), (3, False), (4, True), (9, True)])
def test_a_delivery_taken_more_often_than_it_has_tries_is_overdue(attempts: int, overdue: bool) -> None:
    # Taken a fourth time with three tries: the tries that left no failure ended with their worker.
    assert delivery(attempts=attempts).overdue(RetryPolicy(max_attempts=3)) is overdue


def test_an_overdue_delivery_is_parked_saying_its_workers_stopped_and_the_last_error() -> None:
    pending = delivery(attempts=4)
    pending.last_error = "TimeoutError"

    parked = pending.park(PARKED_ID, NOW, abandoned(3, pending.last_error))

    assert parked.error.startswith("All 3 tries were used, the last ones ending with the worker")
    assert parked.error.endswith("the last error recorded: TimeoutError")
    assert abandoned(3, None).startswith("All 3 tries ended with the worker that ran them")


def test_a_replayed_event_is_due_at_once_with_every_try_ahead_and_its_error_kept() -> None:
    pending = delivery(attempts=3)
    pending.failed("KeyError: 'network'", NOW, RetryPolicy(max_attempts=3))
    parked = pending.park(PARKED_ID, NOW)

    replayed = parked.replay(NOW + 3600 * S)

    assert (replayed.attempts, replayed.next_attempt_at) == (0, NOW + 3600 * S)
    assert replayed.last_error == "KeyError: 'network'"
    assert replayed.key == (TENANT, EVENT, "rewards")
    assert (replayed.event_type, replayed.source) == ("share.posted", DeliverySource.OUTBOX)
    assert replayed.occurred_at == NOW - 5 * S


def test_a_failure_is_described_by_its_exception_cut_to_a_readable_length() -> None:
    assert describe_failure(KeyError("network")) == "KeyError: 'network'"
    assert describe_failure(RuntimeError()) == "RuntimeError"
    long = describe_failure(ValueError("x" * 10_000))
    assert len(long) == MAX_ERROR_LENGTH
    assert long.startswith("ValueError: xxx")
    assert long.endswith("…")
