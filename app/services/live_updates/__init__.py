"""Use cases of live updates: open a caller's feed of their own events, then follow it.

``build_live_updates`` is how the composition root and the tests get them; the listener port
delivers the signals other processes published.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.live_updates import LiveListener
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.live_updates.follow_events import FollowLiveFeed, OpenLiveFeed


@dataclass(frozen=True, slots=True, kw_only=True)
class LiveUpdatesUseCases:
    open_feed: OpenLiveFeed
    follow_feed: FollowLiveFeed


def build_live_updates(
    uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, listener: LiveListener
) -> LiveUpdatesUseCases:
    return LiveUpdatesUseCases(
        open_feed=OpenLiveFeed(uow, clock, ids),
        follow_feed=FollowLiveFeed(uow, clock, ids, listener),
    )
