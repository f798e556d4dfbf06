"""Tenants: one company running an advocacy programme."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.events import DomainEvent, EventSource, EventType
from app.domain.values import has_control_characters, is_blank

SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


@dataclass(slots=True, kw_only=True)
class Tenant(EventSource):
    id: UUID
    slug: str
    name: str
    created_at: datetime
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def create(cls, *, id: UUID, slug: str, name: str, now: datetime) -> Tenant:  # noqa: A002
        errors = []
        if not SLUG_PATTERN.fullmatch(slug):
            errors.append(FieldError(("slug",), "Use 1-63 lowercase letters, digits or inner hyphens."))
        if is_blank(name) or has_control_characters(name):
            errors.append(FieldError(("name",), "The name must not be blank nor hold control characters."))
        if errors:
            raise ValidationFailed("The tenant is not valid.", errors)
        tenant = cls(id=id, slug=slug, name=name.strip(), created_at=now)
        tenant.record(DomainEvent(type=EventType.TENANT_CREATED, tenant_id=id, occurred_at=now, data={"slug": slug}))
        return tenant
