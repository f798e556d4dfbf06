"""Why a roster import is refused: each names what the integrator has to do instead."""

from __future__ import annotations

from app.domain.errors import Conflict, DomainError, FieldError, ValidationFailed
from app.domain.messages import Message


class RosterFileUnreadable(ValidationFailed):
    """The file as a whole cannot be read (its header, its encoding, its shape); no row was looked at."""

    code = "roster-file-unreadable"

    def __init__(self, message: str, column: str = "header") -> None:
        super().__init__("The roster file cannot be read.", [FieldError(("body", column), message)])


class RosterFileTooLarge(DomainError):
    """More rows than one import takes."""

    code = "roster-file-too-large"

    def __init__(self, max_rows: int) -> None:
        super().__init__(
            Message(
                "The file holds more than {max_rows} rows; split it into partial imports of at most {max_rows} rows.",
                max_rows=max_rows,
            )
        )
        self.max_rows = max_rows


class RosterChanged(Conflict):
    """The roster changed between the dry run and the apply: the diff shown is no longer the diff."""

    code = "roster-changed"

    def __init__(self) -> None:
        super().__init__(
            "The roster changed since this import's dry run, so its counts no longer hold; send the file again "
            "for a new dry run, then apply that one."
        )


class MassTermination(Conflict):
    """A full import would end the employment of more people than the programme's threshold allows at once."""

    code = "mass-termination"

    def __init__(self, terminations: int, active: int, percent: int) -> None:
        super().__init__(
            Message(
                "This import would terminate {terminations} of {active} active employees, more than the "
                "{percent}% allowed at once; check the file is the whole roster, then apply again confirming "
                "the mass termination.",
                terminations=terminations,
                active=active,
                percent=percent,
            )
        )
        self.terminations = terminations
        self.active = active
        self.percent = percent


class ImportAlreadyApplied(Conflict):
    code = "import-already-applied"

    def __init__(self) -> None:
        super().__init__("This import was already applied; send the file again for a new dry run.")
