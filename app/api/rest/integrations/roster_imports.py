"""/v1/roster-imports: a roster file's dry run, then its apply."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, HTTPException, Query, Request, Response, status

from app.api import problem_types as problem
from app.api.pagination import decode_line_cursor, encode_line_cursor, encode_page_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.deps import NOT_MODIFIED, ConditionalReadDep, CursorQuery, PageDep, PrincipalDep, ServicesDep
from app.api.rest.guards import Upload
from app.api.rest.integrations.import_mappers import preview_out, roster_import_out, row_errors_out
from app.api.rest.integrations.import_schemas import (
    ApplyRequest,
    RosterImportOut,
    RosterImportPreviewOut,
    RowErrorPageOut,
)
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.runtime import ApiConfig
from app.domain.integrations.roster_files import FileKind, kind_of, other_type_refused
from app.domain.integrations.roster_imports import ImportMode
from app.domain.roster.identity import ROSTER_WRITERS
from app.ports.pagination import DEFAULT_LIMIT, MAX_LIMIT
from app.services.integrations.apply_roster_import import ApplyRosterImportCommand
from app.services.integrations.preview_roster_import import PreviewRosterImportCommand

PATH = "/v1/roster-imports"
router = APIRouter(prefix=PATH, tags=["roster imports"], route_class=OperationRoute)
# The problems shown with a dry run; the rest are read page by page.
FIRST_ERRORS = 100

_CSV_EXAMPLE = (
    "external_id;email;given_name;family_name;department;manager_external_id\r\n"
    "HR-0001;ada@acme.example;Ada;Lovelace;R&D;\r\n"
    "HR-0002;grace@acme.example;Grace;Hopper;R&D;HR-0001\r\n"
)
_NDJSON_EXAMPLE = (
    '{"external_id": "HR-0001", "email": "ada@acme.example", "given_name": "Ada", "family_name": "Lovelace"}\n'
    '{"external_id": "HR-0002", "department": "Sales"}\n'
)
_FILE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "The roster file, as the raw body: CSV with a header row naming the columns, or one JSON "
        "object per line.",
        "content": {
            FileKind.CSV.value: {"schema": {"type": "string"}, "example": _CSV_EXAMPLE},
            FileKind.NDJSON.value: {"schema": {"type": "string"}, "example": _NDJSON_EXAMPLE},
        },
    }
}


def upload(config: ApiConfig) -> Upload:
    """The dry run takes its file as the raw body, up to its own limit."""
    return Upload("POST", PATH, config.roster_import_max_bytes)


def file_kind(request: Request) -> FileKind:
    """The file's type from its ``Content-Type``; any other is refused (415) naming the two it may be."""
    sent = request.headers.get("content-type", "")
    kind = kind_of(sent)
    if kind is None:
        raise HTTPException(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, other_type_refused(sent))
    return kind


async def _chunks(request: Request) -> AsyncIterator[bytes]:
    async for chunk in request.stream():
        if chunk:
            yield chunk


@router.post(
    "",
    dependencies=[allowed(ROSTER_WRITERS)],
    status_code=status.HTTP_201_CREATED,
    summary="Dry-run a roster file",
    response_description="The dry run: what applying would do, and each bad row's problems. `Location` is its address.",
    responses=problems(
        problem.ROSTER_FILE_UNREADABLE,
        problem.ROSTER_FILE_TOO_LARGE,
        problem.PAYLOAD_TOO_LARGE,
        problem.UNSUPPORTED_MEDIA_TYPE,
    ),
    openapi_extra=_FILE_BODY,
)
async def preview_roster_import(
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
    response: Response,
    mode: Annotated[
        ImportMode, Query(description="`full`: the file is the whole roster; `partial`: only the rows given.")
    ],
) -> RosterImportPreviewOut:
    """Send the roster file (admin, integrator) as `text/csv` (a header row naming fields of the roster
    record; `,`, `;` or tab separators; UTF-8, with or without a BOM) or `application/x-ndjson`, up to
    100,000 rows. The roster does not change: the answer is the dry run, `previewed`, with the counts to
    create, update, terminate and leave unchanged, and each bad row's line, column and what to fix. Rows
    are matched on `external_id`. In a `full` import, active employees with an external id whom no row
    names would be terminated; employees without an external id are never touched. A file that cannot
    be read at all is `roster-file-unreadable`."""
    command = PreviewRosterImportCommand(mode=mode, file_kind=file_kind(request), chunks=_chunks(request))
    imported = await services.roster_imports.preview_roster_import(principal, command)
    errors = await services.roster_imports.list_row_errors(principal, imported.id, 0, FIRST_ERRORS)
    response.headers["Location"] = f"{PATH}/{imported.id}"
    return preview_out(imported, errors)


@router.get("", dependencies=[allowed(ROSTER_WRITERS)], summary="List roster imports")
async def list_roster_imports(
    principal: PrincipalDep, services: ServicesDep, page: PageDep
) -> ItemPage[RosterImportOut]:
    """The organisation's roster imports (admin, integrator), newest first."""
    found = await services.roster_imports.list_roster_imports(principal, page)
    return ItemPage(items=[roster_import_out(item) for item in found.items], next_cursor=encode_page_cursor(found))


@router.get(
    "/{import_id}",
    dependencies=[allowed(ROSTER_WRITERS)],
    summary="Read a roster import",
    responses=problems(problem.NOT_FOUND) | NOT_MODIFIED,
)
async def get_roster_import(
    import_id: UUID, principal: PrincipalDep, services: ServicesDep, conditional: ConditionalReadDep
) -> RosterImportPreviewOut:
    """One roster import (admin, integrator) with the first problems of its bad rows. Its `ETag`
    changes when it is applied."""
    imported = await services.roster_imports.get_roster_import(principal, import_id)
    errors = await services.roster_imports.list_row_errors(principal, import_id, 0, FIRST_ERRORS)
    return conditional(preview_out(imported, errors), imported.version)


@router.get(
    "/{import_id}/errors",
    dependencies=[allowed(ROSTER_WRITERS)],
    summary="Page through a roster import's row problems",
    responses=problems(problem.NOT_FOUND),
)
async def list_row_errors(
    import_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    cursor: CursorQuery = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Problems per page.")] = DEFAULT_LIMIT,
) -> RowErrorPageOut:
    """The bad rows' problems by line (admin, integrator); a row's problems are never split across
    pages, so a page may hold a few more than `limit`."""
    after = 0 if cursor is None else decode_line_cursor(cursor)
    found = await services.roster_imports.list_row_errors(principal, import_id, after, limit)
    return RowErrorPageOut(items=row_errors_out(found.items), next_cursor=encode_line_cursor(found.next_line))


@router.post(
    "/{import_id}/apply",
    dependencies=[allowed(ROSTER_WRITERS)],
    summary="Apply a roster import",
    response_description="The import, `applied`.",
    responses=problems(
        problem.NOT_FOUND, problem.ROSTER_CHANGED, problem.MASS_TERMINATION, problem.IMPORT_ALREADY_APPLIED
    ),
)
async def apply_roster_import(
    import_id: UUID, principal: PrincipalDep, services: ServicesDep, body: ApplyRequest | None = None
) -> RosterImportOut:
    """Apply the dry run's diff (admin, integrator) in one transaction: exactly the counts it showed, its
    bad rows left out. Refused with `roster-changed` when an employee was added, changed or terminated
    since the dry run (send the file again), and with `mass-termination` when a full import would
    terminate more than the programme's `mass_termination_percent` of active employees (10% unless
    set) and the body does not say `{"confirm_mass_termination": true}`. Terminated employees'
    memberships end, reason `departure`."""
    confirmed = body.confirm_mass_termination if body is not None else False
    command = ApplyRosterImportCommand(import_id=import_id, confirm_mass_termination=confirmed)
    return roster_import_out(await services.roster_imports.apply_roster_import(principal, command))
