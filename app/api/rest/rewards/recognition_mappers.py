"""Recognition's results to REST bodies."""

from __future__ import annotations

from uuid import UUID

from app.api.pagination import encode_board_cursor
from app.api.rest.rewards.recognition_schemas import (
    BadgeOut,
    CampaignProgressOut,
    CriterionOut,
    GoalProgressOut,
    HeldBadgeOut,
    LeaderboardOut,
    LeaderboardRowOut,
    MyStandingOut,
)
from app.domain.rewards.badges import Badge
from app.ports.recognition import CampaignProgress, GoalProgress, LeaderboardPage, LeaderboardScope
from app.services.rewards.badges import HeldBadge


def leaderboard_out(page: LeaderboardPage, scope: LeaderboardScope, campaign_id: UUID | None) -> LeaderboardOut:
    me = page.me
    return LeaderboardOut(
        period=page.period,
        scope=scope,
        period_start=page.period_start,
        starts_at=page.starts_at,
        ends_at=page.ends_at,
        time_zone=page.time_zone,
        campaign_id=campaign_id,
        department=page.department,
        location=page.location,
        items=[
            LeaderboardRowOut(
                rank=row.rank,
                ambassador_id=row.ambassador_id,
                given_name=row.given_name,
                family_name=row.family_name,
                points=row.points,
            )
            for row in page.rows
        ],
        me=None
        if me is None
        else MyStandingOut(ambassador_id=me.ambassador_id, rank=me.rank, points=me.points, visible=me.visible),
        next_cursor=encode_board_cursor(page.next_after),
    )


def badge_out(badge: Badge) -> BadgeOut:
    return BadgeOut(
        key=badge.key,
        name=badge.name,
        description=badge.description,
        criterion=CriterionOut(**badge.criterion.document()),
        enabled=badge.enabled,
        builtin=badge.builtin,
    )


def held_badge_out(held: HeldBadge) -> HeldBadgeOut:
    return HeldBadgeOut(
        badge=badge_out(held.badge), earned_at=held.earned.earned_at, campaign_id=held.earned.campaign_id
    )


def _goal(goal: GoalProgress) -> GoalProgressOut:
    return GoalProgressOut(target=goal.target, reached=goal.reached)


def campaign_progress_out(progress: CampaignProgress) -> CampaignProgressOut:
    return CampaignProgressOut(
        campaign_id=progress.campaign_id,
        is_challenge=progress.is_challenge,
        shares=_goal(progress.shares),
        clicks=_goal(progress.clicks),
        conversions={kind: _goal(goal) for kind, goal in progress.conversions.items()},
    )
