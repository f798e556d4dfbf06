"""The programme setting of training: the modules an ambassador completes before sharing."""

from __future__ import annotations

from uuid import UUID

from app.domain.errors import FieldError
from app.domain.programme.field_checks import Invalid, Loc, checked_list

MAX_REQUIRED_MODULES = 20


def _module_id(item: object) -> UUID | None:
    if isinstance(item, UUID):
        return item
    if not isinstance(item, str):
        return None
    try:
        return UUID(item)
    except ValueError:
        return None


def parse_required_training_modules(value: object, loc: Loc, errors: list[FieldError]) -> tuple[UUID, ...]:
    """Module ids, each once, in the order given; only the published ones are asked for when sharing."""
    items = checked_list(value, loc, errors, max_items=MAX_REQUIRED_MODULES)
    count = len(errors)
    ids: dict[UUID, None] = {}
    for index, item in enumerate(items):
        module_id = _module_id(item)
        if module_id is None:
            errors.append(FieldError((*loc, index), "Give a training module's id."))
        else:
            ids.setdefault(module_id, None)
    if len(errors) > count:
        raise Invalid
    return tuple(ids)
