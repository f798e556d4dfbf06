"""Why the community space refuses a post, a comment, a reaction or a moderation."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.errors import Conflict, FieldError, Forbidden, ValidationFailed
from app.domain.messages import Message


class PostNotCompliant(ValidationFailed):
    """A post or comment holds a term the programme bans; ``errors`` say which, and where."""

    code = "post-not-compliant"

    def __init__(self, errors: Sequence[FieldError]) -> None:
        super().__init__(
            "This text holds terms the programme bans; remove them (the errors name each one and its field).", errors
        )


class NotAQuestion(Conflict):
    """Only a question has an accepted answer."""

    code = "not-a-question"

    def __init__(self, kind: str) -> None:
        super().__init__(
            Message(
                "Only a question has an accepted answer, and this post is a {kind}; comment on it instead.", kind=kind
            )
        )
        self.kind = kind


class AlreadyModerated(Conflict):
    """Hiding what is hidden, or restoring what is shown."""

    code = "already-moderated"

    def __init__(self, resource: str, hidden: bool) -> None:
        if hidden:
            detail = Message("This {resource} is already hidden; restore it instead.", resource=Message(resource))
        else:
            detail = Message("This {resource} is not hidden; there is nothing to restore.", resource=Message(resource))
        super().__init__(detail)
        self.hidden = hidden


class NotTheAuthor(Forbidden):
    """Only the author changes or deletes their post or comment (moderators hide it instead)."""

    code = "not-the-author"

    def __init__(self, resource: str) -> None:
        super().__init__(
            Message(
                "Only its author changes or deletes this {resource}; a moderator may hide it.",
                resource=Message(resource),
            )
        )
