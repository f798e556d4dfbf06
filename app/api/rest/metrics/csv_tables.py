"""Tables written as CSV (RFC 4180, UTF-8) a chunk at a time, safe to open in a spreadsheet.

Quoting is Python's ``csv`` module's: a cell holding the separator, a quote or a line break is
quoted, quotes doubled; lines end with CRLF. A text cell that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a single quote
before it, which spreadsheets show as text (OWASP's advice on CSV injection). Only text cells are
neutralised: numbers the server writes itself (points, counts, money, ratios) are written as
numbers, so ``-40`` points stays a number a spreadsheet can add, while a reason that starts with
``-`` or ``=`` becomes ``'-…``, ``'=…``.

With the semicolon separator (what spreadsheets set to French, and most of continental Europe,
expect), decimals are written with a comma: ``0,25``. A byte-order mark, on request, makes Excel read
the file as UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from app.ports.metrics import Cell, ExportTable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
# Bytes gathered before a chunk is sent: few sends, and a flat memory however long the export.
CHUNK_CHARACTERS = 64 * 1024


class Separator(StrEnum):
    """What separates the cells of a line: a comma (RFC 4180), or a semicolon for spreadsheets set to
    French and most of continental Europe (decimals then take a comma)."""

    COMMA = "comma"
    SEMICOLON = "semicolon"


DELIMITERS = {Separator.COMMA: ",", Separator.SEMICOLON: ";"}


def neutralised(text: str) -> str:
    """``text`` as a spreadsheet shows it rather than runs it."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_text(value: Cell, *, decimal_comma: bool = False) -> str:
    """How each kind of cell is written: instants in RFC 3339 UTC, booleans as true/false, nothing as an
    empty cell, numbers as numbers; only text is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return neutralised(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date | UUID | int):
        return str(value)
    text = format(value, "f") if isinstance(value, Decimal) else repr(value)
    return text.replace(".", ",") if decimal_comma else text


async def csv_chunks(table: ExportTable, *, separator: Separator, bom: bool) -> AsyncIterator[bytes]:
    """The table's header and rows as UTF-8 CSV, in chunks of about ``CHUNK_CHARACTERS``; the rows are
    closed (their connection given back) however the reading ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITERS[separator], lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    decimal_comma = separator is Separator.SEMICOLON
    if bom:
        buffer.write(BOM)
    writer.writerow(table.columns)
    try:
        async for row in table.rows:
            writer.writerow([cell_text(value, decimal_comma=decimal_comma) for value in row])
            if buffer.tell() >= CHUNK_CHARACTERS:
                yield buffer.getvalue().encode()
                buffer.seek(0)
                buffer.truncate()
    finally:
        await table.rows.aclose()
    yield buffer.getvalue().encode()
