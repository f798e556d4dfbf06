"""Shares as REST reads them."""

from __future__ import annotations

from app.api.rest.sharing.schemas import ConversionTallyOut, EngagementOut, ShareOut, ShareStatsOut
from app.domain.attribution.conversion_records import weight_text
from app.domain.sharing.engagement import EngagementSnapshot
from app.ports.sharing import ShareStats
from app.services.sharing.share_access import ShareView


def engagement_out(snapshot: EngagementSnapshot) -> EngagementOut:
    return EngagementOut(
        id=snapshot.id,
        observed_at=snapshot.observed_at,
        impressions=snapshot.impressions,
        reactions=snapshot.reactions,
        comments=snapshot.comments,
        reshares=snapshot.reshares,
        recorded_at=snapshot.recorded_at,
        source=snapshot.source,
    )


def stats_out(stats: ShareStats) -> ShareStatsOut:
    return ShareStatsOut(
        clicks=stats.clicks,
        unique_clicks=stats.unique_clicks,
        conversions=[
            ConversionTallyOut(type=kind, count=tally.count, credit=weight_text(tally.credit))
            for kind, tally in stats.conversions.items()
        ],
        engagement=engagement_out(stats.engagement) if stats.engagement else None,
    )


def share_out(view: ShareView) -> ShareOut:
    share = view.share
    return ShareOut(
        id=share.id,
        status=share.status,
        network=share.network,
        content_id=share.content_id,
        campaign_id=share.campaign_id,
        ambassador_id=share.ambassador_id,
        language=share.language,
        caption=share.caption,
        tracked_url=view.tracked_url,
        share_url=view.share_url,
        copy_text=view.copy_text,
        post_url=share.post_url,
        created_at=share.created_at,
        posted_at=share.posted_at,
        cancelled_at=share.cancelled_at,
        potential_reach=share.potential_reach,
        version=share.version,
        allowed_actions=share.allowed_actions(),
        stats=stats_out(view.stats) if view.stats else None,
    )
