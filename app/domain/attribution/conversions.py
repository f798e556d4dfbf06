"""Conversions integrators report (a lead, a sign-up, a hire...) and what makes a report a replay.

A conversion is keyed by (type, external_id) within a tenant. Reporting the same payload again
is a replay and answers with the stored conversion; reusing the key for another payload is a
``ConversionConflict``. The payload is compared through a fingerprint, so the stored row only
needs the digest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from app.domain.errors import ConversionConflict, FieldError, ValidationFailed
from app.domain.messages import Message
from app.domain.values import has_control_characters

MAX_EXTERNAL_ID_LENGTH = 200
MAX_CLICK_REFS = 20
MAX_REFERENCE_LENGTH = 128
MAX_METADATA_BYTES = 8192
# Below 2**53, so JSON readers that hold numbers as doubles (JavaScript) read every amount exactly.
MAX_VALUE_MINOR = 10**15
CURRENCY_PATTERN = re.compile(r"[A-Z]{3}")
# References are tokens Relais issued (click ids, link codes): visible ASCII, which a contract can state exactly.
REFERENCE_PATTERN = re.compile(rf"[!-~]{{1,{MAX_REFERENCE_LENGTH}}}")
# Bumped if the fingerprinted form ever changes, so old digests are never compared with new ones.
FINGERPRINT_VERSION = 1


class ConversionType(StrEnum):
    """What a conversion is: a lead, a sign-up, a job application, a hire, a purchase, or a custom one."""

    LEAD = "lead"
    SIGNUP = "signup"
    JOB_APPLICATION = "job_application"
    HIRE = "hire"
    PURCHASE = "purchase"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True, kw_only=True)
class ConversionKey:
    """What makes two reports the same conversion within a tenant."""

    type: ConversionType
    external_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Conversion:
    """A reported conversion. ``click_refs`` are in the visitor's order, without repeats.

    A single ``click_ref`` is reported as a one-item ``click_refs``: both spell the same payload.
    """

    type: ConversionType
    external_id: str
    occurred_at: datetime
    click_refs: tuple[str, ...] = ()
    link_code: str | None = None
    value_minor: int | None = None
    currency: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def create(
        cls,
        *,
        type: ConversionType,  # noqa: A002
        external_id: str,
        occurred_at: datetime,
        click_refs: Sequence[str] = (),
        link_code: str | None = None,
        value_minor: int | None = None,
        currency: str | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> Conversion:
        """A validated conversion, or ``ValidationFailed`` listing every bad field."""
        errors: list[FieldError] = []
        if not external_id or len(external_id) > MAX_EXTERNAL_ID_LENGTH or has_control_characters(external_id):
            errors.append(
                FieldError(
                    ("external_id",), Message("Give 1-{most} characters on one line.", most=MAX_EXTERNAL_ID_LENGTH)
                )
            )
        if occurred_at.tzinfo is None or occurred_at.utcoffset() is None:
            errors.append(FieldError(("occurred_at",), "Give a time with its UTC offset."))
        refs = _unique_references(click_refs, errors)
        if link_code is not None and not _is_reference(link_code):
            errors.append(
                FieldError(
                    ("link_code",), Message("Give 1-{most} visible ASCII characters.", most=MAX_REFERENCE_LENGTH)
                )
            )
        currency = _check_value(value_minor, currency, errors)
        metadata = dict(metadata or {})
        size = _metadata_size(metadata)
        if size is None:
            errors.append(FieldError(("metadata",), "Give a JSON object: text keys, JSON values."))
        elif size > MAX_METADATA_BYTES:
            errors.append(
                FieldError(("metadata",), Message("Give at most {most} bytes of JSON.", most=MAX_METADATA_BYTES))
            )
        elif _holds_nul(metadata):
            errors.append(FieldError(("metadata",), "Remove the NUL characters (\\u0000) from its keys and texts."))
        if errors:
            raise ValidationFailed("The conversion is not valid.", errors)
        return cls(
            type=type,
            external_id=external_id,
            occurred_at=occurred_at,
            click_refs=refs,
            link_code=link_code,
            value_minor=value_minor,
            currency=currency,
            metadata=metadata,
        )

    @property
    def key(self) -> ConversionKey:
        return ConversionKey(type=self.type, external_id=self.external_id)

    @property
    def fingerprint(self) -> str:
        """A digest of the whole payload: equal for equal payloads, whatever offset the time was given in."""
        payload = {
            "version": FINGERPRINT_VERSION,
            "type": self.type.value,
            "external_id": self.external_id,
            "occurred_at": self.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
            "click_refs": list(self.click_refs),
            "link_code": self.link_code,
            "value_minor": self.value_minor,
            "currency": self.currency,
            "metadata": self.metadata,
        }
        return hashlib.sha256(_canonical_json(payload).encode()).hexdigest()

    def require_same_payload(self, stored_fingerprint: str) -> None:
        """Accept this report as a replay of the stored conversion with the same key, or refuse it."""
        if self.fingerprint != stored_fingerprint:
            raise ConversionConflict(self.type.value, self.external_id)


def _is_reference(text: str) -> bool:
    return REFERENCE_PATTERN.fullmatch(text) is not None


def _unique_references(click_refs: Sequence[str], errors: list[FieldError]) -> tuple[str, ...]:
    if isinstance(click_refs, str):
        errors.append(FieldError(("click_refs",), "Give a list of click references."))
        return ()
    if len(click_refs) > MAX_CLICK_REFS:
        errors.append(
            FieldError(("click_refs",), Message("Give at most {most} click references.", most=MAX_CLICK_REFS))
        )
    for index, ref in enumerate(click_refs):
        if not _is_reference(ref):
            errors.append(
                FieldError(
                    ("click_refs", index), Message("Give 1-{most} visible ASCII characters.", most=MAX_REFERENCE_LENGTH)
                )
            )
    # A reference repeated by a landing page is one visit, not two touches.
    return tuple(dict.fromkeys(click_refs))


def _check_value(value_minor: int | None, currency: str | None, errors: list[FieldError]) -> str | None:
    if value_minor is not None and (isinstance(value_minor, bool) or not 0 <= value_minor <= MAX_VALUE_MINOR):
        errors.append(
            FieldError(
                ("value_minor",),
                Message("Give a whole amount in minor units (cents), from 0 to {most}.", most=MAX_VALUE_MINOR),
            )
        )
    if currency is not None:
        currency = currency.upper()
        if not CURRENCY_PATTERN.fullmatch(currency):
            errors.append(FieldError(("currency",), "Give an ISO 4217 code such as EUR."))
    if (value_minor is None) != (currency is None):
        errors.append(FieldError(("currency",), "Give value_minor and currency together, or neither."))
    return currency


def _canonical_json(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def _metadata_size(metadata: Mapping[str, Any]) -> int | None:
    """The size of the canonical JSON, or None when the metadata is not JSON with text keys."""
    if not all(isinstance(key, str) for key in metadata):
        return None
    try:
        return len(_canonical_json(metadata).encode())
    except (TypeError, ValueError, RecursionError):
        return None


def _holds_nul(metadata: Mapping[str, Any]) -> bool:
    """True when a key or a text holds NUL, which PostgreSQL's JSON cannot store. Walked without
    recursion: the nesting depth is the caller's."""
    pending: list[Any] = [metadata]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if "\x00" in value:
                return True
        elif isinstance(value, Mapping):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list | tuple):
            pending.extend(value)
    return False
