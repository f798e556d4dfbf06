"""Use cases of sharing: shares, their figures and engagement, and the redirect.

``build_sharing`` is how the composition root, the demo and the tests get them. Shares answer
with tracked links, so their use cases know the public address those start with; the redirect
records clicks through its own ports, which bypass the unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.sharing.visitors import CLICKS_COUNTED_PER_NETWORK
from app.ports.sharing import BotDetector, ClickRecorder, ShareFiguresReader, VisitorSaltStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.sharing.create_share import CreateShare
from app.services.sharing.follow_tracked_link import FollowTrackedLink
from app.services.sharing.get_share import GetShare, ListMyShares, ListShares
from app.services.sharing.record_engagement import RecordEngagement
from app.services.sharing.share_transitions import CancelShare, ConfirmShare


@dataclass(frozen=True, slots=True, kw_only=True)
class SharingUseCases:
    create_share: CreateShare
    confirm_share: ConfirmShare
    cancel_share: CancelShare
    get_share: GetShare
    list_shares: ListShares
    list_my_shares: ListMyShares
    record_engagement: RecordEngagement
    follow_tracked_link: FollowTrackedLink


def build_sharing(
    uow: UnitOfWorkFactory,
    clock: Clock,
    ids: IdGenerator,
    *,
    salts: VisitorSaltStore,
    bots: BotDetector,
    clicks: ClickRecorder,
    figures: ShareFiguresReader,
    public_base_url: str,
    daily_click_cap: int = CLICKS_COUNTED_PER_NETWORK,
) -> SharingUseCases:
    """``daily_click_cap``: the counted clicks one network makes on one link in a UTC day."""
    return SharingUseCases(
        create_share=CreateShare(uow, clock, ids, public_base_url, salts),
        confirm_share=ConfirmShare(uow, clock, ids, public_base_url),
        cancel_share=CancelShare(uow, clock, ids, public_base_url),
        get_share=GetShare(uow, clock, ids, public_base_url, figures),
        list_shares=ListShares(uow, clock, ids, public_base_url, figures),
        list_my_shares=ListMyShares(uow, clock, ids, public_base_url, figures),
        record_engagement=RecordEngagement(uow, clock, ids, public_base_url),
        follow_tracked_link=FollowTrackedLink(clock, ids, salts, bots, clicks, daily_click_cap),
    )
