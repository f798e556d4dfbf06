"""Roster files read as they arrive: bytes in, one raw record per row out, each with its line.

Real exports are messy, so the reader copes with what HRIS and spreadsheets write: a byte-order
mark, ``;`` or tab separators (sniffed from the header line), CRLF line ends, blank lines, quoted
cells holding line breaks. A line that is not UTF-8 (Latin-1 saved by a spreadsheet, say) is not
guessed at: its row is refused, naming the line and the cell, so that nobody's name is stored
garbled. What cannot be read at all (no header, an unknown column) refuses the whole file.

The reader is fed chunk by chunk and keeps at most one row in memory, never the file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.integrations.roster_records import FIELDS, MAX_LENGTH, ROSTER_FIELDS
from app.domain.integrations.roster_refusals import RosterFileTooLarge, RosterFileUnreadable
from app.domain.messages import Message

BOM = "\ufeff"
SEPARATORS = (",", ";", "\t")
# Far longer than any row of the roster's ten fields: a longer one is a file that is not a roster.
MAX_ROW_CHARACTERS = 64 * 1024
NOT_UTF8 = (
    "Line {line} is not UTF-8 (the file may be Latin-1 or Windows-1252); save the file as UTF-8 and send it again."
)


class FileKind(StrEnum):
    """The two formats a roster file may come in."""

    CSV = "text/csv"
    NDJSON = "application/x-ndjson"


def kind_of(content_type: str) -> FileKind | None:
    """The file kind a ``Content-Type`` names, parameters aside; None for any other type."""
    sent = content_type.split(";")[0].strip().lower()
    return next((kind for kind in FileKind if kind.value == sent), None)


def other_type_refused(content_type: str) -> Message:
    """What to say to a file sent as another type."""
    return Message(
        "Send the file as {accepted}, not {content_type}.",
        accepted=" or ".join(kind.value for kind in FileKind),
        content_type=content_type.split(";")[0].strip() or "without a Content-Type",
    )


@dataclass(frozen=True, slots=True)
class RowProblem:
    """What is wrong with one row: the column (None for the row as a whole) and what to fix."""

    column: str | None
    message: str


@dataclass(slots=True)
class RawRow:
    """A row as the file gives it: cells by field name (``None`` when the row could not be split).
    ``plain``: a CSV row whose cells are all plain (see ``read_plain_cells``), which the reader
    tells from the whole line at once."""

    line: int
    cells: dict[str, object] | None
    problems: list[RowProblem] = field(default_factory=list)
    plain: bool = False


def header_refused(message: str, column: str = "header") -> RosterFileUnreadable:
    return RosterFileUnreadable(message, column)


class RosterFileReader:
    """Feed it chunks with ``feed``, then ``finish``; each gives the rows completed so far.

    Lines are counted from 1 as an editor shows them (the header is line 1 of a CSV file), so a row
    error names the line where its row starts."""

    def __init__(self, kind: FileKind, *, max_rows: int) -> None:
        self.kind = kind
        self.max_rows = max_rows
        self.rows = 0
        self._pending = b""
        self._line = 0
        self._record: list[str] = []
        self._record_start = 0
        self._record_bad = False
        self._quoted = False
        self._header: list[str] | None = None
        self._separator = ","

    def feed(self, chunk: bytes) -> Iterator[RawRow]:
        self._pending += chunk
        cut = self._pending.rfind(b"\n")
        if cut < 0:
            if len(self._pending) > MAX_ROW_CHARACTERS * 4:
                raise header_refused(
                    Message("Line {line} is longer than any roster row; is this a roster file?", line=self._line + 1),
                    "body",
                )
            return
        complete, self._pending = self._pending[:cut], self._pending[cut + 1 :]
        try:
            # One decoding for the chunk's lines; a line break is never part of another UTF-8 character.
            texts = complete.decode("utf-8").split("\n")
        except UnicodeDecodeError:
            for raw in complete.split(b"\n"):
                yield from self._physical(raw)
            return
        for text in texts:
            if self._record or self._header is None or '"' in text:
                yield from self._text(text, bad=False)
            elif row := self._simple(text):
                yield row

    def finish(self) -> Iterator[RawRow]:
        if self._pending:
            yield from self._physical(self._pending)
            self._pending = b""
        if self._record:
            if self.kind is FileKind.CSV and self._quoted:
                yield self._unclosed()
            else:
                yield from self._complete()
        if self._header is None and self.kind is FileKind.CSV:
            raise header_refused(
                Message("The file is empty; its first line names the columns: {fields}.", fields=FIELDS)
            )

    def _physical(self, raw: bytes) -> Iterator[RawRow]:
        try:
            text, bad = raw.decode("utf-8"), False
        except UnicodeDecodeError:
            text, bad = raw.decode("utf-8", errors="replace"), True
            if self.kind is FileKind.CSV and self._header is None:
                raise header_refused(Message(NOT_UTF8, line=self._line + 1)) from None
        yield from self._text(text, bad=bad)

    def _simple(self, text: str) -> RawRow | None:
        """The common row: one line, no quotes, so the separator alone splits it (None: a blank row,
        a line of separators alone, as spreadsheets leave at the end). Called for each such line
        without a generator of its own, as most lines are."""
        self._line += 1
        text = text.removesuffix("\r")
        separator, header = self._separator, self._header or []
        joined = text.replace(separator, "")
        if not joined.strip():
            return None
        cells = text.split(separator)
        if len(cells) != len(header):
            return self._counted(self._cells(self._line, cells, bad=False))
        cells_by_name: dict[str, object] = dict(zip(header, cells, strict=True))
        return self._counted(RawRow(self._line, cells_by_name, [], _plain(text, joined, separator)))

    def _text(self, text: str, *, bad: bool) -> Iterator[RawRow]:
        if not self._record and not bad and self._header is not None and '"' not in text:
            if row := self._simple(text):
                yield row
            return
        self._line += 1
        text = text.removesuffix("\r")
        if self._line == 1:
            text = text.removeprefix(BOM)
        self._record_bad = self._record_bad or bad
        if not self._record:
            if not text.strip():
                self._record_bad = False
                return
            self._record_start = self._line
        self._record.append(text)
        if sum(len(part) for part in self._record) > MAX_ROW_CHARACTERS:
            raise header_refused(
                Message("The row starting on line {line} is longer than any roster row.", line=self._record_start),
                "body",
            )
        if self.kind is FileKind.CSV and text.count('"') % 2:
            self._quoted = not self._quoted
        if not self._quoted:
            yield from self._complete()

    def _complete(self) -> Iterator[RawRow]:
        record, line, bad = self._record, self._record_start, self._record_bad
        self._record, self._record_bad = [], False
        if self.kind is FileKind.NDJSON:
            yield self._counted(_json_row(line, record[0], bad))
        elif self._header is None:
            self._read_header(record)
        else:
            row = self._csv_row(line, record, bad)
            if row is not None:
                yield self._counted(row)

    def _counted(self, row: RawRow) -> RawRow:
        self.rows += 1
        if self.rows > self.max_rows:
            raise RosterFileTooLarge(self.max_rows)
        return row

    def _unclosed(self) -> RawRow:
        problem = RowProblem(None, Message("A quote opened on line {line} is never closed.", line=self._record_start))
        return self._counted(RawRow(self._record_start, None, [problem]))

    def _read_header(self, record: list[str]) -> None:
        line = record[0]
        self._separator = max(SEPARATORS, key=lambda separator: _outside_quotes(line, separator))
        names = [name.strip().lower() for name in next(csv.reader(_lines(record), delimiter=self._separator))]
        unknown = [name for name in names if name not in ROSTER_FIELDS]
        if unknown:
            raise header_refused(
                Message(
                    "Unknown columns: {unknown}. Rename or remove them; the columns a roster file may have are: "
                    "{fields}.",
                    unknown=", ".join(repr(name) for name in unknown),
                    fields=FIELDS,
                )
            )
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise header_refused(Message("Columns named twice: {columns}; keep one.", columns=", ".join(repeated)))
        if "external_id" not in names:
            raise header_refused("The external_id column is missing: it is how employees are matched.")
        self._header = names

    def _csv_row(self, line: int, record: list[str], bad: bool) -> RawRow | None:
        try:
            cells = next(csv.reader(_lines(record), delimiter=self._separator, strict=True))
        except csv.Error:
            problem = RowProblem(None, "A quote is misplaced: quote whole cells, and double quotes inside them.")
            return RawRow(line, None, [problem])
        if not any(cell.strip() for cell in cells):
            return None  # a row of empty cells: a blank line
        return self._cells(line, cells, bad=bad)

    def _cells(self, line: int, cells: list[str], *, bad: bool) -> RawRow:
        header = self._header or []
        if len(cells) != len(header):
            message = Message(
                "The row has {cells} cells where the header names {columns}; check the separators and quotes.",
                cells=len(cells),
                columns=len(header),
            )
            return RawRow(line, None, [RowProblem(None, message)])
        row = RawRow(line, dict(zip(header, cells, strict=True)))
        if bad:
            garbled: list[str | None] = [name for name, cell in zip(header, cells, strict=True) if "\ufffd" in cell]
            row.problems.extend(RowProblem(column, Message(NOT_UTF8, line=line)) for column in garbled or [None])
        return row


def _json_row(line: int, text: str, bad: bool) -> RawRow:
    if bad:
        return RawRow(line, None, [RowProblem(None, Message(NOT_UTF8, line=line))])
    try:
        value = json.loads(text)
    except ValueError:
        return RawRow(line, None, [RowProblem(None, "Not a JSON object: each line holds one employee as JSON.")])
    if not isinstance(value, dict):
        return RawRow(line, None, [RowProblem(None, "Not a JSON object: each line holds one employee as JSON.")])
    return RawRow(line, value)


def _lines(record: list[str]) -> list[str]:
    """The record's physical lines as the csv module wants them, so that quoted line breaks stay."""
    return [text + "\n" for text in record]


def _plain(text: str, joined: str, separator: str) -> bool:
    """Every cell of the unquoted line ``text`` (``joined``: its cells end to end) is printable ASCII
    with no space at either end, and none is longer than a field may be (the line is not)."""
    return (
        len(text) <= MAX_LENGTH
        and joined.isascii()
        and joined.isprintable()
        and text[0] != " "
        and text[-1] != " "
        and separator + " " not in text
        and " " + separator not in text
    )


def _outside_quotes(line: str, separator: str) -> int:
    return sum(part.count(separator) for part in line.split('"')[::2])
