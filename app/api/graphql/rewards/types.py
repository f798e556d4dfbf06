"""GraphQL types of points: the enums, an entry, a statement, the inputs and results, and their mappers."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql.connections import Connection, connection
from app.api.graphql.enums import domain_enum
from app.api.graphql.global_ids import global_id, optional_global_id
from app.domain.rewards.ledger import CapHit, Decision, EntryKind, EntryStatus, PointEntry
from app.ports.pagination import PageRequest
from app.services.rewards.get_points import PointsStatement as Statement

domain_enum(
    EntryKind,
    "What an entry does to a balance.",
    {
        EntryKind.AWARD: "Points a rule awarded for an event.",
        EntryKind.REVERSAL: "Points taken back (a cancelled share, an invalidated conversion).",
        EntryKind.ADJUSTMENT: "An admin's correction, with its reason.",
        EntryKind.REDEMPTION: "Points spent on a reward.",
        EntryKind.REFUND: "Points given back for a redemption that did not happen.",
        EntryKind.DONATION: "Points given to an association.",
    },
)
domain_enum(
    EntryStatus,
    "Whether an entry counts in the balance.",
    {
        EntryStatus.CREDITED: "It counts.",
        EntryStatus.WITHHELD: "Flagged by the velocity guard: it counts in nothing until reviewed.",
        EntryStatus.RELEASED: "Withheld, then released by staff: it counts since.",
        EntryStatus.REVERSED: "Withheld, then judged invalid by staff: it never counted.",
    },
)
domain_enum(
    CapHit,
    "The cap that cut an award short.",
    {
        CapHit.DAILY: "The rule's cap per ambassador per UTC day.",
        CapHit.SHARE: "The cap of points per share from clicks.",
    },
)
domain_enum(
    Decision,
    "What staff decide on withheld points.",
    {Decision.RELEASE: "They count from now on.", Decision.REVERSE: "They never count."},
)


@strawberry.type(description="One line of an ambassador's points, explaining itself.")
class PointEntryType:
    id: UUID = strawberry.field(description="The entry's id.")
    ambassador_id: relay.GlobalID = strawberry.field(description="The `id` of the membership whose points these are.")
    points: int = strawberry.field(description="Signed: negative for reversals, spends and downward adjustments.")
    kind: EntryKind = strawberry.field(description="What the entry does.")
    status: EntryStatus = strawberry.field(description="Whether it counts in the balance.")
    rule: str = strawberry.field(description="The rule that earned it (`conversion.lead`...), or `adjustment`.")
    rule_set_version: int | None = strawberry.field(description="The rules' version it was judged under.")
    source_event_id: UUID | None = strawberry.field(description="The event that earned it.")
    source_event_type: str | None = strawberry.field(description="That event's type.")
    share_id: relay.GlobalID | None = strawberry.field(description="The `id` of the share it is about, if any.")
    campaign_id: relay.GlobalID | None = strawberry.field(description="The `id` of the share's campaign, if any.")
    conversion_id: relay.GlobalID | None = strawberry.field(description="The `id` of its conversion, if any.")
    multiplier: str = strawberry.field(description="The campaign multiplier applied, as a decimal (`1.50`).")
    cap_hit: CapHit | None = strawberry.field(description="The cap that cut it short, if one did.")
    reason: str = strawberry.field(description="Why it exists, in words: rule, version, weights, credit, caps.")
    reverses: UUID | None = strawberry.field(description="For a reversal, the entry it takes back.")
    actor: str | None = strawberry.field(description="Who adjusted or reviewed it, if someone did.")
    occurred_at: datetime = strawberry.field(description="When what earned it happened.")
    recorded_at: datetime = strawberry.field(description="When the ledger recorded it.")
    reviewed_at: datetime | None = strawberry.field(description="When staff decided on it, for a withheld entry.")


@strawberry.type(name="PointsStatement", description="A balance and the entries behind it, newest first.")
class PointsStatementType:
    ambassador_id: relay.GlobalID = strawberry.field(description="The `id` of the membership.")
    balance: int = strawberry.field(description="The points held now; never below zero.")
    earned: int = strawberry.field(description="The points ever earned (awards and adjustments, less reversals).")
    entries: Connection[PointEntryType] = strawberry.field(description="The entries, newest first.")


@strawberry.type(description="The adjustment stored; the balance moved with it.")
class PointsAdjusted:
    entry: PointEntryType = strawberry.field(description="The adjustment entry.")


@strawberry.type(description="The decision stored on the withheld entry.")
class PointsReviewed:
    entry: PointEntryType = strawberry.field(description="The entry, released or reversed.")


@strawberry.type(description="The conversion is recorded as invalid; its points are reversed within seconds.")
class ConversionInvalidated:
    conversion_id: relay.GlobalID = strawberry.field(description="The `id` of the conversion.")
    reason: str = strawberry.field(description="Why it is invalid.")
    invalidated_at: datetime = strawberry.field(description="When it was reported invalid.")


@strawberry.input(description="A manual correction of a member's points.")
class AdjustPointsInput:
    ambassador_id: strawberry.ID = strawberry.field(description="The `id` of the membership.")
    points: int = strawberry.field(description="Signed, never 0; taking away needs a balance that holds it.")
    reason: str = strawberry.field(description="Why: shown to the ambassador with the entry.")


@strawberry.input(description="A decision on a withheld entry.")
class ReviewPointsInput:
    entry_id: UUID = strawberry.field(description="The withheld entry's id.")
    decision: Decision = strawberry.field(description="Release or reverse.")


@strawberry.input(description="A conversion reported invalid, with why.")
class InvalidateConversionInput:
    conversion_id: strawberry.ID = strawberry.field(description="The `id` of the conversion.")
    reason: str = strawberry.field(description="Why it is invalid (a spam lead, a withdrawn application).")


def entry_node(entry: PointEntry) -> PointEntryType:
    return PointEntryType(
        id=entry.id,
        ambassador_id=global_id("Ambassador", entry.ambassador_id),
        points=entry.points,
        kind=entry.kind,
        status=entry.status,
        rule=entry.rule,
        rule_set_version=entry.rule_set_version,
        source_event_id=entry.source_event_id,
        source_event_type=entry.source_event_type,
        share_id=optional_global_id("Share", entry.share_id),
        campaign_id=optional_global_id("Campaign", entry.campaign_id),
        conversion_id=optional_global_id("Conversion", entry.conversion_id),
        multiplier=str(entry.multiplier),
        cap_hit=entry.cap_hit,
        reason=entry.reason,
        reverses=entry.reverses,
        actor=entry.actor,
        occurred_at=entry.occurred_at,
        recorded_at=entry.recorded_at,
        reviewed_at=entry.reviewed_at,
    )


def statement_node(statement: Statement, request: PageRequest) -> PointsStatementType:
    return PointsStatementType(
        ambassador_id=global_id("Ambassador", statement.balance.ambassador_id),
        balance=statement.balance.balance,
        earned=statement.balance.earned,
        entries=connection(statement.entries, entry_node, request),
    )
