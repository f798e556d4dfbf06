"""Ledger rows to entries and back."""

from __future__ import annotations

from typing import Any

from app.domain.rewards.ledger import CapHit, EntryKind, EntryStatus, PointEntry


def entry_values(entry: PointEntry) -> dict[str, Any]:
    return {
        "tenant_id": entry.tenant_id,
        "id": entry.id,
        "ambassador_id": entry.ambassador_id,
        "points": entry.points,
        "kind": entry.kind.value,
        "status": entry.status.value,
        "rule": entry.rule,
        "rule_set_version": entry.rule_set_version,
        "source_event_id": entry.source_event_id,
        "source_event_type": entry.source_event_type,
        "share_id": entry.share_id,
        "campaign_id": entry.campaign_id,
        "conversion_id": entry.conversion_id,
        "multiplier": entry.multiplier,
        "cap_hit": entry.cap_hit.value if entry.cap_hit is not None else None,
        "reason": entry.reason,
        "reverses": entry.reverses,
        "actor": entry.actor,
        "occurred_at": entry.occurred_at,
        "recorded_at": entry.recorded_at,
        "reviewed_at": entry.reviewed_at,
    }


def key_values(entry: PointEntry) -> dict[str, Any] | None:
    """The key that makes ``entry`` once only (``points_entry_keys``), or None for an entry without one:
    a reversal is once per entry reversed, any other entry from a source event once per (event, rule,
    share), as the ledger's unique indexes had it before it was partitioned."""
    key = {"tenant_id": entry.tenant_id, "entry_id": entry.id}
    if entry.reverses is not None:
        return key | {
            "kind": "reversal",
            "source_event_id": None,
            "rule": None,
            "share_id": None,
            "reverses": entry.reverses,
        }
    if entry.source_event_id is None:
        return None
    return key | {
        "kind": "award",
        "source_event_id": entry.source_event_id,
        "rule": entry.rule,
        "share_id": entry.share_id,
        "reverses": None,
    }


def entry_from_row(row: Any) -> PointEntry:
    return PointEntry(
        id=row.id,
        tenant_id=row.tenant_id,
        ambassador_id=row.ambassador_id,
        points=row.points,
        kind=EntryKind(row.kind),
        status=EntryStatus(row.status),
        rule=row.rule,
        rule_set_version=row.rule_set_version,
        source_event_id=row.source_event_id,
        source_event_type=row.source_event_type,
        share_id=row.share_id,
        campaign_id=row.campaign_id,
        conversion_id=row.conversion_id,
        multiplier=row.multiplier,
        cap_hit=CapHit(row.cap_hit) if row.cap_hit is not None else None,
        reason=row.reason,
        reverses=row.reverses,
        actor=row.actor,
        occurred_at=row.occurred_at,
        recorded_at=row.recorded_at,
        reviewed_at=row.reviewed_at,
    )
