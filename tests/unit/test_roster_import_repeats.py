"""Repeated keys and addresses noted as a roster file streams in: every line whose key or address an
earlier line had, whichever batches the rows come in, so that the dry run's check needs to look at
those values only."""

from __future__ import annotations

from app.adapters.postgres.integrations.import_repeats import Repeats
from app.domain.integrations.roster_imports import StagedRow


def row(line: int, key: str | None, email: str | None = None) -> StagedRow:
    values = {} if email is None else {"email": email}
    return StagedRow(line, key, values, 0, ())


def test_lines_repeating_a_key_or_an_address_are_noted_across_batches() -> None:
    repeats = Repeats()

    repeats.see([row(2, "E1", "a@x.example"), row(3, "E2", "b@x.example"), row(4, None, "c@x.example")])
    repeats.see([row(5, "E3", "B@x.example"), row(6, "E1"), row(7, "E1"), row(8, None)])

    assert sorted(repeats.key_lines) == [6, 7]
    assert sorted(repeats.address_lines or []) == [5]


def test_a_batch_without_repeats_notes_nothing() -> None:
    repeats = Repeats()

    repeats.see([row(line, f"E{line}", f"p{line}@x.example") for line in range(2, 600)])

    assert (repeats.key_lines, repeats.address_lines) == ([], [])


def test_an_address_that_is_not_ascii_leaves_every_row_to_the_check() -> None:
    repeats = Repeats()

    repeats.see([row(2, "E1", "zoë@x.example"), row(3, "E2", "zoe@x.example")])

    assert repeats.address_lines is None
