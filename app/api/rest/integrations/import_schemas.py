"""Roster imports' request and response bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from app.api.rest import examples as ex
from app.api.rest.bodies import RequestBody
from app.domain.integrations.roster_files import FileKind
from app.domain.integrations.roster_imports import ImportMode, ImportStatus

IMPORT_ID = "0196a3f5-0a1b-7c2d-8e3f-4a5b6c7d8e9f"
_ERROR: dict[str, Any] = {
    "line": 7,
    "column": "manager_external_id",
    "message": "No employee has the external id HR-0999, in the roster or among the file's valid rows; add the "
    "manager's row, fix it, or leave the cell empty.",
}
_IMPORT: dict[str, Any] = {
    "id": IMPORT_ID,
    "mode": "full",
    "status": "previewed",
    "file_kind": "text/csv",
    "rows": 1204,
    "bad_rows": 1,
    "error_count": 1,
    "counts": {"create": 12, "update": 40, "terminate": 3, "unchanged": 1148},
    "active_employees": 1195,
    "created_by": "hris-sync",
    "created_at": ex.CREATED,
    "applied_by": None,
    "applied_at": None,
    "mass_termination_confirmed": False,
}


class DiffCountsOut(BaseModel):
    """What applying does: employees added, changed, terminated, and good rows that change nothing."""

    create: int = Field(description="Rows whose external id no employee has: each adds an employee.")
    update: int = Field(description="Rows that change an employee's fields (a rehire among them).")
    terminate: int = Field(
        description="Employees terminated: rows giving a `terminated_on` for an active employee, and, in a "
        "`full` import, active employees with an external id whom no row names."
    )
    unchanged: int = Field(description="Good rows that change nothing.")


class RowErrorOut(BaseModel):
    """One problem of a bad row; a row may have several."""

    model_config = ConfigDict(json_schema_extra={"examples": [_ERROR]})

    line: int = Field(description="The file's line where the row starts (the header is line 1 of a CSV file).")
    column: str | None = Field(description="The column (field) at fault; null when the whole row is.")
    message: str = Field(description="What is wrong and what to fix.")


class RosterImportOut(BaseModel):
    """A roster import: its dry run's counts, and whether and by whom it was applied."""

    model_config = ConfigDict(json_schema_extra={"examples": [_IMPORT]})

    id: UUID = Field(description="The import's id: what applying names.")
    mode: ImportMode = Field(description="`full`: the file is the whole roster; `partial`: only its rows.")
    status: ImportStatus = Field(description="`previewed` (the dry run, nothing changed yet) or `applied`.")
    file_kind: FileKind = Field(description="The file's media type.")
    rows: int = Field(description="Rows read (blank lines aside).")
    bad_rows: int = Field(description="Rows with at least one problem: left out when applying.")
    error_count: int = Field(description="Problems of the bad rows, in all.")
    counts: DiffCountsOut = Field(description="What applying does (or did) with the good rows.")
    active_employees: int = Field(description="Active employees when the dry run was made.")
    created_by: str = Field(description="Who sent the file (the token's subject).")
    created_at: datetime = Field(description="When the dry run was made.")
    applied_by: str | None = Field(description="Who applied it; null until applied.")
    applied_at: datetime | None = Field(description="When it was applied; null until applied.")
    mass_termination_confirmed: bool = Field(description="Whether the apply confirmed a mass termination.")


class RosterImportPreviewOut(RosterImportOut):
    """A roster import with the first problems of its bad rows."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [_IMPORT | {"errors": [_ERROR], "errors_next_cursor": None}]}
    )

    errors: list[RowErrorOut] = Field(
        description="The bad rows' problems by line, at most 100 (whole rows: a row's problems are never split); "
        "`error_count` is the total."
    )
    errors_next_cursor: str | None = Field(
        description="When there are more: pass as `cursor` to `GET /v1/roster-imports/{id}/errors`; else null.",
        examples=[None],
    )


class RowErrorPageOut(BaseModel):
    """A page of an import's row problems, by line."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [_ERROR], "next_cursor": None}]})

    items: list[RowErrorOut] = Field(description="The problems, by line then column.")
    next_cursor: str | None = Field(description="Pass as `cursor` to read the next page; null on the last page.")


class ApplyRequest(RequestBody):
    """How to apply; the body may be left out."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"confirm_mass_termination": True}]})

    confirm_mass_termination: StrictBool = Field(
        default=False,
        description="Confirm a full import that terminates more than the programme's share of active employees.",
    )
