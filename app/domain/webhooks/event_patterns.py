"""The events an endpoint wants: exact types (``share.posted``), every type of a resource
(``share.*``) or every type (``*``), checked against the catalogue."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.community.incidents import INCIDENT_EVENTS
from app.domain.errors import FieldError, ValidationFailed
from app.domain.events import EventType
from app.domain.messages import Message

# Pings are sent to one endpoint on request; clicks never leave the worker (they are counted, not published).
# Incidents are private matters of moderation and HR: no endpoint receives them, even one wanting ``*``.
NOT_SUBSCRIBABLE = frozenset({EventType.CLICK_RECORDED, EventType.WEBHOOK_ENDPOINT_PINGED}) | INCIDENT_EVENTS
MAX_PATTERNS = 50


def deliverable_types() -> tuple[str, ...]:
    """Every event type an endpoint can subscribe to, in catalogue order."""
    return tuple(event_type.value for event_type in EventType if event_type not in NOT_SUBSCRIBABLE)


def _resources() -> frozenset[str]:
    return frozenset(event_type.split(".", 1)[0] for event_type in deliverable_types())


def check_patterns(patterns: Iterable[str]) -> tuple[str, ...]:
    """The patterns, deduplicated in the order given; refused when empty or naming no known type."""
    unique = tuple(dict.fromkeys(pattern.strip() for pattern in patterns))
    errors = []
    if not unique:
        errors.append(FieldError(("event_types",), Message("Name at least one event type, or * for every one.")))
    if len(unique) > MAX_PATTERNS:
        errors.append(FieldError(("event_types",), Message("Name at most {limit} patterns.", limit=MAX_PATTERNS)))
    known, resources = frozenset(deliverable_types()), _resources()
    for index, pattern in enumerate(unique):
        resource, _, rest = pattern.partition(".")
        if pattern == "*" or pattern in known or (rest == "*" and resource in resources):
            continue
        errors.append(
            FieldError(
                ("event_types", index),
                Message(
                    "'{pattern}' names no event type; give a type of the catalogue (share.posted), a resource's "
                    "types (share.*) or *.",
                    pattern=pattern,
                ),
            )
        )
    if errors:
        raise ValidationFailed(Message("The event types are not valid."), errors)
    return unique


def matches(patterns: Iterable[str], event_type: str) -> bool:
    resource = event_type.split(".", 1)[0]
    return any(pattern in ("*", event_type, resource + ".*") for pattern in patterns)
