"""GraphQL enums of contents and campaigns: the domain's enums, with a description of each value.

The domain's ``PublicStatus`` is what clients read as a content's ``ContentStatus``; its stored
``ContentStatus`` is the ``ReviewStatus`` of the history. A campaign's ``CampaignStatus`` is the
domain's ``CampaignPhase``.
"""

from __future__ import annotations

from app.api.graphql.enums import domain_enum
from app.domain.content.campaigns import CampaignPhase as CampaignStatus
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.locales import MediaKind
from app.domain.content.review_status import ContentAction
from app.domain.content.review_status import ContentStatus as ReviewStatus
from app.domain.content.review_status import PublicStatus as ContentStatus

__all__ = [
    "CampaignStatus",
    "ContentAction",
    "ContentFormat",
    "ContentStatus",
    "MediaKind",
    "Objective",
    "ReviewStatus",
]

domain_enum(
    ContentStatus,
    "A content's status as read now: PUBLISHED and EXPIRED follow its dates once approved.",
    {
        ContentStatus.DRAFT: "Being written by staff; not yet sent to review.",
        ContentStatus.SUBMITTED: "Sent to review (or proposed by an ambassador), waiting for a reviewer.",
        ContentStatus.IN_REVIEW: "Taken into review.",
        ContentStatus.APPROVED: "Approved, waiting for its `publishAt`.",
        ContentStatus.PUBLISHED: "Approved and live: in the feed of the ambassadors it targets.",
        ContentStatus.EXPIRED: "Approved, but its `expiresAt` has passed: out of the feed.",
        ContentStatus.REJECTED: "Refused by a reviewer, with a reason; editing it makes it a draft again.",
        ContentStatus.ARCHIVED: "Withdrawn for good.",
        ContentStatus.RECALLED: "Recalled after it was shared: its links lead nowhere, its posts are to be taken down.",
    },
    name="ContentStatus",
)
domain_enum(
    ReviewStatus,
    "A status a content's review stored (its history's from and to).",
    {
        ReviewStatus.DRAFT: "Being written by staff.",
        ReviewStatus.SUBMITTED: "Sent to review, or proposed by an ambassador.",
        ReviewStatus.IN_REVIEW: "Taken into review.",
        ReviewStatus.APPROVED: "Approved; published between its `publishAt` and `expiresAt`.",
        ReviewStatus.REJECTED: "Refused by a reviewer.",
        ReviewStatus.ARCHIVED: "Withdrawn for good.",
        ReviewStatus.RECALLED: "Recalled after it was shared, with a reason.",
    },
    name="ReviewStatus",
)
domain_enum(
    ContentAction,
    "What is, or was, done to a content: its history's actions and the transitions `allowedActions` offers.",
    {
        ContentAction.CREATE: "Written as a draft by staff (history only).",
        ContentAction.PROPOSE: "Proposed by an ambassador (history only).",
        ContentAction.EDIT: "Changed (history only).",
        ContentAction.SUBMIT: "Sent to review, or taken into review (`submitContent`).",
        ContentAction.APPROVE: "Approved (`approveContent`).",
        ContentAction.REJECT: "Rejected with a reason (`rejectContent`).",
        ContentAction.ARCHIVE: "Withdrawn for good (`archiveContent`).",
        ContentAction.RECALL: "Recalled with a reason; its posts are to be taken down (`recallContent`).",
    },
)
domain_enum(
    ContentFormat,
    "What kind of content it is.",
    {
        ContentFormat.ARTICLE: "An article or blog post.",
        ContentFormat.INFOGRAPHIC: "An infographic.",
        ContentFormat.VIDEO: "A video.",
        ContentFormat.TESTIMONIAL: "An employee's or customer's testimonial.",
        ContentFormat.INDUSTRY_NEWS: "News of the industry, often from elsewhere.",
        ContentFormat.COMPANY_LIFE: "Life at the company: events, teams, culture.",
        ContentFormat.JOB_OFFER: "A job offer.",
        ContentFormat.EVENT: "An event to attend.",
        ContentFormat.OTHER: "Anything else (the default).",
    },
)
domain_enum(
    Objective,
    "What a content or campaign is for.",
    {
        Objective.AWARENESS: "Make the organisation known.",
        Objective.LEADS: "Bring prospects (leads, sign-ups, purchases).",
        Objective.RECRUITING: "Bring candidates.",
        Objective.ENGAGEMENT: "Get reactions, comments and reshares.",
    },
)
domain_enum(
    MediaKind,
    "What a media file is.",
    {
        MediaKind.IMAGE: "An image.",
        MediaKind.VIDEO: "A video.",
        MediaKind.DOCUMENT: "A document, such as a PDF.",
    },
)
domain_enum(
    CampaignStatus,
    "A campaign's status as read now: draft until launched, then from its dates.",
    {
        CampaignStatus.DRAFT: "Being prepared; not launched yet.",
        CampaignStatus.SCHEDULED: "Launched, before its `startsAt`.",
        CampaignStatus.ACTIVE: "Launched and running.",
        CampaignStatus.ENDED: "Launched, after its `endsAt`.",
        CampaignStatus.ARCHIVED: "Archived: closed for good.",
    },
    name="CampaignStatus",
)
