"""Custom scalars, handed to the schema through its configuration's scalar map."""

from __future__ import annotations

from typing import NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

from app.domain.attribution.conversions import MAX_VALUE_MINOR

MinorUnits = NewType("MinorUnits", int)


def _whole_amount(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("A whole number of minor units is expected.")
    return value


SCALARS: dict[object, ScalarDefinition] = {
    MinorUnits: strawberry.scalar(
        name="MinorUnits",
        description=f"A whole amount in minor units (cents), 0 to {MAX_VALUE_MINOR}: a JSON number, "
        "beyond the 32 bits of `Int`.",
        serialize=int,
        parse_value=_whole_amount,
    ),
}
