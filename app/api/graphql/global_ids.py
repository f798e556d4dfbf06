"""Relay's global ids: every node's ``id``, and the ids clients send back.

A global id is Strawberry's opaque ``GlobalID`` (base64 of ``TypeName:uuid``): one string tells
the type and the record, so ``node(id:)`` can fetch any object and client caches can key on ``id``
alone. The UUID inside is REST's id, which every node also offers as ``uuid``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Literal, TypeVar, get_args
from uuid import UUID

from strawberry.dataloader import DataLoader
from strawberry.relay import GlobalID, GlobalIDValueError

from app.domain.errors import DomainError, FieldError, NotFound, ValidationFailed

# The types whose global ids the API hands out and resolves.
NodeName = Literal[
    "Employee",
    "Ambassador",
    "SocialAccount",
    "CharterVersion",
    "Content",
    "Campaign",
    "Share",
    "Conversion",
    "Reward",
    "Redemption",
    "Association",
    "ProgrammeCost",
    "Integration",
    "RosterImport",
    "WebhookEndpoint",
    "TrainingModule",
    "Incident",
    "Survey",
    "Idea",
]
NODE_NAMES: tuple[str, ...] = get_args(NodeName)

Loc = tuple[str | int, ...]
T = TypeVar("T")


def global_id(node: NodeName, uuid: UUID) -> GlobalID:
    return GlobalID(type_name=node, node_id=str(uuid))


def optional_global_id(node: NodeName, uuid: UUID | None) -> GlobalID | None:
    return None if uuid is None else global_id(node, uuid)


def uuid_in(value: GlobalID) -> UUID:
    """The UUID of a global id this API made."""
    return UUID(value.node_id)


def parse(value: str) -> tuple[str, UUID] | None:
    """The type name and UUID of a global id; None when ``value`` is not one this API could make."""
    try:
        parsed = GlobalID.from_id(value)
        uuid = UUID(parsed.node_id)
    except (GlobalIDValueError, ValueError):
        return None
    if parsed.type_name not in NODE_NAMES or str(uuid) != parsed.node_id:
        return None
    return parsed.type_name, uuid


def not_an_id(loc: Loc, node: str) -> ValidationFailed:
    """Malformed, made up, or another type's: the same answer, naming where the id was sent."""
    return ValidationFailed(
        f"An id is not the id of {_article(node)}: pass the `id` this API returned for it, unchanged.",
        [FieldError(loc, f"Not the id of {_article(node)}.")],
    )


def uuid_of(value: str, node: NodeName, loc: Loc) -> UUID:
    """The UUID behind ``value``, which must be the global id of a ``node``; ``loc`` names the
    argument or input field in snake_case, as every other field error does."""
    parsed = parse(value)
    if parsed is None or parsed[0] != node:
        raise not_an_id(loc, node)
    return parsed[1]


def optional_uuid_of(value: str | None, node: NodeName, loc: Loc) -> UUID | None:
    return None if value is None else uuid_of(value, node, loc)


def _article(node: str) -> str:
    return ("an " if node[:1].upper() in ("A", "E", "I", "O", "U") else "a ") + node


def each(fetch: Callable[[UUID], Awaitable[T]]) -> Callable[[list[UUID]], Awaitable[Sequence[T | DomainError | None]]]:
    """A DataLoader function over a use case that reads one record: what is missing (or another
    organisation's) is None, any other refusal is raised for that id alone."""

    async def load(ids: list[UUID]) -> list[T | DomainError | None]:
        found: list[T | DomainError | None] = []
        for uuid in ids:
            try:
                found.append(await fetch(uuid))
            except NotFound:
                found.append(None)
            except DomainError as refusal:
                found.append(refusal)
        return found

    return load


# What ``node(id:)`` reads an id of each type through: one DataLoader per type and request.
NodeLoader = DataLoader[UUID, Any]
