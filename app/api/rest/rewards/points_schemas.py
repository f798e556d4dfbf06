"""REST bodies of points: statements of a balance with its entries, adjustments and reviews."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.rest import examples as ex
from app.api.rest.bodies import JSON_INTEGER, Documented, RequestBody
from app.api.rest.texts import MULTI_LINE_NOT_BLANK
from app.domain.rewards.ledger import CapHit, Decision, EntryKind, EntryStatus
from app.services.rewards.adjust_points import MAX_ADJUSTMENT, MAX_REASON

ENTRY_ID = "0196a3f8-2b3c-7d4e-8f5a-6b7c8d9e0f1a"
_ENTRY: dict[str, Any] = {
    "id": ENTRY_ID,
    "ambassador_id": ex.AMBASSADOR_ID,
    "points": 15,
    "kind": "award",
    "status": "credited",
    "rule": "share_posted",
    "rule_set_version": 0,
    "source_event_id": "0196a3d1-0a1b-7c2d-8e3f-4a5b6c7d8e9f",
    "source_event_type": "share.posted",
    "share_id": ex.SHARE_ID,
    "campaign_id": ex.CAMPAIGN_ID,
    "conversion_id": None,
    "multiplier": "1.5",
    "cap_hit": None,
    "reason": "10 points for posting a share (rule share_posted, rule set version 0), multiplied by the "
    "campaign's 1.50: 15 points, rounded half up.",
    "reverses": None,
    "actor": None,
    "occurred_at": ex.POSTED,
    "recorded_at": ex.POSTED,
    "reviewed_at": None,
}


class PointEntryOut(BaseModel):
    """One ledger entry, explaining itself."""

    model_config = ConfigDict(json_schema_extra={"examples": [_ENTRY]})

    id: UUID = Field(description="The entry's id.")
    ambassador_id: UUID = Field(description="Whose points.")
    points: int = Field(description="Signed: negative for reversals, redemptions, donations and downward adjustments.")
    kind: EntryKind = Field(description="award, reversal, adjustment, redemption, refund or donation.")
    status: EntryStatus = Field(
        description="credited (counts), withheld (awaiting review; counts in nothing), released (counts since "
        "its review) or reversed (judged invalid on review; never counted)."
    )
    rule: str = Field(description="The rule that earned it (`conversion.lead`, `counted_click`...), or `adjustment`.")
    rule_set_version: int | None = Field(description="The version of the rules it was judged under (0: the default).")
    source_event_id: UUID | None = Field(description="The event that earned it (a click's id for a click).")
    source_event_type: str | None = Field(description="That event's type (`share.posted`, `click.recorded`...).")
    share_id: UUID | None = Field(description="The share it is about, if any.")
    campaign_id: UUID | None = Field(description="The share's campaign, if any.")
    conversion_id: UUID | None = Field(description="The conversion it is about, if any.")
    multiplier: Decimal = Field(description="The campaign multiplier applied (1 when none).")
    cap_hit: CapHit | None = Field(description="The cap that cut it short (daily, share), if one did.")
    reason: str = Field(description="Why the entry exists, in words: rule, version, weights, credit, caps.")
    reverses: UUID | None = Field(description="For a reversal, the entry it takes back.")
    actor: str | None = Field(description="Who adjusted or reviewed it (their token's subject), if someone did.")
    occurred_at: datetime = Field(description="When what earned it happened.")
    recorded_at: datetime = Field(description="When the ledger recorded it.")
    reviewed_at: datetime | None = Field(description="When staff released or reversed it, for a withheld entry.")


class PointsStatementOut(BaseModel):
    """A balance and a page of the entries behind it, newest first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"ambassador_id": ex.AMBASSADOR_ID, "balance": 15, "earned": 15, "items": [_ENTRY], "next_cursor": None}
            ]
        }
    )

    ambassador_id: UUID = Field(description="Whose points.")
    balance: int = Field(description="The points held now; never below zero.")
    earned: int = Field(description="The points ever earned (awards and adjustments, less reversals).")
    items: list[PointEntryOut] = Field(description="The page's entries, newest first, at most `limit` of them.")
    next_cursor: str | None = Field(description="Pass as `cursor` to read the next page; null on the last page.")


class AdjustmentCreate(RequestBody):
    """A manual correction of an ambassador's points."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"points": 50, "reason": "Spoke at the careers fair for the programme."}]},
    )

    points: Annotated[
        int, Field(ge=-MAX_ADJUSTMENT, le=MAX_ADJUSTMENT), JSON_INTEGER, Documented(**{"not": {"const": 0}})
    ] = Field(description="Signed, never 0: positive adds, negative takes away (only what the balance holds).")
    reason: Annotated[str, Field(min_length=1, max_length=MAX_REASON), MULTI_LINE_NOT_BLANK] = Field(
        description="Why: shown to the ambassador with the entry."
    )


class ReviewCreate(RequestBody):
    """A decision on a withheld entry."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"decision": "release"}]})

    decision: Decision = Field(description="release (the points count from now on) or reverse (they never count).")
