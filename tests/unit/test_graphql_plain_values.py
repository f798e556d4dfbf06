"""Plain fields read straight from their objects answer exactly what graphql-core's own execution
answers: the same data, the same errors at the same paths, the same nulls; and a page of contents
is read that way all the way down."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, NewType

import pytest
import strawberry
from graphql import GraphQLObjectType
from strawberry import relay
from strawberry.schema.config import StrawberryConfig

from app.api.graphql.execution import PLAIN, PlainValueExecutor, mark_plain_fields
from app.api.graphql.scalars import SCALARS
from app.api.graphql.schema import build_schema

Even = NewType("Even", int)
# Serialises odd numbers to nothing, which graphql-core refuses in a non-null field.
EVEN = strawberry.scalar(name="Even", serialize=lambda value: None if value % 2 else value)


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Tag:
    label: str
    colour: Colour


@strawberry.type
class Leaf:
    name: str
    note: str | None
    tags: list[Tag]
    words: list[str]

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()


@strawberry.type
class Thing(relay.Node):
    id: relay.NodeID[str]
    title: str
    colour: Colour
    at: datetime
    count: int | None
    even: Even
    leaves: list[Leaf]
    best: Leaf | None
    main: Leaf

    @strawberry.field
    async def later(self) -> str:
        return f"later {self.title}"

    @strawberry.field
    def titled(self, prefix: str) -> str:
        return prefix + self.title


@strawberry.type
class Other(relay.Node):
    id: relay.NodeID[str]

    @classmethod
    def resolve_id(cls, root: Other, *, info: strawberry.Info) -> str:
        return f"other-{root.id}"


def leaf(label: str, **changes: Any) -> Leaf:
    values: dict[str, Any] = {"name": label, "note": None, "tags": [Tag(label="t", colour=Colour.RED)], "words": ["a"]}
    return Leaf(**values | changes)


def thing(**changes: Any) -> Thing:
    values: dict[str, Any] = {
        "id": "1",
        "title": "First",
        "colour": Colour.BLUE,
        "at": datetime(2030, 1, 31, 9, tzinfo=UTC),
        "count": 3,
        "even": 2,
        "leaves": [leaf("x"), leaf("y", note="n", words=["b", "c"])],
        "best": None,
        "main": leaf("m"),
    }
    return Thing(**values | changes)


THINGS: dict[str, list[Thing]] = {}


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing]:
        return THINGS["things"]

    @strawberry.field
    def other(self) -> Other:
        return Other(id="7")


def schemas() -> tuple[strawberry.Schema, strawberry.Schema]:
    """The same schema executed by graphql-core alone and with plain fields read directly."""
    config = StrawberryConfig(scalar_map=SCALARS | {Even: EVEN})
    plain = strawberry.Schema(query=Query, config=config, execution_context_class=PlainValueExecutor)
    mark_plain_fields(plain._schema)
    return strawberry.Schema(query=Query, config=config), plain


EVERYTHING = """
query ($on: Boolean!) {
  things {
    __typename id title colour at count even
    leaves { __typename name note shout words tags { label colour } }
    best { name }
    main { ...M }
    alias: title
    skipped: count @skip(if: $on)
  }
  other { id __typename }
}
fragment M on Leaf { name tags { colour } words }
"""
MIXED = '{ things { title later titled(prefix: "> ") leaves { name } main { name tags { label } } } }'
CASES = {
    "plain and regular": ([thing(), thing(id="2", title="Second", best=leaf("b"))], EVERYTHING),
    "async and argument fields beside plain ones": ([thing()], MIXED),
    "null in a non-null field": ([thing(title=None), thing(id="2")], EVERYTHING),
    "null in a non-null nested field": ([thing(main=leaf("m", name=None))], EVERYTHING),
    "null item in a list of non-null objects": ([thing(leaves=[leaf("x"), None])], EVERYTHING),
    "null item in a list of non-null strings": ([thing(leaves=[leaf("x", words=["a", None])])], EVERYTHING),
    "a value its enum does not have": ([thing(colour="green")], EVERYTHING),
    "a value its scalar refuses": ([thing(count="three")], EVERYTHING),
    "a value its scalar serialises to nothing": ([thing(even=3)], EVERYTHING),
    "an object of another type": ([thing(main=Tag(label="l", colour=Colour.RED))], EVERYTHING),
    "a list that is not a list": ([thing(leaves=leaf("x"))], EVERYTHING),
}


@pytest.mark.parametrize(("things", "query"), list(CASES.values()), ids=list(CASES))
@pytest.mark.parametrize("on", [True, False])
async def test_reading_plain_fields_directly_answers_what_graphql_core_answers(
    things: list[Thing], query: str, on: bool
) -> None:
    THINGS["things"] = things
    regular, plain = schemas()
    expected = await regular.execute(query, variable_values={"on": on})
    answered = await plain.execute(query, variable_values={"on": on})
    assert answered.data == expected.data
    assert [error.formatted for error in answered.errors or []] == [error.formatted for error in expected.errors or []]
    assert json_order(answered.data) == json_order(expected.data)


def json_order(value: Any) -> Any:
    """The keys in the order clients receive them."""
    if isinstance(value, dict):
        return [(key, json_order(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [json_order(item) for item in value]
    return value


def test_only_fields_that_need_nothing_but_their_object_are_read_directly() -> None:
    _, plain = schemas()
    thing_type = plain._schema.type_map["Thing"]
    assert isinstance(thing_type, GraphQLObjectType)
    direct = {name for name, field in thing_type.fields.items() if PLAIN in field.extensions}
    assert direct == {"id", "title", "colour", "at", "count", "even", "leaves", "best", "main"}
    other_type = plain._schema.type_map["Other"]
    assert isinstance(other_type, GraphQLObjectType)
    assert PLAIN not in other_type.fields["id"].extensions  # its own resolve_id may need more


@dataclass(frozen=True)
class Reached:
    type_name: str
    fields: tuple[str, ...]


# A page of contents as the API's clients read it: every field REST returns, and the Relay id.
CONTENT_PAGE = (
    Reached("ContentConnection", ("edges", "pageInfo")),
    Reached("ContentEdge", ("cursor", "node")),
    Reached("PageInfo", ("hasNextPage", "hasPreviousPage", "startCursor", "endCursor")),
    Reached(
        "Content",
        (
            "id",
            "uuid",
            "version",
            "status",
            "allowedActions",
            "language",
            "title",
            "body",
            "captions",
            "locales",
            "format",
            "objective",
            "topics",
            "linkUrl",
            "media",
            "shareable",
            "pinned",
            "important",
            "publishAt",
            "expiresAt",
            "publishedAt",
            "targeting",
            "proposed",
            "createdBy",
            "lastEditedBy",
            "approvedAt",
            "approvedBy",
            "createdAt",
            "updatedAt",
        ),
    ),
    Reached("ContentLocale", ("language", "title", "body", "captions")),
    Reached("Caption", ("network", "text")),
    Reached("Media", ("url", "kind", "altText")),
    Reached("Targeting", ("departments", "locations", "languages")),
)


@pytest.mark.parametrize("reached", CONTENT_PAGE, ids=[reached.type_name for reached in CONTENT_PAGE])
def test_a_page_of_contents_is_read_directly_all_the_way_down(reached: Reached) -> None:
    graphql_type = build_schema()._schema.type_map[reached.type_name]
    assert isinstance(graphql_type, GraphQLObjectType)
    assert [name for name in reached.fields if PLAIN not in graphql_type.fields[name].extensions] == []
