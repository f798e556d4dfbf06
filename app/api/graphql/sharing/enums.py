"""GraphQL enums of sharing and attribution; values match the domain's lowercase strings."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="How a conversion's credit is shared among the clicks that led to it.")
class AttributionModel(Enum):
    LAST_TOUCH = "last_touch"
    FIRST_TOUCH = "first_touch"
    LINEAR = "linear"


@strawberry.enum(description="Where a share stands: an intent until confirmed as posted, or cancelled.")
class ShareStatus(Enum):
    INTENT = "intent"
    POSTED = "posted"
    CANCELLED = "cancelled"
