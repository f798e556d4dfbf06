"""REST bodies of recognition: leaderboards, badges and campaign progress."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from app.api.rest import examples as ex
from app.api.rest.bodies import JSON_INTEGER, RequestBody
from app.api.rest.texts import SINGLE_LINE_NOT_BLANK
from app.domain.rewards.badges import Metric, Window
from app.domain.rewards.periods import PeriodKind
from app.ports.recognition import LeaderboardScope

BOARD_CURSOR = "eyJib2FyZCI6WzEyMCwiMDE5NmEzYjQtMWUyZi03YTNiLThjNGQtNmU3ZjhhOWIwYzFkIiwyMCwxOV19"
_ROW: dict[str, Any] = {
    "rank": 1,
    "ambassador_id": ex.AMBASSADOR_ID,
    "given_name": "Camille",
    "family_name": "Martin",
    "points": 120,
}


class LeaderboardRowOut(BaseModel):
    """One ambassador on the board: only members who chose to appear are ever named."""

    rank: int = Field(description="Standard competition ranking: equal points share a rank, the next skips (1, 1, 3).")
    ambassador_id: UUID = Field(description="The member's ambassador id.")
    given_name: str = Field(description="Their given name.")
    family_name: str = Field(description="Their family name.")
    points: int = Field(description="Points earned over the period, reversals deducted.")


class MyStandingOut(BaseModel):
    """The caller's own place, shown beside every page whether or not they appear on boards."""

    ambassador_id: UUID = Field(description="The caller's ambassador id.")
    rank: int = Field(description="Their rank among the members shown (1 + those with more points).")
    points: int = Field(description="Their points over the period.")
    visible: bool = Field(description="Whether others see them on boards (`leaderboard_visible`).")


class LeaderboardOut(BaseModel):
    """A page of a leaderboard, most points first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "period": "month",
                    "scope": "programme",
                    "period_start": "2025-03-01",
                    "starts_at": "2025-02-28T23:00:00Z",
                    "ends_at": "2025-03-31T22:00:00Z",
                    "time_zone": "Europe/Paris",
                    "campaign_id": None,
                    "department": None,
                    "location": None,
                    "items": [_ROW],
                    "me": {"ambassador_id": ex.AMBASSADOR_ID, "rank": 1, "points": 120, "visible": True},
                    "next_cursor": BOARD_CURSOR,
                }
            ]
        }
    )

    period: PeriodKind = Field(description="The period the points were earned in.")
    scope: LeaderboardScope = Field(description="Who is ranked: the programme, a campaign, a department, a location.")
    period_start: date = Field(description="The local date the period starts on (1970-01-01: all time, a campaign).")
    starts_at: datetime | None = Field(description="The period's first instant; null for all time.")
    ends_at: datetime | None = Field(description="The instant after the period; null for all time or an open campaign.")
    time_zone: str = Field(description="The programme's time zone the period is cut in.")
    campaign_id: UUID | None = Field(description="The campaign ranked in, for campaign boards.")
    department: str | None = Field(description="The department ranked in, for department boards.")
    location: str | None = Field(description="The location ranked in, for location boards.")
    items: list[LeaderboardRowOut] = Field(description="The page's rows, most points first, ties by ambassador id.")
    me: MyStandingOut | None = Field(description="The caller's own standing; null for staff who are not members.")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last.")


class CounterBody(BaseModel):
    """At least `at_least` of a metric, counted ever or this week."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["counter"] = Field(description="`counter`.")
    metric: Metric = Field(description="What is counted.")
    at_least: Annotated[int, Field(ge=1, le=1_000_000), JSON_INTEGER] = Field(description="How many, at least.")
    window: Window = Field(default=Window.EVER, description="Counted ever, or this week.")


class StreakBody(BaseModel):
    """At least `per_week` of a metric in each of `weeks` weeks in a row, ending this week."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["streak"] = Field(description="`streak`.")
    metric: Metric = Field(description="What is counted.")
    weeks: Annotated[int, Field(ge=1, le=52), JSON_INTEGER] = Field(description="How many weeks in a row.")
    per_week: Annotated[int, Field(ge=1, le=1_000), JSON_INTEGER] = Field(
        default=1, description="How many each week, at least."
    )


CriterionBody = Annotated[CounterBody | StreakBody, Field(discriminator="kind")]


class CriterionOut(BaseModel):
    """A badge's criterion as stored."""

    kind: Literal["counter", "streak", "challenge_rank"] = Field(description="The shape of the criterion.")
    metric: Metric | None = Field(default=None, description="What is counted (counters and streaks).")
    at_least: int | None = Field(default=None, description="A counter's threshold.")
    window: Window | None = Field(default=None, description="A counter's window.")
    weeks: int | None = Field(default=None, description="A streak's length in weeks.")
    per_week: int | None = Field(default=None, description="A streak's weekly threshold.")


_BADGE: dict[str, Any] = {
    "key": "shares-10",
    "name": "10 shares",
    "description": "Posted 10 shares.",
    "criterion": {"kind": "counter", "metric": "shares", "at_least": 10, "window": "ever"},
    "enabled": True,
    "builtin": True,
}


class BadgeBody(RequestBody):
    """A badge of the organisation's own, or (for a default badge's key) whether it can be earned."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "key": "recruiter",
                    "name": "Recruiter",
                    "description": "Three hires credited to shares.",
                    "criterion": {"kind": "counter", "metric": "hires", "at_least": 3},
                    "enabled": True,
                }
            ]
        }
    )

    key: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")] = Field(
        description="The badge's stable key (`recruiter`); a default's key changes only whether it is enabled."
    )
    name: Annotated[str, Field(min_length=1, max_length=80), SINGLE_LINE_NOT_BLANK] = Field(
        description="The badge's name."
    )
    description: Annotated[str, Field(min_length=1, max_length=300), SINGLE_LINE_NOT_BLANK] = Field(
        description="What it is for."
    )
    criterion: CriterionBody = Field(description="What earns it: a counter or a streak.")
    enabled: StrictBool = Field(default=True, description="Whether it can be earned (badges held stay held).")


class BadgeOut(BaseModel):
    """A badge of the catalogue."""

    model_config = ConfigDict(json_schema_extra={"examples": [_BADGE]})

    key: str = Field(description="Its stable key.")
    name: str = Field(description="Its name.")
    description: str = Field(description="What it is for.")
    criterion: CriterionOut = Field(description="What earns it.")
    enabled: bool = Field(description="Whether it can still be earned.")
    builtin: bool = Field(description="One of the defaults every organisation has.")


class HeldBadgeOut(BaseModel):
    """A badge a member holds."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"badge": _BADGE, "earned_at": ex.POSTED, "campaign_id": None}]}
    )

    badge: BadgeOut = Field(description="The badge.")
    earned_at: datetime = Field(description="When it was earned (once, for good).")
    campaign_id: UUID | None = Field(description="The challenge it was won in, for a challenge winner's badge.")


class HeldBadgesOut(BaseModel):
    """A member's badges, in the order earned."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"items": [{"badge": _BADGE, "earned_at": ex.POSTED, "campaign_id": None}]}]}
    )

    items: list[HeldBadgeOut] = Field(description="Every badge held, oldest first.")


class BadgesOut(BaseModel):
    """The organisation's badge catalogue."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"items": [_BADGE]}]})

    items: list[BadgeOut] = Field(description="The defaults first, then the organisation's own, by key.")


class GoalProgressOut(BaseModel):
    """One goal and what was reached."""

    target: int | None = Field(description="The campaign's target; null when it sets none.")
    reached: int = Field(description="What the campaign's shares reached so far.")


class CampaignProgressOut(BaseModel):
    """A campaign's progress against its goals."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "campaign_id": ex.CAMPAIGN_ID,
                    "is_challenge": True,
                    "shares": {"target": 200, "reached": 57},
                    "clicks": {"target": 5000, "reached": 1210},
                    "conversions": {"lead": {"target": 40, "reached": 12}},
                }
            ]
        }
    )

    campaign_id: UUID = Field(description="The campaign.")
    is_challenge: bool = Field(description="Whether it is a challenge with its own board.")
    shares: GoalProgressOut = Field(description="Posted shares.")
    clicks: GoalProgressOut = Field(description="Counted clicks (bots, repeats and the ambassadors' own aside).")
    conversions: dict[str, GoalProgressOut] = Field(description="Credited conversions by type.")
