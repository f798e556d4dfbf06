"""The events an HRIS sends, in the Standard Webhooks envelope ``{"type", "timestamp", "data"}``:
``data`` is a roster record, read as every other source's is (``read_record``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.errors import FieldError, ValidationFailed
from app.domain.integrations.roster_records import RosterRecord, read_record
from app.domain.messages import Message
from app.domain.values import in_kept_years

ENVELOPE_FIELDS = ("type", "timestamp", "data")


class HrisEventType(StrEnum):
    """What happened at the source; ``employee.updated`` carries only the fields that changed."""

    HIRED = "employee.hired"
    UPDATED = "employee.updated"
    TERMINATED = "employee.terminated"
    REHIRED = "employee.rehired"


@dataclass(frozen=True, slots=True, kw_only=True)
class HrisEvent:
    type: HrisEventType
    occurred_at: datetime
    record: RosterRecord


def read_event(body: object) -> HrisEvent:
    """The event in a parsed JSON body; or ``ValidationFailed`` naming every bad field (``data``'s
    fields under ``data``)."""
    if not isinstance(body, Mapping):
        raise ValidationFailed(
            "The event is not valid.", [FieldError(("body",), "Send a JSON object: {type, timestamp, data}.")]
        )
    errors: list[FieldError] = [
        FieldError(
            (name,), Message("Not an envelope field; the fields are: {fields}.", fields=", ".join(ENVELOPE_FIELDS))
        )
        for name in body
        if name not in ENVELOPE_FIELDS
    ]
    kind = _type(body.get("type"), errors)
    occurred_at = _timestamp(body.get("timestamp"), errors)
    record = _record(body.get("data"), errors)
    if errors or kind is None or occurred_at is None or record is None:
        raise ValidationFailed("The event is not valid.", errors)
    return HrisEvent(type=kind, occurred_at=occurred_at, record=record)


def _type(raw: object, errors: list[FieldError]) -> HrisEventType | None:
    try:
        return HrisEventType(str(raw)) if isinstance(raw, str) else HrisEventType("")
    except ValueError:
        kinds = ", ".join(kind.value for kind in HrisEventType)
        errors.append(FieldError(("type",), Message("Must be one of: {kinds}.", kinds=kinds)))
        return None


def _timestamp(raw: object, errors: list[FieldError]) -> datetime | None:
    parsed = None
    if isinstance(raw, str) and len(raw) <= 40:
        try:
            parsed = datetime.fromisoformat(raw.strip())
        except ValueError:
            parsed = None
    if parsed is None or parsed.tzinfo is None or not in_kept_years(parsed):
        errors.append(
            FieldError(("timestamp",), "Give when it happened at the source, in RFC 3339 with its UTC offset.")
        )
        return None
    return parsed


def _record(raw: object, errors: list[FieldError]) -> RosterRecord | None:
    if not isinstance(raw, Mapping):
        errors.append(FieldError(("data",), "Send the employee's fields as a JSON object."))
        return None
    try:
        return read_record(raw)
    except ValidationFailed as failure:
        errors.extend(FieldError(("data", *error.loc), error.message) for error in failure.errors)
        return None
