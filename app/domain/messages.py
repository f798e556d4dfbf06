"""Texts written for people (error details, field messages, compliance findings).

A ``Message`` is its English text, so it goes wherever a string goes, and it keeps the template
and the parameters it was made from, so that an interface can render it in its reader's
language from the same parts. Parameters that are themselves messages (a resource's name, an
action) are rendered in that language too; others (numbers, ids, statuses, networks) as they are.
"""

from __future__ import annotations

from typing import Any, Self


class Message(str):
    """English text with its ``template`` and ``params``: ``Message("At most {limit} items.", limit=20)``.

    Without parameters the template is the text as it is, braces included."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Self:
        message = super().__new__(cls, template.format_map(params) if params else template)
        message.template = template
        message.params = params
        return message


def message_of(error: Exception) -> str:
    """The message an exception was raised with, its template kept when it has one (``str(error)``
    would turn a ``Message`` back into plain text)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Message) else str(error)
