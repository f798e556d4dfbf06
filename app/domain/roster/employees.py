"""The employee roster: who works for the tenant, as the HRIS knows them."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.errors import FieldError, InvalidTransition, ValidationFailed
from app.domain.events import DomainEvent, EventType
from app.domain.messages import Message, message_of
from app.domain.values import has_control_characters, is_blank, normalise_email, normalise_language


class EmployeeStatus(StrEnum):
    """Whether the employee still works for the organisation."""

    ACTIVE = "active"
    TERMINATED = "terminated"


SINGLE_LINE_FIELDS = ("email", "given_name", "family_name", "external_id", "department", "location", "idp_subject")


@dataclass(frozen=True, slots=True, kw_only=True)
class EmployeeProfile:
    """The fields a roster writer owns; everything else is the server's."""

    email: str
    given_name: str
    family_name: str
    external_id: str | None = None
    department: str | None = None
    location: str | None = None
    language: str | None = None
    manager_id: UUID | None = None
    idp_subject: str | None = None
    hired_on: date | None = None

    def validated(self) -> EmployeeProfile:
        """Return a normalised copy, or raise ``ValidationFailed`` listing every bad field."""
        errors: list[FieldError] = []
        email = self.email
        language = self.language
        try:
            email = normalise_email(self.email)
        except ValueError as error:
            errors.append(FieldError(("email",), message_of(error)))
        if language is not None:
            try:
                language = normalise_language(language)
            except ValueError as error:
                errors.append(FieldError(("language",), message_of(error)))
        errors.extend(
            FieldError((name,), "Must not be blank.")
            for name in ("given_name", "family_name")
            if is_blank(str(getattr(self, name)))
        )
        errors.extend(
            FieldError((name,), "Must not contain control characters.")
            for name in SINGLE_LINE_FIELDS
            if has_control_characters(getattr(self, name) or "")
        )
        if self.external_id is not None and is_blank(self.external_id):
            errors.append(FieldError(("external_id",), "Must not be blank; omit it or send null."))
        if errors:
            raise ValidationFailed("The employee is not valid.", errors)
        return replace(
            self,
            email=email,
            language=language,
            given_name=self.given_name.strip(),
            family_name=self.family_name.strip(),
        )


@dataclass(slots=True, kw_only=True)
class Employee(TenantAggregate):
    id: UUID
    tenant_id: UUID
    profile: EmployeeProfile
    status: EmployeeStatus
    terminated_on: date | None
    created_at: datetime
    updated_at: datetime
    version: int = 1
    # Kept for roster sources: the source's time of the last event applied (an older one is stale),
    # and the source's id of a manager it named before they were on the roster.
    source_timestamp: datetime | None = None
    pending_manager_external_id: str | None = None
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def hire(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        profile: EmployeeProfile,
        now: datetime,
    ) -> Employee:
        employee = cls(
            id=id,
            tenant_id=tenant_id,
            profile=profile.validated(),
            status=EmployeeStatus.ACTIVE,
            terminated_on=None,
            created_at=now,
            updated_at=now,
        )
        employee._emit(EventType.EMPLOYEE_CREATED, now, employee.snapshot())
        return employee

    @property
    def is_active(self) -> bool:
        return self.status is EmployeeStatus.ACTIVE

    def update(self, changes: dict[str, Any], now: datetime, *, after_departure: bool = False) -> None:
        """Apply a partial profile change; ``changes`` keys are ``EmployeeProfile`` fields. A departed
        employee is edited only by a source that keeps describing them (``after_departure``: SCIM)."""
        if self.status is EmployeeStatus.TERMINATED and not after_departure:
            raise InvalidTransition("employee", self.status, "edited", [])
        unknown = set(changes) - {f.name for f in fields(EmployeeProfile)}
        if unknown:
            raise ValidationFailed(
                "Unknown employee fields.", [FieldError((name,), "Not an editable field.") for name in unknown]
            )
        if changes.get("manager_id") == self.id:
            raise ValidationFailed(
                "An employee cannot be their own manager.",
                [FieldError(("manager_id",), "Must not be the employee's own id.")],
            )
        updated = replace(self.profile, **changes).validated()
        if updated == self.profile:
            return
        self.profile = updated
        self._touch(now)
        self._emit(EventType.EMPLOYEE_UPDATED, now, {"id": str(self.id), "fields": sorted(changes)})

    def terminate(self, *, on: date, now: datetime) -> None:
        """Nobody leaves before they were hired: ``on`` is no earlier than ``hired_on``, when known."""
        if self.status is EmployeeStatus.TERMINATED:
            raise InvalidTransition("employee", self.status, "terminated", [])
        hired_on = self.profile.hired_on
        if hired_on is not None and on < hired_on:
            raise ValidationFailed(
                "The employee cannot leave before they were hired.",
                [
                    FieldError(
                        ("terminated_on",),
                        Message(
                            "Give their last day on or after {hired_on}, when they were hired.",
                            hired_on=hired_on.isoformat(),
                        ),
                    )
                ],
            )
        self.status = EmployeeStatus.TERMINATED
        self.terminated_on = on
        self._touch(now)
        self._emit(EventType.EMPLOYEE_TERMINATED, now, {"id": str(self.id), "terminated_on": on.isoformat()})

    def rehire(self, *, now: datetime) -> None:
        """Back on the roster after a departure; their membership of the programme stays ended (joining
        again is their own choice)."""
        if self.status is EmployeeStatus.ACTIVE:
            raise InvalidTransition("employee", self.status, "rehired", [])
        self.status = EmployeeStatus.ACTIVE
        self.terminated_on = None
        self._touch(now)
        self._emit(EventType.EMPLOYEE_REHIRED, now, {"id": str(self.id)})

    def is_newer_at_source(self, occurred_at: datetime) -> bool:
        """Whether the source already told of something after ``occurred_at`` (then that event is stale)."""
        return self.source_timestamp is not None and self.source_timestamp > occurred_at

    def synced(self, *, occurred_at: datetime, pending_manager: str | None) -> None:
        """Remember what the source last said: when, and a manager it named who is not on the roster yet."""
        if self.source_timestamp is None or occurred_at > self.source_timestamp:
            self.source_timestamp = occurred_at
        self.pending_manager_external_id = pending_manager

    def link_identity(self, subject: str, now: datetime) -> None:
        """Remember the identity-provider subject that proved to be this employee."""
        if self.profile.idp_subject == subject:
            return
        self.profile = replace(self.profile, idp_subject=subject)
        self._touch(now)

    def snapshot(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "external_id": self.profile.external_id,
            "email": self.profile.email,
            "department": self.profile.department,
            "location": self.profile.location,
            "status": self.status.value,
        }
