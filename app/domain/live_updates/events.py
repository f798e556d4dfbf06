"""What a live stream tells its client: the kinds of events, and the part of them an inbox follows."""

from __future__ import annotations

from enum import StrEnum


class LiveEventKind(StrEnum):
    """``POINTS``: the balance as it is now. ``NOTIFICATION``: a notification arrived (its id).
    ``RESYNC``: events may have been missed; read what you show again. ``EXPIRED``: the access token
    expired and the stream ends; connect again with a fresh one."""

    POINTS = "points"
    NOTIFICATION = "notification"
    RESYNC = "resync"
    EXPIRED = "expired"


class InboxSignalKind(StrEnum):
    """What a signal of the inbox says: a notification arrived, or read the inbox again."""

    NOTIFICATION = LiveEventKind.NOTIFICATION.value
    RESYNC = LiveEventKind.RESYNC.value
