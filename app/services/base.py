"""What every use case is built from."""

from __future__ import annotations

from app.domain.errors import FieldError, ValidationFailed
from app.domain.values import has_control_characters
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory


class UseCase:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids


def check_filters(**filters: str | None) -> None:
    """Search texts go into SQL parameters; control characters (NUL) can never match, so refuse them."""
    errors = [
        FieldError(("query", name), "Must not contain control characters.")
        for name, value in filters.items()
        if value is not None and has_control_characters(value)
    ]
    if errors:
        raise ValidationFailed("A filter holds control characters.", errors)
