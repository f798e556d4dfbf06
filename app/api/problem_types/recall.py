"""Problem types of recall: a content recalled twice, sharing a recalled content, and its links."""

from __future__ import annotations

from datetime import UTC, datetime

from app.api.graphql import errors as gql
from app.api.graphql.community.recall.errors import CONTENT_ALREADY_RECALLED as GQL_ALREADY_RECALLED
from app.api.problem_types.problem_type import of_error
from app.domain.community.recall import ContentAlreadyRecalled
from app.domain.community.recall_refusals import ContentRecalled, TrackedLinkRecalled

CONTENT_ALREADY_RECALLED = of_error(
    ContentAlreadyRecalled,
    409,
    "Content already recalled",
    means="A content is recalled once; this one already was, and its take-downs follow that recall.",
    fix="Follow the progress of its take-downs instead of recalling it again.",
    example=ContentAlreadyRecalled(datetime(2030, 1, 2, tzinfo=UTC)),
    graphql=GQL_ALREADY_RECALLED,
)
CONTENT_RECALLED = of_error(
    ContentRecalled,
    409,
    "Content recalled",
    means="The content was recalled: it can no longer be shared, and posts of it are to be taken down.",
    fix="Share another content from your feed.",
    example=ContentRecalled(),
    graphql=gql.CONTENT_NOT_SHAREABLE,
)
TRACKED_LINK_RECALLED = of_error(
    TrackedLinkRecalled,
    410,
    "Tracked link recalled",
    means="The content this link led to was recalled; nothing was recorded. When the programme set a recall "
    "notice page (`recall_notice_url`), the link leads there with a 303 instead of this answer.",
    fix="Nothing to retry; the content is no longer offered.",
    example=TrackedLinkRecalled(),
)
