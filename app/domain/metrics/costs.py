"""What the programme costs: dated entries on the budget lines of an advocacy programme (the platform,
content creation, animation, rewards), which the cost KPIs and the return on investment divide by.

An amount is in whole minor units of the programme's currency: a cost is recorded in it, and its amount
or currency can be changed only to an amount in it. A cost recorded before the programme changed its
currency keeps its own until it is changed; the KPIs count only the costs in the programme's currency.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.aggregate import TenantAggregate
from app.domain.attribution.conversions import CURRENCY_PATTERN, MAX_VALUE_MINOR
from app.domain.errors import FieldError, ValidationFailed
from app.domain.events import DomainEvent
from app.domain.messages import Message
from app.domain.metrics.valuation import NOT_A_CURRENCY
from app.domain.values import FIRST_YEAR, LAST_YEAR, has_control_characters, in_kept_years, is_blank

MAX_AMOUNT_MINOR = MAX_VALUE_MINOR
MAX_DESCRIPTION = 500


class BudgetLine(StrEnum):
    """The budget lines of an employee advocacy programme."""

    PLATFORM = "platform"
    CONTENT_CREATION = "content_creation"
    ANIMATION = "animation"
    REWARDS = "rewards"


@dataclass(frozen=True, slots=True, kw_only=True)
class CostFields:
    budget_line: BudgetLine
    incurred_on: date
    amount_minor: int
    currency: str
    description: str | None = None

    def validated(self, programme_currency: str, *, check_currency: bool = True) -> CostFields:
        """Checked, the description trimmed; ``check_currency`` holds the amount to the programme's
        currency (a change that leaves amount and currency alone keeps the cost's own)."""
        errors: list[FieldError] = []
        if isinstance(self.amount_minor, bool) or not 0 <= self.amount_minor <= MAX_AMOUNT_MINOR:
            errors.append(
                FieldError(
                    ("amount_minor",),
                    Message("Give a whole amount in minor units (cents), from 0 to {most}.", most=MAX_AMOUNT_MINOR),
                )
            )
        if not CURRENCY_PATTERN.fullmatch(self.currency):
            errors.append(FieldError(("currency",), NOT_A_CURRENCY))
        elif check_currency and self.currency != programme_currency:
            errors.append(
                FieldError(
                    ("currency",),
                    Message(
                        "Costs are recorded in the programme's currency, {currency}: convert the amount to it, "
                        "or change the programme's currency in its settings first.",
                        currency=programme_currency,
                    ),
                )
            )
        if not in_kept_years(self.incurred_on):
            errors.append(
                FieldError(
                    ("incurred_on",),
                    Message(
                        "Give a date in the years {first} to {last}, such as 2025-03-01.",
                        first=FIRST_YEAR,
                        last=LAST_YEAR,
                    ),
                )
            )
        description = self.description.strip() if self.description is not None else None
        if description is not None and (
            is_blank(description)
            or len(description) > MAX_DESCRIPTION
            or has_control_characters(description, multiline=True)
        ):
            errors.append(
                FieldError(
                    ("description",),
                    Message("Give 1-{most} characters, without control characters.", most=MAX_DESCRIPTION),
                )
            )
        if errors:
            raise ValidationFailed("The programme cost is not valid.", errors)
        return replace(self, description=description)


EDITABLE = frozenset(f.name for f in fields(CostFields))


@dataclass(slots=True, kw_only=True)
class ProgrammeCost(TenantAggregate):
    """A cost entry. It records no event: nothing reacts to one, and the KPIs read the costs themselves."""

    id: UUID
    tenant_id: UUID
    fields: CostFields
    recorded_by: str
    created_at: datetime
    updated_at: datetime
    version: int = 1
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def create(
        cls,
        *,
        id: UUID,  # noqa: A002
        tenant_id: UUID,
        fields: CostFields,
        programme_currency: str,
        author: str,
        now: datetime,
    ) -> ProgrammeCost:
        return cls(
            id=id,
            tenant_id=tenant_id,
            fields=fields.validated(programme_currency),
            recorded_by=author,
            created_at=now,
            updated_at=now,
        )

    def edit(self, changes: Mapping[str, Any], programme_currency: str, now: datetime) -> None:
        """Change the fields given; a change of amount or currency must be in the programme's currency."""
        unknown = sorted(set(changes) - EDITABLE)
        if unknown:
            raise ValidationFailed(
                "Some programme cost fields cannot be changed.",
                [FieldError((name,), "Not an editable field.") for name in unknown],
            )
        money_changed = bool({"amount_minor", "currency"} & set(changes))
        updated = replace(self.fields, **changes).validated(programme_currency, check_currency=money_changed)
        if updated != self.fields:
            self.fields = updated
            self._touch(now)
