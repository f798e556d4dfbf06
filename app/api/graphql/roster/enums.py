"""GraphQL enums, declared apart from the domain's so the schema only changes on purpose.

Values match the domain's (and REST's) lowercase strings, which is how the mappers convert.
"""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Whether the employee still works for the organisation.")
class EmployeeStatus(Enum):
    ACTIVE = "active"
    TERMINATED = "terminated"


@strawberry.enum(description="Where an employee stands in the ambassador programme.")
class MembershipStatus(Enum):
    INVITED = "invited"
    ACTIVE = "active"
    PAUSED = "paused"
    LEFT = "left"


@strawberry.enum(description="A social network an ambassador can share on.")
class Network(Enum):
    LINKEDIN = "linkedin"
    X = "x"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    XING = "xing"
    TIKTOK = "tiktok"
    WHATSAPP = "whatsapp"


@strawberry.enum(description="What the caller's access token allows.")
class Role(Enum):
    ADMIN = "admin"
    MANAGER = "manager"
    MODERATOR = "moderator"
    ANALYST = "analyst"
    AMBASSADOR = "ambassador"
    INTEGRATOR = "integrator"
    OPERATOR = "operator"
