"""Roster files read chunk by chunk: each row with the line it starts on, however the file is cut."""

from __future__ import annotations

import pytest

from app.domain.integrations.roster_files import FileKind, RawRow, RosterFileReader, kind_of
from app.domain.integrations.roster_imports import staged
from app.domain.integrations.roster_refusals import RosterFileTooLarge, RosterFileUnreadable


def read(data: bytes, kind: FileKind = FileKind.CSV, chunk: int = 3, max_rows: int = 100) -> list[RawRow]:
    reader = RosterFileReader(kind, max_rows=max_rows)
    rows = [row for start in range(0, len(data), chunk) for row in reader.feed(data[start : start + chunk])]
    return rows + list(reader.finish())


@pytest.mark.parametrize("chunk", [1, 2, 7, 4096])
def test_rows_and_their_lines_do_not_depend_on_where_the_chunks_are_cut(chunk: int) -> None:
    data = '\ufeffexternal_id;department\r\nE1;"R&D;\nLab"\r\n\r\nE2;Sales\r\n'.encode()

    rows = read(data, chunk=chunk)

    assert [(row.line, row.cells) for row in rows] == [
        (2, {"external_id": "E1", "department": "R&D;\nLab"}),
        (5, {"external_id": "E2", "department": "Sales"}),
    ]


def test_the_separator_is_the_most_frequent_outside_quotes() -> None:
    rows = read(b'external_id\tdepartment\nE1\t"a,b;c"\n')

    assert rows[0].cells == {"external_id": "E1", "department": "a,b;c"}


def test_a_row_of_separators_is_a_blank_line() -> None:
    assert [row.line for row in read(b"external_id,email\nE1,a@x.example\n,\n , \nE2,\n")] == [2, 5]


def test_a_row_with_latin1_bytes_names_its_line_and_cell_and_the_next_rows_go_on() -> None:
    rows = read("external_id,given_name\nE1,Ren\xe9\nE2,Zoe\n".encode("latin-1"))

    assert [(problem.column, "UTF-8" in problem.message) for problem in rows[0].problems] == [("given_name", True)]
    assert rows[1].problems == []


def test_an_unknown_column_refuses_the_file() -> None:
    with pytest.raises(RosterFileUnreadable) as refused:
        read(b"external_id,cost_centre\nE1,42\n")

    assert "cost_centre" in refused.value.errors[0].message


@pytest.mark.parametrize("header", [b"", b"email\n", b"external_id,email,EMAIL\n"])
def test_a_file_without_a_usable_header_is_refused(header: bytes) -> None:
    with pytest.raises(RosterFileUnreadable):
        read(header)


def test_more_rows_than_allowed_stop_the_reading() -> None:
    with pytest.raises(RosterFileTooLarge):
        read(b"external_id\n" + b"E\n" * 4, max_rows=3)


def test_an_unclosed_quote_is_a_row_error_at_the_line_it_opens() -> None:
    rows = read(b'external_id,department\nE1,"Sales\nE2,R&D\n')

    assert [(row.line, row.cells, len(row.problems)) for row in rows] == [(2, None, 1)]


def test_ndjson_rows_are_objects_one_a_line() -> None:
    rows = read(b'{"external_id": "E1"}\n\n[1]\n{"external_id": "E3", "email": null}', kind=FileKind.NDJSON)

    assert [(row.line, row.cells, len(row.problems)) for row in rows] == [
        (1, {"external_id": "E1"}, 0),
        (3, None, 1),
        (4, {"external_id": "E3", "email": None}, 0),
    ]


def test_a_bad_row_keeps_its_external_id_so_that_a_full_import_never_terminates_its_employee() -> None:
    [row] = read(b"external_id,email\nE1,not-an-address\n")

    kept = staged(row)

    assert (kept.external_id, [problem.column for problem in kept.problems]) == ("E1", ["email"])


def test_the_content_type_names_the_kind_of_file() -> None:
    assert kind_of("text/csv; charset=utf-8") is FileKind.CSV
    assert kind_of("Application/X-NDJSON") is FileKind.NDJSON
    assert kind_of("application/json") is None


PLAIN_OR_NOT = [
    "E1,Ada@ACME.Example,Ada,Lovelace,R&D,,en-gb,2024-03-01,",
    "E2,ada@acme.example,Ada,,R&D,E1,en,2024-03-01,2023-01-01",  # an empty name: refused
    "E3,not-an-address,Ada,Lovelace,,,,,",
    "E4,ada@acme.example,Ada,Lovelace,,,xx-invalid-tag-!,,",
    "E5,ada@acme.example,Ada,Lovelace,,,,20240301,2024-02-30",
    "E6,ada@acme.example,Ada,Lovelace,,,,1899-12-31,",
    ",ada@acme.example,Ada,Lovelace,,,,,",
    "E8,ada@acme.example, Ada,Lovelace ,,,,,",  # spaces to trim: not plain
    "E9,ada@acme.example,Ada,Lovelace,Dept\x7f,,,,",  # a control character: not plain
    "E10,ada@acme.example,Zoë,Lovelace,,,,,",  # not ASCII: not plain
]


@pytest.mark.parametrize("line", PLAIN_OR_NOT)
def test_a_plain_row_is_staged_as_read_record_would_stage_it(line: str) -> None:
    header = "external_id,email,given_name,family_name,department,manager_external_id,language,hired_on,terminated_on"
    row = read(f"{header}\n{line}\n".encode())[0]
    # The same row, its cells read one by one (what any row that is not plain goes through).
    slow = staged(RawRow(row.line, row.cells, list(row.problems), plain=False))

    assert row.plain is (line.isascii() and line.isprintable() and " ," not in line and ", " not in line)
    assert staged(row) == slow
