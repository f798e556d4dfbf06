"""Recall's expected failure as a GraphQL type, and the form its domain error takes in it."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.api.graphql.errors import Error, GraphQLForm
from app.domain.community.recall import ContentAlreadyRecalled


@strawberry.type(description="The content was already recalled; follow its take-downs instead.")
class ContentAlreadyRecalledError(Error):
    recalled_at: datetime = strawberry.field(description="When it was recalled.")


CONTENT_ALREADY_RECALLED: GraphQLForm[ContentAlreadyRecalled] = GraphQLForm(
    ContentAlreadyRecalledError, lambda e: {"recalled_at": e.recalled_at}
)
