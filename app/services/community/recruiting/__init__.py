"""Use cases of recruiting: prospects, invitation waves with their funnels, and referrals; and the
worker's handler that credits a referral when the colleague joins.

``build_recruiting`` is how the composition root, the demo and the tests get them;
``register_recruiting_handlers`` adds the handler to the worker's registry.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.community.recruiting.handlers import CreditReferrals
from app.services.community.recruiting.prospects import CountProspects, ListProspects
from app.services.community.recruiting.referrals import ListMyReferrals, ReferColleague
from app.services.community.recruiting.waves import GetWave, LaunchWave, ListWaves
from app.services.events.handlers import EventHandlers


@dataclass(frozen=True, slots=True, kw_only=True)
class RecruitingUseCases:
    list_prospects: ListProspects
    count_prospects: CountProspects
    launch_wave: LaunchWave
    get_wave: GetWave
    list_waves: ListWaves
    refer_colleague: ReferColleague
    list_my_referrals: ListMyReferrals


def build_recruiting(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> RecruitingUseCases:
    args = (uow, clock, ids)
    return RecruitingUseCases(
        list_prospects=ListProspects(*args),
        count_prospects=CountProspects(*args),
        launch_wave=LaunchWave(*args),
        get_wave=GetWave(*args),
        list_waves=ListWaves(*args),
        refer_colleague=ReferColleague(*args),
        list_my_referrals=ListMyReferrals(*args),
    )


def register_recruiting_handlers(
    handlers: EventHandlers, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator
) -> None:
    handlers.register(CreditReferrals(uow, clock, ids))
