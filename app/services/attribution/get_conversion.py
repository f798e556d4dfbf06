"""Read one conversion with its credits, or page through them."""

from __future__ import annotations

from uuid import UUID

from app.domain.attribution.conversion_records import ConversionRecord
from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.domain.roster.identity import Principal, Role
from app.ports.attribution import ConversionFilter
from app.ports.pagination import Page, PageRequest
from app.services.base import UseCase

# Integrators report conversions, so they may read them back (to check what a key holds after a
# conflict); the roster's moderators and the ambassadors have no use for the programme's sales.
CONVERSION_READERS = frozenset({Role.ADMIN, Role.MANAGER, Role.ANALYST, Role.INTEGRATOR})


class GetConversion(UseCase):
    """Admins, managers, analysts and integrators; the credits say which shares, ambassadors,
    contents and campaigns it was attributed to, each with its exact part."""

    async def __call__(self, principal: Principal, conversion_id: UUID) -> ConversionRecord:
        principal.require_any(CONVERSION_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            record = await uow.conversions.get(conversion_id)
        if record is None:
            raise NotFound("conversion", conversion_id)
        return record


class ListConversions(UseCase):
    """Admins, managers, analysts and integrators, in the order conversions were recorded. The
    campaign and ambassador filters keep conversions credited to them; the period is
    ``occurred_from`` (included) to ``occurred_to`` (excluded)."""

    async def __call__(
        self, principal: Principal, criteria: ConversionFilter, page: PageRequest
    ) -> Page[ConversionRecord]:
        principal.require_any(CONVERSION_READERS)
        start, end = criteria.occurred_from, criteria.occurred_to
        if start is not None and end is not None and end <= start:
            message = "Give an occurred_to later than occurred_from."
            raise ValidationFailed("The period is empty.", [FieldError(("query", "occurred_to"), message)])
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.conversions.list(criteria, page)
