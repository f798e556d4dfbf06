"""GraphQL enums of the roster: the domain's enums, with a description of each value."""

from __future__ import annotations

from app.api.graphql.enums import domain_enum
from app.domain.networks import Network
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.employees import EmployeeStatus
from app.domain.roster.identity import Role

__all__ = ["EmployeeStatus", "MembershipStatus", "Network", "Role"]

domain_enum(
    EmployeeStatus,
    "Whether the employee still works for the organisation.",
    {
        EmployeeStatus.ACTIVE: "On the roster and working for the organisation.",
        EmployeeStatus.TERMINATED: "Left the organisation (`terminatedOn`); their membership moved to LEFT.",
    },
)
domain_enum(
    MembershipStatus,
    "Where an employee stands in the ambassador programme.",
    {
        MembershipStatus.INVITED: "Invited by staff; not a member until they opt in.",
        MembershipStatus.ACTIVE: "Opted in: receives the feed and may share.",
        MembershipStatus.PAUSED: "Paused by staff: a member who may not share for now.",
        MembershipStatus.LEFT: "Opted out, or left the organisation; opting in again is always possible.",
    },
)
domain_enum(
    Network,
    "A social network an ambassador can share on.",
    {
        Network.LINKEDIN: "LinkedIn (captions up to 3,000 characters).",
        Network.X: "X, formerly Twitter (280 characters, links counted as 23).",
        Network.FACEBOOK: "Facebook.",
        Network.INSTAGRAM: "Instagram (no share address: the caption is pasted).",
        Network.XING: "XING.",
        Network.TIKTOK: "TikTok (no share address: the caption is pasted).",
        Network.WHATSAPP: "WhatsApp.",
    },
)
domain_enum(
    Role,
    "What the caller's access token allows.",
    {
        Role.ADMIN: "Everything in the organisation, settings included.",
        Role.MANAGER: "Contents, campaigns and the programme's members.",
        Role.MODERATOR: "Reviews contents.",
        Role.ANALYST: "Reads the roster, contents, shares and figures.",
        Role.AMBASSADOR: "An employee: joins the programme and shares.",
        Role.INTEGRATOR: "A system: keeps the roster in sync and reports conversions and engagement.",
        Role.OPERATOR: "Runs the platform: creates organisations (no organisation of its own).",
    },
)
