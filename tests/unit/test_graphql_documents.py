"""Documents are parsed and validated once per process, yet every request gets the answer its own
schema's limits give: a refused document is refused every time, and a document one schema
accepted is still refused by a stricter one."""

from __future__ import annotations

from typing import Any

from app.api.graphql.schema import build_schema
from app.api.runtime import ApiConfig

THREE_ALIASES = "{ a: __typename b: __typename c: __typename }"


def codes(result: Any) -> list[str]:
    return [error.formatted["extensions"]["code"] for error in result.errors or []]


def message(result: Any) -> str:
    assert result.errors
    return str(result.errors[0].message)


async def test_a_document_over_the_alias_limit_is_refused_every_time_it_is_sent() -> None:
    strict = build_schema(ApiConfig(graphql_max_aliases=2))
    for _ in range(3):
        result = await strict.execute(THREE_ALIASES)
        assert result.data is None
        assert codes(result) == ["invalid-query"]
        assert "3 aliases found. Allowed: 2" in message(result)


async def test_each_schema_judges_a_document_by_its_own_limits() -> None:
    lenient, strict = build_schema(ApiConfig(graphql_max_aliases=15)), build_schema(ApiConfig(graphql_max_aliases=2))
    assert (await lenient.execute(THREE_ALIASES)).data == {"a": "Query", "b": "Query", "c": "Query"}
    assert codes(await strict.execute(THREE_ALIASES)) == ["invalid-query"]
    assert (await lenient.execute(THREE_ALIASES)).data == {"a": "Query", "b": "Query", "c": "Query"}


async def test_a_document_that_does_not_parse_is_refused_in_plain_words_every_time() -> None:
    schema = build_schema()
    for _ in range(2):
        result = await schema.execute("{ me { subject")
        assert codes(result) == ["invalid-query"]
        assert message(result).startswith("Syntax Error: Expected Name")


async def test_a_document_over_the_token_limit_is_refused_every_time_even_when_another_schema_parsed_it() -> None:
    flood = "{ " + "__typename " * 30 + "}"
    assert (await build_schema(ApiConfig(graphql_max_tokens=100)).execute(flood)).data == {"__typename": "Query"}
    for _ in range(2):
        result = await build_schema(ApiConfig(graphql_max_tokens=20)).execute(flood)
        assert codes(result) == ["invalid-query"]
        assert "more than 20 tokens" in message(result)
