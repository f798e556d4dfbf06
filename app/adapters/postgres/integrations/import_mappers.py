"""Roster import rows mapped to the domain's objects (rows never leave the adapter)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from app.domain.integrations.roster_files import FileKind
from app.domain.integrations.roster_imports import DiffCounts, ImportMode, ImportStatus, RosterImport, RowError
from app.domain.messages import Message


def roster_import(row: Mapping[str, Any]) -> RosterImport:
    return RosterImport(
        id=row["id"],
        tenant_id=row["tenant_id"],
        mode=ImportMode(row["mode"]),
        status=ImportStatus(row["status"]),
        file_kind=FileKind(row["file_kind"]),
        rows=row["rows"],
        bad_rows=row["bad_rows"],
        error_count=row["error_count"],
        counts=DiffCounts(
            create=row["to_create"],
            update=row["to_update"],
            terminate=row["to_terminate"],
            unchanged=row["unchanged"],
        ),
        active_employees=row["active_employees"],
        created_by=row["created_by"],
        created_at=row["created_at"],
        applied_by=row["applied_by"],
        applied_at=row["applied_at"],
        mass_termination_confirmed=row["mass_termination_confirmed"],
        version=row["version"],
    )


def row_error(row: Mapping[str, Any]) -> RowError:
    """A stored problem, its message rebuilt from its template so that it reads in any language."""
    params = row["params"]
    params = json.loads(params) if isinstance(params, str) else dict(params or {})
    message = Message(row["template"], **params) if params else Message(row["template"])
    return RowError(line=row["line"], column=row["column"], message=message)
