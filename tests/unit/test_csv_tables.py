"""CSV as spreadsheets open it: RFC 4180 quoting, formula cells neutralised while numbers stay numbers,
the semicolon with decimal commas, the byte-order mark, chunks, and rows closed however reading ends."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from uuid import UUID

import pytest

from app.api.rest.metrics.csv_tables import CHUNK_CHARACTERS, Separator, cell_text, csv_chunks, neutralised
from app.ports.metrics import Cell, ExportTable, Rows


class Closing:
    """Rows that record whether they were closed."""

    def __init__(self, rows: Sequence[Sequence[Cell]]) -> None:
        self.rows = rows
        self.closed = False

    async def stream(self) -> Rows:
        try:
            for row in self.rows:
                yield row
        finally:
            self.closed = True


async def written(rows: Sequence[Sequence[Cell]], separator: Separator = Separator.COMMA, bom: bool = False) -> bytes:
    table = ExportTable(columns=("a", "b"), rows=Closing(rows).stream())
    return b"".join([chunk async for chunk in csv_chunks(table, separator=separator, bom=bom)])


@pytest.mark.parametrize("text", ["=1+1", "+33 6 12", "-5 for spam", "@SUM(A1)", "\tindent", "\rreturn"])
def test_text_a_spreadsheet_would_run_starts_with_a_quote(text: str) -> None:
    assert neutralised(text) == "'" + text
    assert cell_text(text) == "'" + text


@pytest.mark.parametrize("text", ["Ada", " =leading space", "1-2", "a=b", ""])
def test_other_text_is_left_as_it_is(text: str) -> None:
    assert cell_text(text) == text


def test_numbers_the_server_writes_stay_numbers_even_when_negative() -> None:
    assert cell_text(-40) == "-40"
    assert cell_text(Decimal("-0.2500")) == "-0.2500"
    assert cell_text(-1.5) == "-1.5"
    assert cell_text(Decimal("1.5"), decimal_comma=True) == "1,5"
    assert cell_text(Decimal("1E+2")) == "100"


def test_other_cells_are_written_plainly() -> None:
    paris = timezone(timedelta(hours=1))
    assert cell_text(datetime(2026, 3, 1, 10, 0, tzinfo=paris)) == "2026-03-01T09:00:00Z"
    assert cell_text(date(2026, 3, 1)) == "2026-03-01"
    assert cell_text(True) == "true"
    assert cell_text(False) == "false"
    assert cell_text(None) == ""
    assert cell_text(UUID(int=1)) == "00000000-0000-0000-0000-000000000001"


async def test_cells_with_separators_quotes_and_line_breaks_are_quoted_per_rfc_4180() -> None:
    text = (await written([("Hello, world", 'say "hi"'), ("two\nlines", 3)])).decode()

    assert text == 'a,b\r\n"Hello, world","say ""hi"""\r\n"two\nlines",3\r\n'
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["a", "b"],
        ["Hello, world", 'say "hi"'],
        ["two\nlines", "3"],
    ]


async def test_a_semicolon_file_quotes_semicolons_and_writes_decimal_commas() -> None:
    text = (await written([("a;b, c", Decimal("0.25"))], Separator.SEMICOLON)).decode()

    assert text == 'a;b\r\n"a;b, c";0,25\r\n'


async def test_a_byte_order_mark_opens_the_file_only_when_asked() -> None:
    assert (await written([("é", 1)], bom=True)).startswith(b"\xef\xbb\xbfa,b\r\n")
    assert (await written([("é", 1)])) == "a,b\r\né,1\r\n".encode()


async def test_a_long_table_comes_in_chunks_of_bounded_size() -> None:
    rows = [(f"row {n}", n) for n in range(20_000)]
    table = ExportTable(columns=("a", "b"), rows=Closing(rows).stream())

    chunks = [chunk async for chunk in csv_chunks(table, separator=Separator.COMMA, bom=False)]

    assert len(chunks) > 3
    assert max(len(chunk) for chunk in chunks) < CHUNK_CHARACTERS + 100
    assert b"".join(chunks).count(b"\r\n") == 20_001


async def test_rows_are_closed_when_the_reader_stops_early() -> None:
    source = Closing([(f"row {n}", n) for n in range(20_000)])
    chunks = csv_chunks(ExportTable(columns=("a", "b"), rows=source.stream()), separator=Separator.COMMA, bom=False)

    await anext(chunks)
    await chunks.aclose()  # type: ignore[attr-defined]

    assert source.closed


def test_instants_are_written_in_utc_whatever_their_zone() -> None:
    assert cell_text(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == "2026-12-31T23:30:00Z"
