"""GraphQL types of recognition: boards, badges and campaign progress, with their mappers."""

from __future__ import annotations

from datetime import date, datetime

import strawberry
from strawberry.relay import GlobalID

from app.api.graphql.connections import PageInfo
from app.api.graphql.enums import domain_enum
from app.api.graphql.global_ids import global_id
from app.api.pagination import encode_board_cursor
from app.domain.rewards.badges import Badge as DomainBadge
from app.domain.rewards.periods import PeriodKind
from app.domain.rewards.ranking import Standing
from app.ports.recognition import CampaignProgress as Progress
from app.ports.recognition import GoalProgress as Goal
from app.ports.recognition import LeaderboardPage, LeaderboardScope
from app.services.rewards.badges import HeldBadge as Held

__all__ = ["LeaderboardScope", "PeriodKind"]

domain_enum(
    PeriodKind,
    "The period a board sums points over.",
    {
        PeriodKind.WEEK: "This week, from Monday, in the programme's time zone.",
        PeriodKind.MONTH: "This month, in the programme's time zone.",
        PeriodKind.QUARTER: "This quarter, in the programme's time zone.",
        PeriodKind.ALL_TIME: "Every point ever earned.",
        PeriodKind.CAMPAIGN: "The campaign's own period (its points only).",
    },
)
domain_enum(
    LeaderboardScope,
    "Who a board ranks.",
    {
        LeaderboardScope.PROGRAMME: "Every member.",
        LeaderboardScope.CAMPAIGN: "The points earned in one campaign.",
        LeaderboardScope.DEPARTMENT: "The members of one department (yours unless named).",
        LeaderboardScope.LOCATION: "The members of one location (yours unless named).",
    },
)


@strawberry.type(description="One member on a board; only members who chose to appear are ever named.")
class LeaderboardEntry:
    rank: int = strawberry.field(description="Standard competition ranking: equal points share a rank (1, 1, 3).")
    ambassador_id: GlobalID = strawberry.field(description="The member's `id`.")
    given_name: str = strawberry.field(description="Their given name.")
    family_name: str = strawberry.field(description="Their family name.")
    points: int = strawberry.field(description="Points earned over the period, reversals deducted.")


@strawberry.type(description="One row of a board, and where the page after it starts.")
class LeaderboardEdge:
    cursor: str = strawberry.field(description="Pass as `after` to read the rows that follow this one.")
    node: LeaderboardEntry = strawberry.field(description="The row.")


@strawberry.type(description="The caller's own place, whether or not they appear on boards.")
class MyStanding:
    ambassador_id: GlobalID = strawberry.field(description="The caller's member `id`.")
    rank: int = strawberry.field(description="Their rank among the members shown.")
    points: int = strawberry.field(description="Their points over the period.")
    visible: bool = strawberry.field(description="Whether others see them on boards.")


@strawberry.type(description="A page of a leaderboard, most points first (a Relay-style connection).")
class Leaderboard:
    period: PeriodKind = strawberry.field(description="The period.")
    period_start: date = strawberry.field(description="The local date it starts on (1970-01-01: all time).")
    starts_at: datetime | None = strawberry.field(description="Its first instant; null for all time.")
    ends_at: datetime | None = strawberry.field(description="The instant after it; null for all time.")
    time_zone: str = strawberry.field(description="The programme's time zone the period is cut in.")
    edges: list[LeaderboardEdge] = strawberry.field(description="The rows of this page.")
    page_info: PageInfo = strawberry.field(description="Where the page starts and ends.")
    me: MyStanding | None = strawberry.field(description="The caller's own standing; null for staff.")


def leaderboard_node(page: LeaderboardPage, after_a_cursor: bool) -> Leaderboard:
    edges = [
        LeaderboardEdge(
            cursor=encode_board_cursor(
                Standing(position=row.position, rank=row.rank, points=row.points, ambassador_id=row.ambassador_id)
            )
            or "",
            node=LeaderboardEntry(
                rank=row.rank,
                ambassador_id=global_id("Ambassador", row.ambassador_id),
                given_name=row.given_name,
                family_name=row.family_name,
                points=row.points,
            ),
        )
        for row in page.rows
    ]
    me = page.me
    return Leaderboard(
        period=page.period,
        period_start=page.period_start,
        starts_at=page.starts_at,
        ends_at=page.ends_at,
        time_zone=page.time_zone,
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.next_after is not None,
            has_previous_page=after_a_cursor,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        me=None
        if me is None
        else MyStanding(
            ambassador_id=global_id("Ambassador", me.ambassador_id), rank=me.rank, points=me.points, visible=me.visible
        ),
    )


@strawberry.type(description="A badge of the catalogue.")
class Badge:
    key: str = strawberry.field(description="Its stable key.")
    name: str = strawberry.field(description="Its name.")
    description: str = strawberry.field(description="What it is for.")
    enabled: bool = strawberry.field(description="Whether it can still be earned.")
    builtin: bool = strawberry.field(description="One of the defaults every organisation has.")


def badge_node(badge: DomainBadge) -> Badge:
    return Badge(
        key=badge.key, name=badge.name, description=badge.description, enabled=badge.enabled, builtin=badge.builtin
    )


@strawberry.type(description="A badge a member holds.")
class HeldBadge:
    badge: Badge = strawberry.field(description="The badge.")
    earned_at: datetime = strawberry.field(description="When it was earned (once, for good).")


def held_node(held: Held) -> HeldBadge:
    return HeldBadge(badge=badge_node(held.badge), earned_at=held.earned.earned_at)


@strawberry.type(description="One goal of a campaign and what was reached.")
class GoalProgress:
    target: int | None = strawberry.field(description="The target; null when the campaign sets none.")
    reached: int = strawberry.field(description="What the campaign's shares reached.")


@strawberry.type(description="Credited conversions of one type against the campaign's goal.")
class ConversionGoalProgress:
    type: str = strawberry.field(description="The conversion type.")
    target: int | None = strawberry.field(description="The target; null when the campaign sets none.")
    reached: int = strawberry.field(description="Conversions of this type credited to the campaign.")


@strawberry.type(description="A campaign's progress against its goals.")
class CampaignProgress:
    is_challenge: bool = strawberry.field(description="Whether it is a challenge with its own board.")
    shares: GoalProgress = strawberry.field(description="Posted shares.")
    clicks: GoalProgress = strawberry.field(description="Counted clicks (never bots nor the ambassadors' own).")
    conversions: list[ConversionGoalProgress] = strawberry.field(description="Credited conversions by type.")


def _goal(goal: Goal) -> GoalProgress:
    return GoalProgress(target=goal.target, reached=goal.reached)


def progress_node(progress: Progress) -> CampaignProgress:
    return CampaignProgress(
        is_challenge=progress.is_challenge,
        shares=_goal(progress.shares),
        clicks=_goal(progress.clicks),
        conversions=[
            ConversionGoalProgress(type=kind, target=goal.target, reached=goal.reached)
            for kind, goal in progress.conversions.items()
        ],
    )
