"""Incidents' expected failures as GraphQL types, and the forms their domain errors take in them."""

from __future__ import annotations

import strawberry

from app.api.graphql.errors import Error, GraphQLForm
from app.domain import errors as domain
from app.domain.community.incident_refusals import IncidentSubjectMissing


@strawberry.type(description="The incident is resolved and its file closed: nothing more is done on it.")
class IncidentResolvedError(Error):
    pass


@strawberry.type(description="The action needs an ambassador or a share the incident does not name.")
class IncidentSubjectMissingError(Error):
    subject: str = strawberry.field(description="What the incident lacks: `ambassador` or `share`.")


INCIDENT_RESOLVED: GraphQLForm[domain.DomainError] = GraphQLForm(IncidentResolvedError)
INCIDENT_SUBJECT_MISSING: GraphQLForm[IncidentSubjectMissing] = GraphQLForm(
    IncidentSubjectMissingError, lambda e: {"subject": e.subject}
)
