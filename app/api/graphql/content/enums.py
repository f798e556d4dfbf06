"""GraphQL enums of contents and campaigns; values match the domain's (and REST's) strings."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="A content's status as read now: PUBLISHED and EXPIRED follow its dates once approved.")
class ContentStatus(Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    PUBLISHED = "published"
    EXPIRED = "expired"
    REJECTED = "rejected"
    ARCHIVED = "archived"


@strawberry.enum(description="A status a content's review stored (its history's from and to).")
class ReviewStatus(Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    ARCHIVED = "archived"


@strawberry.enum(description="What was done to a content.")
class ContentAction(Enum):
    CREATE = "create"
    PROPOSE = "propose"
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    ARCHIVE = "archive"


@strawberry.enum
class ContentFormat(Enum):
    ARTICLE = "article"
    INFOGRAPHIC = "infographic"
    VIDEO = "video"
    TESTIMONIAL = "testimonial"
    INDUSTRY_NEWS = "industry_news"
    COMPANY_LIFE = "company_life"
    JOB_OFFER = "job_offer"
    EVENT = "event"
    OTHER = "other"


@strawberry.enum(description="What a content or campaign is for.")
class Objective(Enum):
    AWARENESS = "awareness"
    LEADS = "leads"
    RECRUITING = "recruiting"
    ENGAGEMENT = "engagement"


@strawberry.enum
class MediaKind(Enum):
    IMAGE = "image"
    VIDEO = "video"
    DOCUMENT = "document"


@strawberry.enum(description="A campaign's status as read now: draft until launched, then from its dates.")
class CampaignStatus(Enum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    ACTIVE = "active"
    ENDED = "ended"
    ARCHIVED = "archived"
