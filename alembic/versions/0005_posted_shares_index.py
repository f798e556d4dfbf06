"""The contents each ambassador posted, for the feed's ``already_shared``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_shares_tenant_id_ambassador_id_content_id_posted",
        "shares",
        ["tenant_id", "ambassador_id", "content_id"],
        unique=False,
        postgresql_where=sa.text("status = 'posted'"),
    )


def downgrade() -> None:
    op.drop_index(
        "ix_shares_tenant_id_ambassador_id_content_id_posted",
        table_name="shares",
        postgresql_where=sa.text("status = 'posted'"),
    )
