"""Roster imports: what each staging row does (its action, the employee it is, the manager it names),
worked out once by the dry run and kept for the apply, which no longer works it out again.

Imports previewed before this revision have no such verdicts: their roster stamp is cleared, so that
applying one is refused as a changed roster (run the dry run again) rather than applied without them.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("roster_import_rows", sa.Column("action", sa.String(), nullable=True))
    op.add_column("roster_import_rows", sa.Column("employee_id", sa.Uuid(), nullable=True))
    op.add_column("roster_import_rows", sa.Column("manager_id", sa.Uuid(), nullable=True))
    op.execute("UPDATE roster_imports SET roster_stamp = '' WHERE status = 'previewed'")


def downgrade() -> None:
    op.drop_column("roster_import_rows", "manager_id")
    op.drop_column("roster_import_rows", "employee_id")
    op.drop_column("roster_import_rows", "action")
