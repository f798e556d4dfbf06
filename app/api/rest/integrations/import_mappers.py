"""Roster imports mapped to their REST bodies."""

from __future__ import annotations

from collections.abc import Sequence

from app.api.pagination import encode_line_cursor
from app.api.rest.integrations.import_schemas import (
    DiffCountsOut,
    RosterImportOut,
    RosterImportPreviewOut,
    RowErrorOut,
)
from app.domain.integrations.roster_imports import RosterImport, RowError
from app.services.integrations.read_roster_imports import RowErrorPage


def roster_import_out(imported: RosterImport) -> RosterImportOut:
    counts = imported.counts
    return RosterImportOut(
        id=imported.id,
        mode=imported.mode,
        status=imported.status,
        file_kind=imported.file_kind,
        rows=imported.rows,
        bad_rows=imported.bad_rows,
        error_count=imported.error_count,
        counts=DiffCountsOut(
            create=counts.create, update=counts.update, terminate=counts.terminate, unchanged=counts.unchanged
        ),
        active_employees=imported.active_employees,
        created_by=imported.created_by,
        created_at=imported.created_at,
        applied_by=imported.applied_by,
        applied_at=imported.applied_at,
        mass_termination_confirmed=imported.mass_termination_confirmed,
    )


def row_errors_out(errors: Sequence[RowError]) -> list[RowErrorOut]:
    return [RowErrorOut(line=error.line, column=error.column, message=error.message) for error in errors]


def preview_out(imported: RosterImport, errors: RowErrorPage) -> RosterImportPreviewOut:
    return RosterImportPreviewOut(
        **roster_import_out(imported).model_dump(),
        errors=row_errors_out(errors.items),
        errors_next_cursor=encode_line_cursor(errors.next_line),
    )
