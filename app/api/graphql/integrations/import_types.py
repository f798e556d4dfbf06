"""GraphQL types of roster imports: the import with its dry run's counts, and the mapper."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.enums import domain_enum
from app.domain.integrations import roster_imports as domain
from app.domain.integrations.roster_imports import ImportMode, ImportStatus

domain_enum(
    ImportMode,
    "What a roster file stands for.",
    {
        ImportMode.FULL: "The whole roster: active employees it does not name are terminated.",
        ImportMode.PARTIAL: "Only the employees its rows name.",
    },
)
domain_enum(
    ImportStatus,
    "Where a roster import stands.",
    {
        ImportStatus.PREVIEWED: "The dry run: nothing changed yet.",
        ImportStatus.APPLIED: "Applied to the roster.",
    },
)


@strawberry.type(description="What applying a roster import does (or did).")
class RosterImportCounts:
    create: int = strawberry.field(description="Employees added.")
    update: int = strawberry.field(description="Employees changed.")
    terminate: int = strawberry.field(
        description="Employees terminated (named as leaving, or absent from a full file)."
    )
    unchanged: int = strawberry.field(description="Good rows that change nothing.")


@strawberry.type(description="One problem of a bad row of a roster file.")
class RosterImportRowError:
    line: int = strawberry.field(description="The file's line where the row starts.")
    column: str | None = strawberry.field(description="The column at fault; null when the whole row is.")
    message: str = strawberry.field(description="What is wrong and what to fix.")


@strawberry.type(
    description="A roster file's dry run and, once applied, who applied it. The file is sent, and applied, over "
    "REST (`POST /v1/roster-imports`)."
)
class RosterImport(relay.Node):
    id: relay.NodeID[UUID]
    mode: ImportMode = strawberry.field(description="`FULL` or `PARTIAL`.")
    status: ImportStatus = strawberry.field(description="`PREVIEWED` or `APPLIED`.")
    file_kind: str = strawberry.field(description="The file's media type.")
    rows: int = strawberry.field(description="Rows read.")
    bad_rows: int = strawberry.field(description="Rows with problems, left out when applying.")
    error_count: int = strawberry.field(description="Problems of the bad rows, in all.")
    counts: RosterImportCounts = strawberry.field(description="What applying does (or did).")
    active_employees: int = strawberry.field(description="Active employees when the dry run was made.")
    created_by: str = strawberry.field(description="Who sent the file.")
    created_at: datetime = strawberry.field(description="When the dry run was made.")
    applied_by: str | None = strawberry.field(description="Who applied it, once applied.")
    applied_at: datetime | None = strawberry.field(description="When it was applied.")
    mass_termination_confirmed: bool = strawberry.field(description="Whether the apply confirmed a mass termination.")

    @described.field("REST's id of this import (`/v1/roster-imports/{id}`).")
    def uuid(self) -> UUID:
        return self.id


def roster_import_node(imported: domain.RosterImport) -> RosterImport:
    counts = imported.counts
    return RosterImport(
        id=imported.id,
        mode=imported.mode,
        status=imported.status,
        file_kind=imported.file_kind.value,
        rows=imported.rows,
        bad_rows=imported.bad_rows,
        error_count=imported.error_count,
        counts=RosterImportCounts(
            create=counts.create, update=counts.update, terminate=counts.terminate, unchanged=counts.unchanged
        ),
        active_employees=imported.active_employees,
        created_by=imported.created_by,
        created_at=imported.created_at,
        applied_by=imported.applied_by,
        applied_at=imported.applied_at,
        mass_termination_confirmed=imported.mass_termination_confirmed,
    )
