"""Use cases of incidents: reported by staff or flagged on a share, handled along a timeline, resolved.

``build_incidents`` is how the composition root, the demo and the tests get them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.sharing import ShareFiguresReader
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.community.incidents.act_on_incident import ActOnIncident, RefreshIncidentExposure
from app.services.community.incidents.get_incident import GetIncident, ListIncidents
from app.services.community.incidents.report_incident import ReportIncident


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentsUseCases:
    report_incident: ReportIncident
    get_incident: GetIncident
    list_incidents: ListIncidents
    act_on_incident: ActOnIncident
    refresh_incident_exposure: RefreshIncidentExposure


def build_incidents(
    uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, figures: ShareFiguresReader
) -> IncidentsUseCases:
    return IncidentsUseCases(
        report_incident=ReportIncident(uow, clock, ids, figures),
        get_incident=GetIncident(uow, clock, ids),
        list_incidents=ListIncidents(uow, clock, ids),
        act_on_incident=ActOnIncident(uow, clock, ids),
        refresh_incident_exposure=RefreshIncidentExposure(uow, clock, ids, figures),
    )
