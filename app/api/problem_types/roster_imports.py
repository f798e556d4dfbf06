"""Problem types of roster imports: a file that cannot be read or is too large, and an apply refused."""

from __future__ import annotations

from app.api.problem_types.problem_type import of_error
from app.api.rest.problem_members import FieldErrors
from app.domain.integrations import roster_refusals as refusals
from app.domain.messages import Message

ROSTER_FILE_UNREADABLE = of_error(
    refusals.RosterFileUnreadable,
    422,
    "Roster file unreadable",
    means="The file as a whole cannot be read: no header, an unknown or repeated column, no `external_id` "
    "column, a header that is not UTF-8, or a line longer than any roster row. No row was looked at. "
    "(A bad row does not refuse the file: the dry run lists it with its line and column.)",
    fix="Correct what `errors` names (`loc` is `body` then `header` or `body`) and send the file again.",
    example=refusals.RosterFileUnreadable(
        Message(
            "Unknown columns: {unknown}. Rename or remove them; the columns a roster file may have are: {fields}.",
            unknown="'cost_centre'",
            fields="external_id, email, given_name, family_name, department, location, manager_external_id, "
            "language, hired_on, terminated_on",
        )
    ),
    rest=FieldErrors.of,
)
ROSTER_FILE_TOO_LARGE = of_error(
    refusals.RosterFileTooLarge,
    413,
    "Roster file too large",
    means="The file holds more rows than one import takes (100,000); nothing was kept.",
    fix="Split the roster into partial imports of at most that many rows each.",
    example=refusals.RosterFileTooLarge(100_000),
)
ROSTER_CHANGED = of_error(
    refusals.RosterChanged,
    409,
    "Roster changed since the dry run",
    means="An employee was added, changed or terminated since this import's dry run, so its counts no longer "
    "describe what applying would do. Nothing was applied.",
    fix="Send the file again for a new dry run, check its counts, and apply that one.",
    example=refusals.RosterChanged(),
)
MASS_TERMINATION = of_error(
    refusals.MassTermination,
    409,
    "Mass termination not confirmed",
    means="This full import would terminate more than the programme's share of active employees "
    "(`mass_termination_percent` of the programme settings, 10% unless set). Nothing was applied.",
    fix="Check that the file is the whole roster; if the departures are real, apply again with "
    '`{"confirm_mass_termination": true}`.',
    example=refusals.MassTermination(120, 1000, 10),
)
IMPORT_ALREADY_APPLIED = of_error(
    refusals.ImportAlreadyApplied,
    409,
    "Import already applied",
    means="This roster import was applied before; an import is applied once.",
    fix="Nothing to retry. For later changes, send the new file for a new dry run.",
    example=refusals.ImportAlreadyApplied(),
)
