"""The ids Relais makes: UUIDv7 in the order they were made, whose time is the clock's even when
thousands are made within one millisecond."""

from __future__ import annotations

import time
from uuid import UUID

from app.adapters.system import Uuid7Generator


def _milliseconds(value: UUID) -> int:
    return value.int >> 80


def test_ids_are_version_7_of_rfc_9562() -> None:
    made = Uuid7Generator().new_id()
    assert made.version == 7
    assert made.variant == "specified in RFC 4122"


def test_ids_made_in_a_burst_keep_the_order_they_were_made_in_and_the_clocks_time() -> None:
    ids = Uuid7Generator()
    before = time.time_ns() // 1_000_000
    made = [ids.new_id() for _ in range(200_000)]
    after = time.time_ns() // 1_000_000

    assert made == sorted(made)
    assert len(set(made)) == len(made)
    # A generator that adds a millisecond per id made within one would be 200 seconds ahead here.
    assert before <= _milliseconds(made[0]) <= _milliseconds(made[-1]) <= after + 1


def test_an_id_is_a_standard_uuid_equal_to_its_own_text_read_back() -> None:
    made = Uuid7Generator().new_id()
    read_back = UUID(str(made))
    assert isinstance(made, UUID)
    assert (made == read_back, read_back == made, hash(made) == hash(read_back)) == (True, True, True)
    assert (made.int, made.bytes, made.hex) == (read_back.int, read_back.bytes, read_back.hex)
    assert {made: "click"}[read_back] == "click"
