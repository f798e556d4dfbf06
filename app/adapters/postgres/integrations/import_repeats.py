"""The rows of a roster file whose external id, or address, an earlier row may have had too, noted as
the rows stream into staging, so that the dry run's check groups those rows, and the rows they share
it with, instead of the whole file.

Never fewer than the check would find: values are compared by their hashes (a collision only adds a
line to look at), addresses lowered, and an address that is not ASCII leaves the lowering to
PostgreSQL (``address_lines`` is then None: the check counts every row). Rows are noted a batch at a
time: a batch without repeats, the usual one, costs a few passes in C and keeps one hash per value.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.integrations.roster_imports import StagedRow


class Repeats:
    def __init__(self) -> None:
        self.key_lines: list[int] = []
        self.address_lines: list[int] | None = []
        self._keys: set[int] = set()
        self._addresses: set[int] = set()

    def see(self, rows: Sequence[StagedRow]) -> None:
        _note(self._keys, self.key_lines, [row.external_id for row in rows], rows)
        if self.address_lines is None:
            return
        emails = [row.values.get("email") for row in rows]
        joined = "\n".join(email for email in emails if isinstance(email, str))  # an address holds no line break
        if not joined.isascii():
            self.address_lines = None
            return
        lowered = iter(joined.lower().split("\n"))
        _note(
            self._addresses, self.address_lines, [next(lowered) if isinstance(e, str) else None for e in emails], rows
        )


def _note(seen: set[int], found: list[int], values: list[str | None], rows: Sequence[StagedRow]) -> None:
    """Add the hashes of ``values`` (one per row, None for none) to ``seen``, noting the line of each row
    whose value was seen before."""
    given = [value for value in values if value is not None]
    hashes = set(map(hash, given))
    if len(hashes) == len(given) and seen.isdisjoint(hashes):
        seen |= hashes
        return
    for value, row in zip(values, rows, strict=True):
        if value is None:
            continue
        value_hash = hash(value)
        if value_hash in seen:
            found.append(row.line)
        else:
            seen.add(value_hash)
