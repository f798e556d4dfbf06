"""Recall's use cases: recalling a content, and the take-downs of its posts; and its worker handler."""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.community.recall.handlers import RequestTakeDowns
from app.services.community.recall.recall_content import RecallContent
from app.services.community.recall.takedowns import ConfirmTakeDown, ListContentTakeDowns, ListMyTakeDowns
from app.services.events.handlers import EventHandlers


@dataclass(frozen=True, slots=True, kw_only=True)
class RecallUseCases:
    recall_content: RecallContent
    list_my_takedowns: ListMyTakeDowns
    confirm_takedown: ConfirmTakeDown
    list_content_takedowns: ListContentTakeDowns


def build_recall(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> RecallUseCases:
    return RecallUseCases(
        recall_content=RecallContent(uow, clock, ids),
        list_my_takedowns=ListMyTakeDowns(uow, clock, ids),
        confirm_takedown=ConfirmTakeDown(uow, clock, ids),
        list_content_takedowns=ListContentTakeDowns(uow, clock, ids),
    )


def register_recall_handlers(handlers: EventHandlers, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> None:
    handlers.register(RequestTakeDowns(uow, clock, ids))
