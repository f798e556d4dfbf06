"""Problem types of incidents."""

from __future__ import annotations

from app.api.graphql.community.incidents import errors as gql
from app.api.problem_types.problem_type import of_error
from app.domain.community.incident_refusals import IncidentResolved, IncidentSubjectMissing

INCIDENT_RESOLVED = of_error(
    IncidentResolved,
    409,
    "Incident resolved",
    means="The incident is resolved: its file is closed, so no action is added to it, a second resolution "
    "included. Nothing was written.",
    fix="Read the incident's resolution; report a new incident if something else happened.",
    example=IncidentResolved(),
    graphql=gql.INCIDENT_RESOLVED,
)
INCIDENT_SUBJECT_MISSING = of_error(
    IncidentSubjectMissing,
    409,
    "Incident subject missing",
    means="The action needs what the incident does not name: a reminder and a paused membership need an "
    "ambassador, an exposure estimate a flagged share. Nothing was written.",
    fix="Choose another action, or report the incident with its ambassador or its share.",
    example=IncidentSubjectMissing("ambassador"),
    graphql=gql.INCIDENT_SUBJECT_MISSING,
)
