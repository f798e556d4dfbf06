"""What the space's live stream says: a post changed, or read the feed again, or the stream ends."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class SpaceSignalKind(StrEnum):
    """``POST``: the post ``post_id`` changed, read it again. ``RESYNC``: signals may have been missed,
    read the feed again. ``EXPIRED``: the access token expired and the stream ends."""

    POST = "post"
    RESYNC = "resync"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True, kw_only=True)
class SpaceSignal:
    id: UUID
    kind: SpaceSignalKind
    post_id: UUID | None = None
