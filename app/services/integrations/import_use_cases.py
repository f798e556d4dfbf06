"""The roster imports' use cases, built for the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.integrations import RosterImportStore
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.integrations.apply_roster_import import ApplyRosterImport
from app.services.integrations.preview_roster_import import PreviewRosterImport
from app.services.integrations.read_roster_imports import GetRosterImport, ListRosterImports, ListRowErrors


@dataclass(frozen=True, slots=True, kw_only=True)
class RosterImportUseCases:
    preview_roster_import: PreviewRosterImport
    apply_roster_import: ApplyRosterImport
    get_roster_import: GetRosterImport
    list_roster_imports: ListRosterImports
    list_row_errors: ListRowErrors


def build_roster_imports(
    uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, store: RosterImportStore
) -> RosterImportUseCases:
    args = (uow, clock, ids, store)
    return RosterImportUseCases(
        preview_roster_import=PreviewRosterImport(*args),
        apply_roster_import=ApplyRosterImport(*args),
        get_roster_import=GetRosterImport(*args),
        list_roster_imports=ListRosterImports(*args),
        list_row_errors=ListRowErrors(*args),
    )
