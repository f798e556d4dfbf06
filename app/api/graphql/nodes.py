"""Relay's object identification at the root: any node of the caller's organisation by its id.

Each type is read through the same use case (and roles) as its own root field, batched per type
by the request's DataLoaders; another organisation's id reads as null, as a missing one does.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import NODE_NAMES, not_an_id, parse
from app.domain.errors import FieldError, ValidationFailed
from app.ports.pagination import MAX_LIMIT

Info = strawberry.Info[GraphQLContext, None]


async def _node(info: Info, value: str, loc: tuple[str | int, ...]) -> Any:
    parsed = parse(value)
    if parsed is None:
        raise not_an_id(loc, "object")
    type_name, uuid = parsed
    return await info.context.loaders.nodes[type_name].load(uuid)


@strawberry.type
class NodeQuery:
    @described.field(
        "Any object of your organisation by its `id`, or null when there is none (another organisation's "
        f"included); your roles must allow reading it. Its type is one of: {', '.join(NODE_NAMES)}."
    )
    async def node(
        self,
        info: Info,
        node_id: Annotated[strawberry.ID, strawberry.argument(name="id", description="The object's `id`.")],
    ) -> relay.Node | None:
        found: relay.Node | None = await _node(info, node_id, ("id",))
        return found

    @described.field(
        f"Objects by their `id`s, in the order asked, at most {MAX_LIMIT}: null for each that does not exist, "
        "and an error (at its position) for each id that is not one or that your roles may not read."
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[list[strawberry.ID], strawberry.argument(description=f"Up to {MAX_LIMIT} `id`s.")],
    ) -> list[relay.Node | None]:
        if len(ids) > MAX_LIMIT:
            raise ValidationFailed(
                f"Ask for at most {MAX_LIMIT} objects at once.", [FieldError(("ids",), f"At most {MAX_LIMIT}.")]
            )
        # Returned errors stay at their own position: graphql-core raises each where it completes it.
        found: list[Any] = await asyncio.gather(
            *(_node(info, value, ("ids", index)) for index, value in enumerate(ids)), return_exceptions=True
        )
        return found
