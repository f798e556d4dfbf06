"""Problem details in the client's language: ``Accept-Language`` negotiated, English or French.

A problem is built once, in English, from ``Message``s that keep their templates. When it is
sent, ``ProblemResponse`` reads the request's ``Accept-Language`` and renders the same problem in
French when the client prefers it: ``title``, ``detail``, each ``errors[].message`` and every
``Message`` among its other members, from the French catalogue keyed by English template. A
text the catalogue lacks stays English. ``Content-Language`` says which language was sent and
``Vary: Accept-Language`` tells caches that it depends on the request.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import langcodes
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import Receive, Scope, Send

from app.api.rest.french import FRENCH, FRENCH_VALIDATION
from app.domain.messages import Message, message_of

ENGLISH, FRENCH_LANGUAGE = "en", "fr"
CATALOGUES: dict[str, Mapping[str, str]] = {FRENCH_LANGUAGE: FRENCH}
# Plain strings are translated where a problem carries its texts; ``Message``s wherever they are.
TEXT_MEMBERS = frozenset({"title", "detail", "message"})
# RFC 9110 §12.4.2: a weight is 0 to 1 with at most three decimals.
_WEIGHT = re.compile(r"q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)", re.IGNORECASE)


def preferred_language(header: str | None) -> str:
    """The language to answer in, from an ``Accept-Language`` value (RFC 9110 §12.5.4).

    Ranges are tried from the highest weight down (in the order sent on a tie), and ``q=0``
    refuses a language; each range is matched by its primary language (``fr-CA`` reaches ``fr``,
    RFC 4647 lookup). ``*``, no header, or nothing we speak: English."""
    for language_range in _ranges_by_weight(header or ""):
        if language_range == "*":
            return ENGLISH
        language = _primary_language(language_range)
        if language in (ENGLISH, *CATALOGUES):
            return language
    return ENGLISH


def _ranges_by_weight(header: str) -> list[str]:
    weighted: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")):
        language_range, *parameters = (part.strip() for part in item.split(";"))
        weight = 1.0
        for parameter in parameters:
            matched = _WEIGHT.fullmatch(parameter.replace(" ", ""))
            weight = float(matched.group(1)) if matched else -1.0  # a malformed weight voids the range
        if language_range and weight > 0:
            weighted.append((-weight, position, language_range))
    return [language_range for _, _, language_range in sorted(weighted)]


def _primary_language(language_range: str) -> str | None:
    try:
        return langcodes.Language.get(language_range).language
    except (ValueError, LookupError):  # not a language tag at all
        return None


def translated(text: str, language: str) -> str:
    """``text`` in ``language``: a ``Message`` by its template (its ``Message`` parameters
    translated too), a plain string as a template without parameters; English when missing."""
    catalogue = CATALOGUES.get(language)
    if catalogue is None:
        return text
    if isinstance(text, ValidationMessage):
        return text.translated(language)
    template = text.template if isinstance(text, Message) else text
    words = catalogue.get(template)
    if words is None:
        return text
    params = text.params if isinstance(text, Message) else {}
    if not params:
        return words
    return words.format_map(
        {name: translated(value, language) if isinstance(value, Message) else value for name, value in params.items()}
    )


def localised(value: Any, language: str, member: str | None = None) -> Any:
    """A problem's members with their texts in ``language``."""
    if isinstance(value, dict):
        return {name: localised(item, language, name) for name, item in value.items()}
    if isinstance(value, list):
        return [localised(item, language, member) for item in value]
    if isinstance(value, Message | ValidationMessage) or (isinstance(value, str) and member in TEXT_MEMBERS):
        return translated(value, language)
    return value


class ValidationMessage(str):
    """A request field's error as the validation library wrote it, with its error type and
    context, so that the French catalogue of those types can say it again."""

    kind: str
    context: dict[str, Any]

    def __new__(cls, text: str, kind: str, context: Mapping[str, Any]) -> ValidationMessage:
        message = super().__new__(cls, text)
        message.kind = kind
        message.context = dict(context)
        return message

    def translated(self, language: str) -> str:
        words = FRENCH_VALIDATION.get(self.kind) if language == FRENCH_LANGUAGE else None
        if words is None:
            return str(self)
        context = dict(self.context)
        if isinstance(context.get("error"), Exception):
            context["error"] = translated(message_of(context["error"]), language)
        if isinstance(context.get("expected"), str):
            context["expected"] = context["expected"].replace(" or ", " ou ")
        try:
            return words.format_map(context)
        except (KeyError, IndexError, ValueError):  # a context this version of the library names otherwise
            return str(self)


def validation_message(item: Mapping[str, Any]) -> str:
    """The message of one error of request validation, translatable by its type."""
    return ValidationMessage(str(item.get("msg", "Invalid value.")), str(item.get("type", "")), item.get("ctx") or {})


class ProblemResponse(JSONResponse):
    """An ``application/problem+json`` response rendered, when sent, in the request's language."""

    def __init__(
        self,
        content: dict[str, Any],
        status_code: int,
        headers: Mapping[str, str] | None = None,
        media_type: str | None = None,
    ) -> None:
        self.problem = content
        super().__init__(content, status_code=status_code, headers=headers, media_type=media_type)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        language = preferred_language(Headers(scope=scope).get("accept-language"))
        if language != ENGLISH:
            self.body = self.render(localised(self.problem, language))
            self.headers["content-length"] = str(len(self.body))
        self.headers["content-language"] = language
        self.headers.add_vary_header("Accept-Language")
        await super().__call__(scope, receive, send)
