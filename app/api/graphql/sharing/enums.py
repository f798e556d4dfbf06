"""GraphQL enums of sharing and attribution: the domain's enums, with a description of each value."""

from __future__ import annotations

from app.api.graphql.enums import domain_enum
from app.domain.attribution.policy import AttributionModel
from app.domain.sharing.engagement import EngagementSource
from app.domain.sharing.shares import ShareAction, ShareStatus

__all__ = ["AttributionModel", "EngagementSource", "ShareAction", "ShareStatus"]

domain_enum(
    AttributionModel,
    "How a conversion's credit is shared among the clicks that led to it.",
    {
        AttributionModel.LAST_TOUCH: "All the credit to the last counted click before the conversion, in the window.",
        AttributionModel.FIRST_TOUCH: "All the credit to the first counted click in the window.",
        AttributionModel.LINEAR: "An equal part per counted click in the window, added up per share.",
    },
)
domain_enum(
    ShareStatus,
    "Where a share stands: an intent until confirmed as posted, or cancelled.",
    {
        ShareStatus.INTENT: "Started: the tracked link exists, the ambassador has not confirmed posting it.",
        ShareStatus.POSTED: "The ambassador confirmed posting it.",
        ShareStatus.CANCELLED: "Given up before posting; its tracked link leads nowhere.",
    },
)
domain_enum(
    ShareAction,
    "What the share's ambassador may do to it next.",
    {
        ShareAction.CONFIRM: "Confirm it was posted (`confirmShare`).",
        ShareAction.CANCEL: "Give it up (`cancelShare`).",
    },
)
domain_enum(
    EngagementSource,
    "Who reported an engagement snapshot; the integration's figures win over the ambassador's.",
    {
        EngagementSource.INTEGRATION: "An integrator, from the network's own figures.",
        EngagementSource.SELF_REPORTED: "The share's ambassador, copying what the network shows them.",
    },
)
