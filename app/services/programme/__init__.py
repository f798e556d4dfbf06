"""Use cases of the programme's rules: settings, charter and caption checks.

``build_programme`` is how the composition root, the demo and the tests get them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.programme.accept_charter import AcceptCharter
from app.services.programme.check_caption import CheckCaption
from app.services.programme.get_charter import GetCharter
from app.services.programme.get_settings import GetSettings
from app.services.programme.list_charter_versions import ListCharterVersions
from app.services.programme.publish_charter_version import PublishCharterVersion
from app.services.programme.update_settings import UpdateSettings


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgrammeUseCases:
    get_settings: GetSettings
    update_settings: UpdateSettings
    check_caption: CheckCaption
    get_charter: GetCharter
    list_charter_versions: ListCharterVersions
    publish_charter_version: PublishCharterVersion
    accept_charter: AcceptCharter


def build_programme(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> ProgrammeUseCases:
    return ProgrammeUseCases(
        get_settings=GetSettings(uow, clock, ids),
        update_settings=UpdateSettings(uow, clock, ids),
        check_caption=CheckCaption(uow, clock, ids),
        get_charter=GetCharter(uow, clock, ids),
        list_charter_versions=ListCharterVersions(uow, clock, ids),
        publish_charter_version=PublishCharterVersion(uow, clock, ids),
        accept_charter=AcceptCharter(uow, clock, ids),
    )
