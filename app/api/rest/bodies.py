"""What every REST body shares: unknown fields refused, nulls refused where a value is required, the page."""

from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler, SkipValidation, ValidationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from app.domain.messages import Message

T = TypeVar("T")


# A text for people, kept as the domain's ``Message`` (not copied to a plain string) so that the
# answer can still be rendered in the caller's language.
Text = Annotated[str, SkipValidation]


def _json_integer(value: object) -> object:
    """JSON has one number type: 40.0 is the integer 40, as JSON Schema reads it. Text and booleans are not."""
    if isinstance(value, bool | str):
        raise ValueError(Message("Give a whole number."))
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# An integer as JSON Schema means it, without pydantic's guesses from text ("5") or booleans. Goes last in
# ``Annotated[int, Field(...), JSON_INTEGER]``: after it, pydantic would no longer publish the bounds.
JSON_INTEGER = BeforeValidator(_json_integer)


class RequestBody(BaseModel):
    """Unknown fields are refused, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")


def refuse_null(value: Any, info: ValidationInfo) -> Any:
    """For partial updates: field validators run only for fields sent, so a null sent for a
    field that cannot be cleared is refused at that field. Reuse with ``field_validator(...)``."""
    if value is None:
        raise ValueError(Message("{field} cannot be null; omit the field to keep its value.", field=info.field_name))
    return value


def _not_null(schema: dict[str, Any]) -> None:
    schema.pop("default", None)
    alternatives = schema.pop("anyOf", [])
    kept = [alternative for alternative in alternatives if alternative != {"type": "null"}]
    if len(kept) == 1:
        schema.update(kept[0])
    elif kept:
        schema["anyOf"] = kept


# A field of a partial update that may be left out but never sent as null (``refuse_null`` refuses
# null): its JSON Schema shows neither null nor a default, so generated clients type it as optional.
# Validation is that of ``T | None``, so a refusal names the field alone.
Omittable = Annotated[T | None, Field(json_schema_extra=_not_null)]


class Documented:
    """JSON Schema keywords stating a rule the domain enforces with its own message, so that clients
    read the rule (a pattern, a format) while a refusal still says what to fix."""

    def __init__(self, **keywords: Any) -> None:
        self.keywords = keywords

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        described = handler(schema)
        described.update(self.keywords)
        return described


# How the domain reads a web address: https (in any case), no spaces.
HTTPS_URL = Documented(format="uri", pattern=r"^[Hh][Tt][Tt][Pp][Ss]://\S+$")


class ItemPage(BaseModel, Generic[T]):
    """A page of a list, in the list's order; ``next_cursor`` reads the next."""

    # In the schema of each page type (ItemPage[ShareOut]...), which does not inherit the docstring.
    model_config = ConfigDict(
        json_schema_extra={"description": "A page of a list, in the list's order; `next_cursor` reads the next."}
    )

    items: list[T] = Field(description="The page's items, at most `limit` of them.")
    next_cursor: str | None = Field(
        description="Pass as `cursor` to read the next page; null on the last page.",
        examples=["eyJhZnRlciI6IjAxOTZhM2MyIn0"],
    )
