"""The space's expected failures as GraphQL types, and the forms its domain errors take in them."""

from __future__ import annotations

import strawberry

from app.api.graphql.errors import Error, GraphQLForm
from app.domain.community import space_refusals as refusals


@strawberry.type(description="Only a question has an accepted answer; comment on this post instead.")
class NotAQuestionError(Error):
    pass


@strawberry.type(description="Hiding what is hidden, or restoring what is shown: nothing changed.")
class AlreadyModeratedError(Error):
    hidden: bool = strawberry.field(description="Whether the item is hidden now.")


@strawberry.type(description="Only its author changes or deletes a post or comment; moderators hide it instead.")
class NotTheAuthorError(Error):
    pass


NOT_A_QUESTION: GraphQLForm[refusals.NotAQuestion] = GraphQLForm(NotAQuestionError)
ALREADY_MODERATED: GraphQLForm[refusals.AlreadyModerated] = GraphQLForm(
    AlreadyModeratedError, lambda e: {"hidden": e.hidden}
)
NOT_THE_AUTHOR: GraphQLForm[refusals.NotTheAuthor] = GraphQLForm(NotTheAuthorError)
