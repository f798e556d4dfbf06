"""Problem types of the community space: screening, answers, moderation and authorship."""

from __future__ import annotations

from app.api.graphql import errors as base
from app.api.graphql.community.space import errors as gql
from app.api.problem_types.problem_type import of_error
from app.api.rest.community.space.problems import ModerationState
from app.api.rest.problem_members import FieldErrors
from app.domain.community import space_refusals as refusals
from app.domain.errors import FieldError
from app.domain.messages import Message

POST_NOT_COMPLIANT = of_error(
    refusals.PostNotCompliant,
    422,
    "Text holds banned terms",
    means="A post or comment holds terms the programme bans (its caption compliance rules); `errors` names each "
    "term and the field it is in. Nothing was written. Sensitive terms do not refuse a text: they flag it for "
    "moderators.",
    fix="Remove the banned terms and send it again.",
    example=refusals.PostNotCompliant(
        [
            FieldError(
                ("body",),
                Message(
                    "“{value}” is not allowed in the community (banned: “{term}”).",
                    value="Confidential",
                    term="confidential",
                ),
            )
        ]
    ),
    rest=FieldErrors.of,
    graphql=base.VALIDATION,
)
NOT_THE_AUTHOR = of_error(
    refusals.NotTheAuthor,
    403,
    "Not the author",
    means="Only its author changes or deletes a post or comment, and only a question's author (or a moderator) "
    "accepts its answer.",
    fix="Ask its author; a moderator may hide it instead.",
    example=refusals.NotTheAuthor("post"),
    graphql=gql.NOT_THE_AUTHOR,
)
NOT_A_QUESTION = of_error(
    refusals.NotAQuestion,
    409,
    "Not a question",
    means="Only a post of kind `question` has an accepted answer.",
    fix="Comment on the post instead, or ask a question.",
    example=refusals.NotAQuestion("success"),
    graphql=gql.NOT_A_QUESTION,
)
ALREADY_MODERATED = of_error(
    refusals.AlreadyModerated,
    409,
    "Already moderated",
    means="The item is already hidden (`hidden` true) and cannot be hidden again, or is shown and has nothing "
    "to restore. Nothing changed.",
    fix="Restore a hidden item, hide a shown one; read the item to see its state.",
    example=refusals.AlreadyModerated("comment", hidden=True),
    rest=ModerationState.of,
    graphql=gql.ALREADY_MODERATED,
)
