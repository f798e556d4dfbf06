"""Request bodies are read as strict JSON, up to limits no operation comes near."""

from __future__ import annotations

import pytest

from app.api.rest.json_bodies import MAX_DEPTH, MAX_NUMBER_LENGTH, MalformedJson, parse_json_body


def test_a_document_as_deep_as_the_limit_is_read_and_one_level_more_is_refused() -> None:
    assert parse_json_body(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH) is not None
    with pytest.raises(MalformedJson, match="nests deeper than 32 levels"):
        parse_json_body(b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1))
    nested_in_objects = b'{"a":' * (MAX_DEPTH + 1) + b"[]" + b"}" * (MAX_DEPTH + 1)
    with pytest.raises(MalformedJson, match="nests deeper"):
        parse_json_body(nested_in_objects)


def test_many_brackets_side_by_side_are_not_depth() -> None:
    assert parse_json_body(b"[" + b",".join([b"[]"] * 1000) + b"]") == [[]] * 1000


def test_a_number_as_long_as_the_limit_is_read_and_one_character_more_is_refused() -> None:
    assert parse_json_body(b"1" * MAX_NUMBER_LENGTH) == int("1" * MAX_NUMBER_LENGTH)
    assert parse_json_body(b"0." + b"5" * (MAX_NUMBER_LENGTH - 2)) == pytest.approx(5 / 9)
    with pytest.raises(MalformedJson, match="longer than 100 characters"):
        parse_json_body(b"1" * (MAX_NUMBER_LENGTH + 1))


@pytest.mark.parametrize("escaped", [b'"\\ud800"', b'"\\uDFFF"', b'{"\\ud800": 1}', b'["\\ud83d x"]'])
def test_a_lone_surrogate_escape_is_refused_wherever_it_is(escaped: bytes) -> None:
    with pytest.raises(MalformedJson, match="lone UTF-16 surrogate"):
        parse_json_body(escaped)


def test_a_surrogate_pair_is_one_character() -> None:
    assert parse_json_body(b'"\\ud83d\\ude80"') == "\U0001f680"


@pytest.mark.parametrize(
    ("body", "name"),
    [(b'{"name": "Ada", "name": "Grace"}', "name"), (b'{"metadata": {"a": 1, "b": 2, "a": 3}}', "a")],
)
def test_a_member_named_twice_in_one_object_is_refused_by_name(body: bytes, name: str) -> None:
    with pytest.raises(MalformedJson, match=f"names the member {name} twice"):
        parse_json_body(body)


def test_one_name_in_two_objects_is_no_duplicate() -> None:
    assert parse_json_body(b'[{"a": 1}, {"a": 2}]') == [{"a": 1}, {"a": 2}]
