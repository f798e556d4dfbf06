"""Record a conversion an integrator reports, and attribute it to the shares that brought it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.attribution.conversion_records import ConversionRecord
from app.domain.attribution.conversions import Conversion, ConversionType
from app.domain.attribution.policy import Touches
from app.domain.errors import FieldError, ValidationFailed
from app.domain.roster.identity import Principal, Role
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase

CONVERSION_REPORTERS = frozenset({Role.INTEGRATOR, Role.ADMIN})
REFERENCE_FIELDS = ("click_ref", "click_refs", "link_code")


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordConversionCommand:
    """At most one of ``click_ref``, ``click_refs`` and ``link_code``; with none, the conversion
    is kept unattributed (``no_reference``)."""

    type: ConversionType
    external_id: str
    occurred_at: datetime
    click_ref: str | None = None
    click_refs: Sequence[str] | None = None
    link_code: str | None = None
    value_minor: int | None = None
    currency: str | None = None
    metadata: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordedConversion:
    """The stored conversion; ``created`` is False when the report repeated one already stored."""

    record: ConversionRecord
    created: bool


def conversion_of(command: RecordConversionCommand) -> Conversion:
    """The validated report, or ``ValidationFailed`` listing every bad field at once."""
    given = [
        name
        for name, value in zip(
            REFERENCE_FIELDS, (command.click_ref, command.click_refs, command.link_code), strict=True
        )
        if value is not None
    ]
    errors: list[FieldError] = []
    if len(given) > 1:
        message = "Send one of click_ref, click_refs and link_code, or none."
        errors.extend(FieldError((name,), message) for name in given)
    if command.click_refs is not None and not command.click_refs:
        errors.append(FieldError(("click_refs",), "Give at least one click reference, or leave click_refs out."))
    refs = [command.click_ref] if command.click_ref is not None else list(command.click_refs or ())
    try:
        conversion = Conversion.create(
            type=command.type,
            external_id=command.external_id,
            occurred_at=command.occurred_at,
            click_refs=refs,
            link_code=command.link_code,
            value_minor=command.value_minor,
            currency=command.currency,
            metadata=command.metadata,
        )
    except ValidationFailed as error:
        located = [_as_given(item, command) for item in error.errors]
        raise ValidationFailed("The conversion is not valid.", [*errors, *located]) from error
    if errors:
        raise ValidationFailed("The conversion is not valid.", errors)
    return conversion


def _as_given(error: FieldError, command: RecordConversionCommand) -> FieldError:
    """A single reference is checked as a one-item list; point at the field the caller sent."""
    if command.click_ref is not None and error.loc[:1] == ("click_refs",):
        return FieldError(("click_ref",), error.message)
    return error


async def touches_of(uow: UnitOfWork, conversion: Conversion) -> Touches:
    """One read per kind of reference the conversion carries, none when it carries none."""
    if conversion.click_refs:
        return Touches(clicks=await uow.touches.clicks(conversion.click_refs))
    if conversion.link_code is not None:
        return Touches(link=await uow.touches.link(conversion.link_code))
    return Touches()


class RecordConversion(UseCase):
    """Integrators (and admins) report conversions. A click reference leads to its click and share,
    a link code to its share; the tenant's attribution window and model decide the credit. A
    conversion with no reference, an unknown one (another organisation's included), or only bot,
    self, later or too-old clicks is stored unattributed with the reason. The same report again
    answers with the stored conversion; another payload under the same (type, external_id) is
    refused (``conversion-conflict``), and so is a report that is not valid (``validation-failed``): neither
    writes anything."""

    async def __call__(self, principal: Principal, command: RecordConversionCommand) -> RecordedConversion:
        principal.require_any(CONVERSION_REPORTERS)
        tenant_id = principal.require_tenant()
        conversion = conversion_of(command)
        async with self._uow(tenant_id) as uow:
            policy = (await uow.settings.get()).attribution_policy()
            record = ConversionRecord.create(
                id=self._ids.new_id(),
                tenant_id=tenant_id,
                conversion=conversion,
                policy=policy,
                touches=await touches_of(uow, conversion),
                now=self._clock.now(),
            )
            # Insert first: a new report (the common case) costs no lookup, and a concurrent
            # duplicate waits on the key, then reads the winner.
            if await uow.conversions.add(record):
                await uow.commit()
                return RecordedConversion(record=record, created=True)
            stored = await uow.conversions.get_by_key(conversion.key)
        if stored is None:
            raise RuntimeError("A conversion key was taken, yet no conversion holds it.")
        conversion.require_same_payload(stored.fingerprint)
        return RecordedConversion(record=stored, created=False)
