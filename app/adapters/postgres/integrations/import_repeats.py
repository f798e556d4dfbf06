"""The rows of a roster file whose external id, or address, another row may have too, noted as the rows
stream into staging, so that the dry run's check groups those rows only instead of the whole file.

Never fewer than the check would find: values are compared by their hashes (a collision only adds a
line to look at), addresses lowered, and an address that is not ASCII leaves the lowering to
PostgreSQL (``address_lines`` is then None: the check looks at every row). Rows are noted a batch at
a time: a batch without repeats, the usual one, costs a few passes in C.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.integrations.roster_imports import StagedRow


class Repeats:
    def __init__(self) -> None:
        self.key_lines: list[int] = []
        self.address_lines: list[int] | None = []
        self._keys: dict[int, int] = {}
        self._addresses: dict[int, int] = {}

    def see(self, rows: Sequence[StagedRow]) -> None:
        _note(self._keys, self.key_lines, [(hash(row.external_id), row.line) for row in rows if row.external_id])
        if self.address_lines is None:
            return
        given = [(email, row.line) for row in rows if isinstance(email := row.values.get("email"), str)]
        if not given:
            return
        emails = "\n".join(email for email, _ in given)  # an address holds no line break
        if not emails.isascii():
            self.address_lines = None
            return
        lowered = zip(emails.lower().split("\n"), given, strict=True)
        _note(self._addresses, self.address_lines, [(hash(email), line) for email, (_, line) in lowered])


def _note(firsts: dict[int, int], found: list[int], seen: list[tuple[int, int]]) -> None:
    """Note the lines of ``seen`` (value, line) whose value another row had, and that row's line too the
    first time (its line then set to 0)."""
    batch = dict(seen)
    if len(batch) == len(seen) and firsts.keys().isdisjoint(batch):
        firsts.update(batch)
        return
    for value, line in seen:
        first = firsts.setdefault(value, line)
        if first != line:
            found.append(line)
            if first:
                found.append(first)
                firsts[value] = 0
