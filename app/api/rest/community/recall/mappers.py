"""Take-downs to REST bodies."""

from __future__ import annotations

from app.api.pagination import encode_cursor
from app.api.rest.community.recall.schemas import ContentTakeDownsOut, TakeDownOut, TakeDownProgressOut
from app.domain.community.recall import TakeDown, TakeDownProgress
from app.services.community.recall.takedowns import ContentTakeDowns


def take_down_out(take_down: TakeDown) -> TakeDownOut:
    return TakeDownOut(
        id=take_down.id,
        content_id=take_down.content_id,
        share_id=take_down.share_id,
        ambassador_id=take_down.ambassador_id,
        network=take_down.network,
        post_url=take_down.post_url,
        reason=take_down.reason,
        status=take_down.status,
        confirmed_at=take_down.confirmed_at,
        created_at=take_down.created_at,
    )


def progress_out(progress: TakeDownProgress) -> TakeDownProgressOut:
    return TakeDownProgressOut(pending=progress.pending, confirmed=progress.confirmed, total=progress.total)


def content_take_downs_out(listed: ContentTakeDowns) -> ContentTakeDownsOut:
    return ContentTakeDownsOut(
        progress=progress_out(listed.progress),
        items=[take_down_out(item) for item in listed.page.items],
        next_cursor=encode_cursor(listed.page.next_after),
    )
