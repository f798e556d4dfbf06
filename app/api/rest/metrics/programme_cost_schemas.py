"""REST bodies of the programme's costs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.api.rest.bodies import JSON_INTEGER, Documented, Omittable, RequestBody, refuse_null
from app.api.rest.instants import Day
from app.api.rest.texts import MULTI_LINE_NOT_BLANK
from app.domain.metrics.costs import MAX_AMOUNT_MINOR, MAX_DESCRIPTION, BudgetLine

COST_ID = "0196a3fa-4d5e-7f6a-8b7c-9d0e1f2a3b4c"
_CREATED = "2025-03-03T09:12:44.180000Z"
_UPDATED = "2025-03-10T16:02:09.512000Z"

Amount = Annotated[int, Field(ge=0, le=MAX_AMOUNT_MINOR), JSON_INTEGER]
Currency = Annotated[str, Field(min_length=3, max_length=3, examples=["EUR"]), Documented(pattern="^[A-Z]{3}$")]
Description = Annotated[str, Field(min_length=1, max_length=MAX_DESCRIPTION), MULTI_LINE_NOT_BLANK]
BUDGET_LINE_HELP = "Which budget line: the platform, content creation, animation (events, training) or rewards."
CURRENCY_HELP = "ISO 4217 code of the amount: the programme's currency (its settings' `currency`)."

_COST_SENT: dict[str, Any] = {
    "budget_line": "content_creation",
    "incurred_on": "2025-03-01",
    "amount_minor": 180000,
    "currency": "EUR",
    "description": "Video shoot for the spring hiring campaign.",
}


class CostCreate(RequestBody):
    """A cost of the programme, in its currency."""

    model_config = ConfigDict(json_schema_extra={"examples": [_COST_SENT]})

    budget_line: BudgetLine = Field(description=BUDGET_LINE_HELP)
    incurred_on: Day = Field(description="The day the cost was incurred: the cost KPIs count it in that day's period.")
    amount_minor: Amount = Field(description="What it cost, in minor units (cents) of `currency`.")
    currency: Currency = Field(description=CURRENCY_HELP)
    description: Description | None = Field(default=None, description="What it was for.")


class CostUpdate(RequestBody):
    """Only the fields sent change; a new amount or currency must be in the programme's currency. Send null
    to clear the description."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"amount_minor": 175000}]})

    budget_line: Omittable[BudgetLine] = Field(default=None, description=BUDGET_LINE_HELP)
    incurred_on: Omittable[Day] = Field(default=None, description="The day the cost was incurred.")
    amount_minor: Omittable[Amount] = Field(default=None, description="What it cost, in minor units of `currency`.")
    currency: Omittable[Currency] = Field(default=None, description=CURRENCY_HELP)
    description: Description | None = Field(default=None, description="What it was for; null clears it.")

    _not_null = field_validator("budget_line", "incurred_on", "amount_minor", "currency")(refuse_null)


class CostOut(BaseModel):
    """A cost of the programme."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _COST_SENT
                | {
                    "id": COST_ID,
                    "recorded_by": "auth0|finance-admin",
                    "version": 2,
                    "created_at": _CREATED,
                    "updated_at": _UPDATED,
                }
            ]
        }
    )

    id: UUID = Field(description="The cost's id.")
    budget_line: BudgetLine = Field(description=BUDGET_LINE_HELP)
    incurred_on: date = Field(description="The day it was incurred.")
    amount_minor: int = Field(description="What it cost, in minor units of `currency`.")
    currency: str = Field(
        description="ISO 4217 code of the amount; the cost KPIs count only the costs in the programme's currency."
    )
    description: str | None = Field(description="What it was for, if said.")
    recorded_by: str = Field(description="Who recorded it (their token's subject).")
    version: int = Field(description="Bumped on every change; the ETag carries it.")
    created_at: datetime = Field(description="When it was recorded.")
    updated_at: datetime = Field(description="When it last changed.")
