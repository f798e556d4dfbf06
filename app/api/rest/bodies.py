"""What every REST body shares: unknown fields refused, nulls refused where a value is required, the page."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo

from app.domain.messages import Message

T = TypeVar("T")


class RequestBody(BaseModel):
    """Unknown fields are refused, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")


def refuse_null(value: Any, info: ValidationInfo) -> Any:
    """For partial updates: field validators run only for fields sent, so a null sent for a
    field that cannot be cleared is refused at that field. Reuse with ``field_validator(...)``."""
    if value is None:
        raise ValueError(Message("{field} cannot be null; omit the field to keep its value.", field=info.field_name))
    return value


class ItemPage(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(description="Pass as `cursor` to read the next page; null on the last page.")
