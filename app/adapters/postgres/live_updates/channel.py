"""The NOTIFY channel of live updates and its payload: a small JSON object of ids, never data.

PostgreSQL refuses payloads of 8000 bytes or more; four ids and a kind take under 200. It also
delivers a payload once per transaction however many times the transaction sends it, which makes
"one signal per person and kind" hold without counting.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.roster.repositories import ambassadors
from app.ports.live_updates import LiveSignal, SignalKind

CHANNEL = "relais_live"
PUBLISHED_KINDS = frozenset({SignalKind.POINTS, SignalKind.NOTIFICATION, SignalKind.SPACE})


def encode(signal: LiveSignal) -> str:
    if signal.kind not in PUBLISHED_KINDS:
        raise ValueError(f"A {signal.kind} signal is never published.")
    payload = {"tenant_id": str(signal.tenant_id), "employee_id": str(signal.employee_id), "kind": signal.kind.value}
    if signal.id is not None:
        payload["id"] = str(signal.id)
    return json.dumps(payload, separators=(",", ":"))


def decode(payload: str) -> LiveSignal | None:
    """The signal, or None for a payload this version does not read (a newer replica's kind, say)."""
    try:
        data: Any = json.loads(payload)
        kind = SignalKind(data["kind"])
        if kind not in PUBLISHED_KINDS:
            return None
        identifier = data.get("id")
        return LiveSignal(
            tenant_id=UUID(data["tenant_id"]),
            employee_id=UUID(data["employee_id"]),
            kind=kind,
            id=UUID(identifier) if identifier is not None else None,
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def notify_points(moved: sa.CTE, *columns: sa.ColumnElement[Any]) -> sa.Select[Any]:
    """A SELECT over ``moved`` (rows with ``tenant_id`` and ``ambassador_id``, from a data-modifying
    CTE) that signals each ambassador's points to the person behind them, in the same statement as
    the change. ``columns`` are selected besides."""
    _amb = ambassadors.c
    payload = sa.func.json_build_object(
        "tenant_id",
        moved.c.tenant_id,
        "employee_id",
        _amb.employee_id,
        "kind",
        SignalKind.POINTS.value,
        "id",
        moved.c.ambassador_id,
    )
    notify = sa.func.pg_notify(CHANNEL, sa.cast(payload, sa.Text))
    joined = moved.join(ambassadors, sa.and_(_amb.tenant_id == moved.c.tenant_id, _amb.id == moved.c.ambassador_id))
    return sa.select(*columns, notify.label("notified")).select_from(joined)
