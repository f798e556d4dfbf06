"""SQLModel tables of roster imports: one row per import (its dry run's counts), and its staging rows.

The staging rows (an unlogged table) are the file as read, one per row, with the problems that keep
the bad ones out. What each good row does is worked out from them and the roster by the dry run, and
kept on the row; the apply does it on the roster the dry run saw (the import's stamp proves it).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class RosterImportRow(SQLModel, table=True):
    __tablename__ = "roster_imports"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),
        sa.CheckConstraint("mode in ('full', 'partial')", name="mode"),
        sa.CheckConstraint("status in ('previewed', 'applied')", name="status"),
        sa.CheckConstraint("file_kind in ('text/csv', 'application/x-ndjson')", name="file_kind"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    mode: str
    status: str
    file_kind: str
    rows: int
    bad_rows: int
    error_count: int
    to_create: int
    to_update: int
    to_terminate: int
    unchanged: int
    active_employees: int
    # The roster as the dry run saw it: its employee count and the sum of their versions, which
    # every change to an employee raises (see docs/roster-imports.md).
    roster_stamp: str
    created_by: str
    created_at: datetime = timestamp()
    applied_by: str | None = None
    applied_at: datetime | None = timestamp(nullable=True)
    mass_termination_confirmed: bool = False
    version: int


class RosterImportStagingRow(SQLModel, table=True):
    __tablename__ = "roster_import_rows"
    __table_args__ = (
        # The bad rows of an import, paged by line, without reading the good ones.
        sa.Index(
            "ix_roster_import_rows_tenant_id_import_id_line_problems",
            "tenant_id",
            "import_id",
            "line",
            postgresql_where=sa.text("problems IS NOT NULL"),
        ),
        # No foreign key to the import: COPY would check it row by row, 100,000 times, for rows only
        # ever written by the import's own transaction, right after the import itself.
        # Unlogged: staging is written once and read back once, and writing it to the WAL doubled the
        # dry run's time. A crash empties it; the apply then finds fewer rows than the dry run read and
        # refuses, so an emptied staging never reads as "everyone left".
        {"prefixes": ["UNLOGGED"]},
    )

    tenant_id: UUID = Field(primary_key=True)
    import_id: UUID = Field(primary_key=True)
    line: int = Field(primary_key=True)
    external_id: str | None = None
    # Which fields the row gives, one bit per field in ROSTER_FIELDS' order: a partial record
    # changes those and leaves the others.
    given: int
    email: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    department: str | None = None
    location: str | None = None
    manager_external_id: str | None = None
    language: str | None = None
    hired_on: date | None = None
    terminated_on: date | None = None
    problems: list[dict[str, Any]] | None = Field(default=None, sa_column=Column(JSONB, nullable=True))
    # The dry run's verdict on a good row that changes the roster (None for the others): 'create',
    # 'update' or 'terminate', the employee it is (a new one's id made up front) and the manager it names.
    action: str | None = None
    employee_id: UUID | None = None
    manager_id: UUID | None = None
