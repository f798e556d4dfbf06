"""What a changes input sent, with null refused where a field cannot be cleared.

GraphQL has no way to declare an input field that may be omitted but not set to null: every optional
field is nullable in the schema. So such fields accept null at the schema level and a null sent for one
is answered as the domain answers any bad value, with a typed validation error naming the field, rather
than with a top-level error that the schema itself did not announce.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import strawberry

from app.domain.errors import FieldError, ValidationFailed


def sent_changes(data: object, *, not_clearable: Collection[str]) -> dict[str, Any]:
    """The fields sent (``strawberry.Some``) with their values; a null for a field that cannot be cleared
    is refused, naming each such field."""
    sent = {name: value.value for name, value in vars(data).items() if isinstance(value, strawberry.Some)}
    nulls = [name for name in not_clearable if name in sent and sent[name] is None]
    if nulls:
        raise ValidationFailed(
            "Some fields cannot be cleared.",
            [FieldError((name,), "Cannot be null; omit it to keep its value.") for name in nulls],
        )
    return sent
