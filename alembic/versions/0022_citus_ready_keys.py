"""Keys a Citus cluster can distribute by tenant: each tenant's link prefix, share codes unique per
tenant, and the codes issued before prefixes kept in a frozen table of their own.

Every tenant gets an immutable link prefix (4 base62 characters) that its new share codes start
with, so the redirect knows a link's tenant before it reads the share. The codes already out there
name no tenant: ``legacy_share_codes`` keeps each one's tenant. Until the previous release's
replicas are gone they still issue such codes (the upgrade runs before the new replicas start), so
a trigger keeps those too; a later revision drops it, freezing the table.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The n-th prefix is n times a multiplier prime to 62 (odd, 31 not dividing it), modulo 62^4, written in
# base62: a permutation of the 14,776,336 prefixes, so prefixes never repeat and do not count tenants.
LINK_PREFIX_FUNCTION = """
CREATE FUNCTION tenant_link_prefix(number bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT string_agg(
        substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', (scrambled / place % 62)::int + 1, 1),
        '' ORDER BY place DESC
    )
    FROM (SELECT (number % 14776336) * 10406113 % 14776336 AS scrambled) AS n,
         unnest(ARRAY[238328, 3844, 62, 1]::bigint[]) AS place
$$
"""

# Only a replica of the previous release makes an 8-character code: keep its tenant.
LEGACY_CODES_FUNCTION = """
CREATE FUNCTION keep_legacy_share_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF length(NEW.code) = 8 THEN
        INSERT INTO legacy_share_codes (code, tenant_id) VALUES (NEW.code, NEW.tenant_id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END
$$
"""
LEGACY_CODES_TRIGGER = (
    "CREATE TRIGGER keep_legacy_share_codes AFTER INSERT ON shares"
    " FOR EACH ROW EXECUTE FUNCTION keep_legacy_share_code()"
)


def upgrade() -> None:
    op.execute("CREATE SEQUENCE tenant_link_prefixes AS bigint")
    op.execute(LINK_PREFIX_FUNCTION)
    # A volatile default is evaluated for each existing row: every tenant gets its own prefix now.
    op.add_column(
        "tenants",
        sa.Column(
            "link_prefix",
            sa.Text(),
            server_default=sa.text("tenant_link_prefix(nextval('tenant_link_prefixes'))"),
            nullable=False,
        ),
    )
    op.create_unique_constraint(op.f("uq_tenants_link_prefix"), "tenants", ["link_prefix"])
    op.create_check_constraint(op.f("ck_tenants_link_prefix"), "tenants", "link_prefix ~ '^[0-9A-Za-z]{4}$'")

    op.create_table(
        "legacy_share_codes",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("tenant_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"], name=op.f("fk_legacy_share_codes_tenant_id_tenants")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_legacy_share_codes")),
    )
    op.execute("INSERT INTO legacy_share_codes (code, tenant_id) SELECT code, tenant_id FROM shares")
    op.execute(LEGACY_CODES_FUNCTION)
    op.execute(LEGACY_CODES_TRIGGER)

    op.drop_constraint(op.f("uq_shares_code"), "shares", type_="unique")
    op.create_unique_constraint(op.f("uq_shares_tenant_id_code"), "shares", ["tenant_id", "code"])


def downgrade() -> None:
    op.drop_constraint(op.f("uq_shares_tenant_id_code"), "shares", type_="unique")
    op.create_unique_constraint(op.f("uq_shares_code"), "shares", ["code"])
    op.execute("DROP TRIGGER keep_legacy_share_codes ON shares")
    op.execute("DROP FUNCTION keep_legacy_share_code()")
    op.drop_table("legacy_share_codes")
    op.drop_column("tenants", "link_prefix")
    op.execute("DROP FUNCTION tenant_link_prefix(bigint)")
    op.execute("DROP SEQUENCE tenant_link_prefixes")
