"""The caption compliance check of the programme, applied to what members write in the space: banned
terms refuse the text, sensitive terms let it through flagged for moderators."""

from __future__ import annotations

from app.domain.community.space_refusals import PostNotCompliant
from app.domain.errors import FieldError
from app.domain.messages import Message
from app.domain.programme.compliance import BANNED, MAX_REPORTED_VIOLATIONS, SENSITIVE
from app.domain.programme.settings import ProgrammeSettings
from app.domain.programme.terms import Caption, lexicon


def screen(settings: ProgrammeSettings, **texts: str | None) -> tuple[str, ...]:
    """The sensitive terms found in ``texts`` (by field name), each once, in the order found; refused
    with every banned term and the field it is in when any is."""
    terms = lexicon(settings.banned_terms, settings.sensitive_terms)
    errors: list[FieldError] = []
    flagged: dict[str, None] = {}
    for name, text in texts.items():
        if not text:
            continue
        found = terms.find(Caption.of(text), MAX_REPORTED_VIOLATIONS)
        for match in found.first[BANNED]:
            value = text[match.start : match.end]
            errors.append(
                FieldError(
                    (name,),
                    Message(
                        "“{value}” is not allowed in the community (banned: “{term}”).", value=value, term=match.term
                    ),
                )
            )
        flagged.update(dict.fromkeys(match.term for match in found.first[SENSITIVE]))
    if errors:
        raise PostNotCompliant(errors)
    return tuple(flagged)
