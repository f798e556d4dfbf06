"""The ``demo`` organisation's first HRIS file: three hires sent as a partial import by the HRIS
integration, previewed, then applied the same afternoon (one of them manages the other two)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from uuid import UUID

from app.demo.story_clock import StoryClock
from app.domain.integrations.roster_files import FileKind
from app.domain.integrations.roster_imports import ImportMode, RosterImport
from app.domain.roster.identity import Principal, Role
from app.services.integrations.apply_roster_import import ApplyRosterImportCommand
from app.services.integrations.import_use_cases import RosterImportUseCases
from app.services.integrations.preview_roster_import import PreviewRosterImportCommand

INTEGRATOR_SUBJECT = "hris-sync"
PREVIEWED, APPLIED = -4.0, -3.8  # days before the seeding


def hires(domain: str) -> bytes:
    """The file as the HRIS exports it: semicolons, CRLF and a byte-order mark, as spreadsheets write."""
    rows = (
        "external_id;email;given_name;family_name;department;location;manager_external_id;language;hired_on",
        f"HR-2041;nadia.haddad@{domain};Nadia;Haddad;Engineering;Lyon;;fr;2026-11-02",
        f"HR-2042;tom.girard@{domain};Tom;Girard;Engineering;Lyon;HR-2041;fr;2026-11-16",
        f"HR-2043;zoe.lambert@{domain};Zoé;Lambert;Engineering;Lyon;HR-2041;fr;2026-11-16",
    )
    return "\ufeff".encode() + "\r\n".join(rows).encode() + b"\r\n"


async def tell_roster_import(
    imports: RosterImportUseCases, story: StoryClock, tenant_id: UUID, domain: str
) -> RosterImport:
    integrator = Principal(tenant_id=tenant_id, subject=INTEGRATOR_SUBJECT, roles=frozenset({Role.INTEGRATOR}))

    async def chunks() -> AsyncIterator[bytes]:
        yield hires(domain)

    story.go_to(PREVIEWED)
    command = PreviewRosterImportCommand(mode=ImportMode.PARTIAL, file_kind=FileKind.CSV, chunks=chunks())
    previewed = await imports.preview_roster_import(integrator, command)
    story.go_to(APPLIED)
    return await imports.apply_roster_import(integrator, ApplyRosterImportCommand(import_id=previewed.id))
