"""A roster record reads the same from every source: a webhook's JSON, a file's cells."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import ValidationFailed
from app.domain.integrations.roster_records import read_record


def refused(data: dict[str, object]) -> dict[tuple[str | int, ...], str]:
    with pytest.raises(ValidationFailed) as caught:
        read_record(data)
    return {error.loc: str(error.message) for error in caught.value.errors}


def test_a_record_gives_its_fields_normalised_and_leaves_the_others_out() -> None:
    record = read_record(
        {"external_id": " E-17 ", "email": "Ada@ACME.example", "language": "en-gb", "hired_on": "2024-03-01"}
    )
    assert record.external_id == "E-17"
    assert dict(record.values) == {
        "external_id": "E-17",
        "email": "Ada@acme.example",
        "language": "en-GB",
        "hired_on": date(2024, 3, 1),
    }
    assert not record.gives("department")


def test_an_empty_cell_or_null_clears_an_optional_field_but_never_a_name_or_the_address() -> None:
    record = read_record({"external_id": "E-1", "department": "", "manager_external_id": None})
    assert dict(record.values) == {"external_id": "E-1", "department": None, "manager_external_id": None}
    assert set(refused({"external_id": "E-1", "given_name": "", "email": None})) == {("given_name",), ("email",)}


def test_every_bad_field_is_named_with_what_to_fix() -> None:
    errors = refused(
        {
            "email": "not-an-address",
            "hired_on": "01/03/2024",
            "terminated_on": "20240301",
            "language": "xx-invalid-tag-!",
            "family_name": "Lovelace\x00",
            "salary": "100",
            "location": 12,
        }
    )
    assert set(errors) == {
        ("external_id",),
        ("email",),
        ("hired_on",),
        ("terminated_on",),
        ("language",),
        ("family_name",),
        ("salary",),
        ("location",),
    }
    assert "YYYY-MM-DD" in errors[("hired_on",)]
    assert "the fields are: external_id, email" in errors[("salary",)]
    assert errors[("external_id",)].startswith("Required")


def test_a_source_changes_only_the_fields_it_owns() -> None:
    record = read_record({"external_id": "E-1", "email": "ada@acme.example", "department": "Sales"})
    owned = record.owned(frozenset({"department"}))
    assert dict(owned.values) == {"external_id": "E-1", "department": "Sales"}
