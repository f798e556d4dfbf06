"""Refusals of incidents' rules: each names what staff can do next."""

from __future__ import annotations

from app.domain.errors import Conflict
from app.domain.messages import Message


class IncidentResolved(Conflict):
    """The incident is resolved: its file is closed, nothing more is done on it."""

    code = "incident-resolved"

    def __init__(self) -> None:
        super().__init__(
            "This incident is resolved and its file is closed; report a new incident if something else happened."
        )


class IncidentSubjectMissing(Conflict):
    """The action needs an ambassador, a share or a content the incident does not name."""

    code = "incident-subject-missing"

    def __init__(self, subject: str) -> None:
        super().__init__(
            Message(
                "This incident names no {subject}; report the incident with one, or choose another action.",
                subject=Message(subject),
            )
        )
        self.subject = subject
