"""What every REST body shares: unknown fields refused, nulls refused where a value is required, the page."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler, ValidationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

T = TypeVar("T")


def _json_integer(value: object) -> object:
    """JSON has one number type: 40.0 is the integer 40, as JSON Schema reads it. Text and booleans are not."""
    if isinstance(value, bool | str):
        raise ValueError("Give a whole number.")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# An integer as JSON Schema means it, without pydantic's guesses from text ("5") or booleans. Goes last in
# ``Annotated[int, Field(...), JSON_INTEGER]``: after it, pydantic would no longer publish the bounds.
JSON_INTEGER = BeforeValidator(_json_integer)


class RequestBody(BaseModel):
    """Unknown fields are refused, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """A field that refuses null (``refuse_null``) may be omitted but is never nullable in the contract,
        so that clients generated from it never send the null the server refuses."""
        schema = handler(core_schema)
        properties = handler.resolve_ref_schema(schema).get("properties", {})
        for name in _null_refusing_fields(cls):
            if name in properties:
                properties[name] = _without_null(properties[name])
        return schema


def refuse_null(value: Any, info: ValidationInfo) -> Any:
    """For partial updates: field validators run only for fields sent, so a null sent for a
    field that cannot be cleared is refused at that field. Reuse with ``field_validator(...)``."""
    if value is None:
        raise ValueError(f"{info.field_name} cannot be null; omit the field to keep its value.")
    return value


def _null_refusing_fields(model: type[BaseModel]) -> set[str]:
    validators = model.__pydantic_decorators__.field_validators.values()
    return {name for validator in validators if validator.func is refuse_null for name in validator.info.fields}


def _without_null(prop: dict[str, Any]) -> dict[str, Any]:
    choices = [choice for choice in prop.get("anyOf", []) if choice != {"type": "null"}]
    if not choices:
        return prop
    rest = {key: value for key, value in prop.items() if key != "anyOf" and not (key == "default" and value is None)}
    return {**choices[0], **rest} if len(choices) == 1 else {**rest, "anyOf": choices}


class ItemPage(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(description="Pass as `cursor` to read the next page; null on the last page.")
