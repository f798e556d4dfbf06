"""SQLModel tables of sharing: shares, their clicks and engagement, visitor salts, legacy codes.

``shares.code`` is unique within its tenant; a code names its tenant by its first four characters
(the tenant's link prefix), or, for the codes issued before prefixes, by ``legacy_share_codes``.
Click rows hold no IP address, no user agent and no employee id: only daily-salted digests of the
visitor and of their network.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Column, Field, SQLModel

from app.adapters.postgres.columns import timestamp
from app.adapters.postgres.metadata import metadata  # noqa: F401  (its naming convention must precede every table)


class ShareRow(SQLModel, table=True):
    """A share: an intent until the ambassador confirms it (posted) or cancels it.

    ``destination`` is the content link with its UTM parameters, without the click reference
    (added per click); ``click_param`` is the setting as it was when the share was created.
    """

    __tablename__ = "shares"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "content_id"], ["contents.tenant_id", "contents.id"]),
        sa.ForeignKeyConstraint(["tenant_id", "campaign_id"], ["campaigns.tenant_id", "campaigns.id"]),
        sa.UniqueConstraint("tenant_id", "code"),
        sa.Index(
            "uq_shares_tenant_id_ambassador_id_content_id_network_open",
            "tenant_id",
            "ambassador_id",
            "content_id",
            "network",
            unique=True,
            postgresql_where=sa.text("status = 'intent'"),
        ),
        sa.Index(
            "ix_shares_tenant_id_ambassador_id_network_created_at",
            "tenant_id",
            "ambassador_id",
            "network",
            "created_at",
        ),
        sa.Index("ix_shares_tenant_id_content_id_id", "tenant_id", "content_id", "id"),
        # The feed marks the contents its reader posted; one probe per item.
        sa.Index(
            "ix_shares_tenant_id_ambassador_id_content_id_posted",
            "tenant_id",
            "ambassador_id",
            "content_id",
            postgresql_where=sa.text("status = 'posted'"),
        ),
        sa.Index("ix_shares_tenant_id_campaign_id_id", "tenant_id", "campaign_id", "id"),
        # The orders share lists offer (``ShareSort``); a share not posted sorts after every date.
        sa.Index("ix_shares_tenant_id_created_at_id", "tenant_id", "created_at", "id"),
        sa.Index(
            "ix_shares_tenant_id_posted_at_id",
            "tenant_id",
            sa.text("coalesce(posted_at, 'infinity'::timestamptz)"),
            "id",
        ),
        sa.CheckConstraint("status in ('intent', 'posted', 'cancelled')", name="status"),
        sa.CheckConstraint("(status = 'posted') = (posted_at IS NOT NULL)", name="posted_at"),
        sa.CheckConstraint("(status = 'cancelled') = (cancelled_at IS NOT NULL)", name="cancelled_at"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    code: str
    ambassador_id: UUID
    content_id: UUID
    campaign_id: UUID | None = None
    network: str
    language: str
    caption: str
    status: str
    destination: str
    click_param: str
    post_url: str | None = None
    # The audience of the ambassador's account on the network when they confirmed the share.
    potential_reach: int | None = Field(default=None, sa_column=Column(sa.BigInteger(), nullable=True))
    created_at: datetime = timestamp()
    posted_at: datetime | None = timestamp(nullable=True)
    cancelled_at: datetime | None = timestamp(nullable=True)
    version: int


class ClickRow(SQLModel, table=True):
    """A request on a tracked link. Its id (a UUIDv7) is the click reference handed to landing pages."""

    __tablename__ = "clicks"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "share_id"], ["shares.tenant_id", "shares.id"], ondelete="CASCADE"),
        # The redirect's uniqueness and daily cap read a network's counted clicks on a share that
        # are not the ambassador's own, newest first; nothing else reads clicks by digest.
        sa.Index(
            "ix_clicks_tenant_id_share_id_network_hash_clicked_at_counted",
            "tenant_id",
            "share_id",
            "network_hash",
            "clicked_at",
            postgresql_where=sa.text("kind = 'counted' AND NOT is_self"),
        ),
        sa.CheckConstraint("kind in ('counted', 'head', 'prefetch', 'bot', 'capped')", name="kind"),
        {"postgresql_partition_by": "RANGE (id)"},  # one partition per month (storage)
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    share_id: UUID
    clicked_at: datetime = timestamp()
    visitor_hash: str
    network_hash: str
    kind: str
    is_unique: bool
    is_self: bool


class VisitorSaltRow(SQLModel, table=True):
    """The salt of one UTC day, shared by every tenant and replica (get-or-create on conflict)."""

    __tablename__ = "visitor_salts"

    day: date = Field(primary_key=True)
    salt: bytes = Field(sa_column=Column(sa.LargeBinary, nullable=False))
    created_at: datetime = timestamp()


class AmbassadorVisitorRow(SQLModel, table=True):
    """An ambassador's own visitor digest on a day they created a share, to flag their own clicks."""

    __tablename__ = "ambassador_visitors"
    __table_args__ = (
        sa.ForeignKeyConstraint(
            ["tenant_id", "ambassador_id"], ["ambassadors.tenant_id", "ambassadors.id"], ondelete="CASCADE"
        ),
    )

    tenant_id: UUID = Field(primary_key=True)
    ambassador_id: UUID = Field(primary_key=True)
    day: date = Field(primary_key=True)
    visitor_hash: str = Field(primary_key=True)


class EngagementSnapshotRow(SQLModel, table=True):
    """Counts observed on the network for a share, by the integration or the share's ambassador
    (``source``); the integration's latest ``observed_at`` is the current one, else the ambassador's."""

    __tablename__ = "engagement_snapshots"
    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "share_id"], ["shares.tenant_id", "shares.id"], ondelete="CASCADE"),
        # The current snapshot: the integration's latest, else the ambassador's; one probe per source.
        sa.Index(
            "ix_engagement_snapshots_tenant_id_share_id_source_observed_at",
            "tenant_id",
            "share_id",
            "source",
            "observed_at",
        ),
        sa.CheckConstraint("impressions >= 0", name="impressions"),
        sa.CheckConstraint("reactions >= 0", name="reactions"),
        sa.CheckConstraint("comments >= 0", name="comments"),
        sa.CheckConstraint("reshares >= 0", name="reshares"),
        sa.CheckConstraint("source in ('integration', 'self_reported')", name="source"),
    )

    tenant_id: UUID = Field(primary_key=True)
    id: UUID = Field(primary_key=True)
    share_id: UUID
    observed_at: datetime = timestamp()
    impressions: int
    reactions: int
    comments: int
    reshares: int
    recorded_at: datetime = timestamp()
    recorded_by: str
    source: str


class LegacyShareCodeRow(SQLModel, table=True):
    """The tenant of each code issued before link prefixes (revision 0022), which names none.

    Filled by the migration, then by its trigger for the codes the previous release's replicas
    still issue until they are replaced, never by Relais itself: those links are out on social
    networks and must keep working. A reference table on Citus (see ``distribution``).
    """

    __tablename__ = "legacy_share_codes"
    __table_args__ = (sa.ForeignKeyConstraint(["tenant_id"], ["tenants.id"]),)

    code: str = Field(sa_column=Column(sa.Text, primary_key=True))
    tenant_id: UUID
