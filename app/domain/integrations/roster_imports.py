"""A roster import: a file's rows checked and diffed against the roster (the dry run), then applied.

The rules that hold whichever way it is stored:

- each row is read by ``read_record``, as a webhook's ``data`` is (a plain CSV row by
  ``read_plain_cells``, to the same result), so a bad field is refused for the same reason; a bad row
  is reported with its line and column and left out, the others go on;
- ``full`` means the file is the whole roster: an active employee with an external id who is in no
  row is terminated. Employees without an external id were added by hand and are never touched;
- ``partial`` changes only the employees the rows name;
- applying needs the roster as the dry run saw it, and a full import that would terminate more than
  the programme's share of active employees needs that confirmed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import NamedTuple
from uuid import UUID

from app.domain.errors import ValidationFailed
from app.domain.integrations.roster_files import FileKind, RawRow, RowProblem
from app.domain.integrations.roster_records import MAX_LENGTH, ROSTER_FIELDS, Value, read_plain_cells, read_record
from app.domain.integrations.roster_refusals import ImportAlreadyApplied, MassTermination

# The largest file one import takes; bigger rosters are sent as several partial imports.
MAX_ROWS = 100_000
# A full import may terminate up to this share of the active employees without confirmation.
DEFAULT_MASS_TERMINATION_PERCENT = 10
# Bit of each field in a staged row's ``given``: which fields the row gives (a partial record).
FIELD_BITS = {name: 1 << position for position, name in enumerate(ROSTER_FIELDS)}


class ImportMode(StrEnum):
    """``full``: the file is the whole roster. ``partial``: only the rows given."""

    FULL = "full"
    PARTIAL = "partial"


class ImportStatus(StrEnum):
    """``previewed``: the dry run, nothing changed yet. ``applied``: applied to the roster."""

    PREVIEWED = "previewed"
    APPLIED = "applied"


class StagedRow(NamedTuple):
    """A row ready for the staging table: its fields normalised, or the problems that keep it out. A
    named tuple, immutable as a frozen dataclass is, made four times faster: a file makes 100,000."""

    line: int
    external_id: str | None
    values: Mapping[str, Value]
    given: int
    problems: tuple[RowProblem, ...]


def staged(row: RawRow) -> StagedRow:
    """The row read as a roster record; a row with problems keeps its external id when it has a
    readable one, so that a full import never terminates someone whose row is merely wrong."""
    if row.plain and row.cells is not None:
        plain = read_plain_cells(row.cells)  # type: ignore[arg-type]  # a plain row's cells are text
        if plain is not None:
            return StagedRow(row.line, str(plain["external_id"]), plain, _given(tuple(plain)), ())
    problems = list(row.problems)
    values: Mapping[str, Value] = {}
    if row.cells is not None:
        try:
            record = read_record(row.cells)
            values = record.values
        except ValidationFailed as refused:
            problems.extend(RowProblem(str(error.loc[0]), error.message) for error in refused.errors)
    external_id = values.get("external_id") if not problems else _readable_key(row.cells)
    given = _given(tuple(values))
    return StagedRow(row.line, str(external_id) if external_id else None, values, given, tuple(problems))


@cache  # a file's rows give the same fields, row after row
def _given(names: tuple[str, ...]) -> int:
    return sum(FIELD_BITS[name] for name in names)


def _readable_key(cells: Mapping[str, object] | None) -> str | None:
    raw = (cells or {}).get("external_id")
    if isinstance(raw, str) and raw.strip() and len(raw) <= MAX_LENGTH and raw.isprintable():
        return raw.strip()
    return None


@dataclass(frozen=True, slots=True)
class RowError:
    """One bad row's problem, as reported: the line where the row starts, the column, what to fix."""

    line: int
    column: str | None
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DiffCounts:
    """What applying would do (or did): employees added, changed, terminated, and rows that change nothing."""

    create: int = 0
    update: int = 0
    terminate: int = 0
    unchanged: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class RosterImport:
    id: UUID
    tenant_id: UUID
    mode: ImportMode
    status: ImportStatus
    file_kind: FileKind
    rows: int
    bad_rows: int
    error_count: int
    counts: DiffCounts
    active_employees: int
    created_by: str
    created_at: datetime
    applied_by: str | None = None
    applied_at: datetime | None = None
    mass_termination_confirmed: bool = False
    version: int = 1

    def require_applicable(self, *, percent: int, confirmed: bool) -> None:
        """Refuse a second apply, and a mass termination nobody confirmed."""
        if self.status is ImportStatus.APPLIED:
            raise ImportAlreadyApplied()
        if (
            self.mode is ImportMode.FULL
            and not confirmed
            and is_mass_termination(self.counts.terminate, self.active_employees, percent)
        ):
            raise MassTermination(self.counts.terminate, self.active_employees, percent)


def is_mass_termination(terminations: int, active: int, percent: int) -> bool:
    """More than ``percent`` of the active employees: 11 of 100 is, 10 of 100 is not."""
    return terminations * 100 > active * percent


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportDraft:
    """What the dry run is asked for, before any row is read."""

    id: UUID
    tenant_id: UUID
    mode: ImportMode
    file_kind: FileKind
    created_by: str
    created_at: datetime
