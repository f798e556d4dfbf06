"""/v1/contents/{id}/submit|approve|reject|archive: the review of a content.

A transition its status does not allow is a 409 `invalid-transition` listing those it allows.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Body, Response

from app.api import problem_types as problem
from app.api.rest.content.content_mappers import content_out
from app.api.rest.content.content_schemas import ApprovalBody, ContentOut, RejectionBody
from app.api.rest.deps import ExpectedVersionDep, PrincipalDep, ServicesDep, set_etag
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.content.contents import Content
from app.services.content.approve_content import ApproveContentCommand
from app.services.content.content_access import CONTENT_EDITORS, CONTENT_REVIEWERS
from app.services.content.reject_content import RejectContentCommand
from app.services.content.submit_content import ContentTransitionCommand

router = APIRouter(prefix="/v1/contents", tags=["contents"], route_class=OperationRoute)
REFUSALS = problems(problem.NOT_FOUND, problem.INVALID_TRANSITION)


def _answer(content: Content, response: Response, services: ServicesDep) -> ContentOut:
    body = content_out(content, services.content.current_time())
    set_etag(response, content.version, body)
    return body


@router.post(
    "/{content_id}/submit",
    summary="Send a content to review",
    responses=REFUSALS,
    dependencies=[allowed(CONTENT_EDITORS)],
)
async def submit_content(
    content_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> ContentOut:
    """Send a draft to review, or take an ambassador's proposal into review (admin, manager).
    Honours If-Match."""
    command = ContentTransitionCommand(content_id=content_id, expected_version=expected_version)
    return _answer(await services.content.submit_content(principal, command), response, services)


@router.post(
    "/{content_id}/approve",
    dependencies=[allowed(CONTENT_REVIEWERS)],
    summary="Approve a content",
    responses=problems(problem.NOT_FOUND, problem.SELF_APPROVAL, problem.INVALID_TRANSITION, problem.CADENCE_EXCEEDED),
)
async def approve_content(
    content_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
    body: Annotated[ApprovalBody | None, Body()] = None,
) -> ContentOut:
    """Approve (admin, manager, moderator); with four-eyes review, not one's own content (403
    `self-approval`). Going over the weekly content budget for an overlapping audience in any
    seven days is a 409 `cadence-exceeded` naming the `conflicting_contents`, unless an admin
    sends `override_cadence: true`. It is live from its `publish_at` (or now). Honours If-Match."""
    command = ApproveContentCommand(
        content_id=content_id,
        expected_version=expected_version,
        override_cadence=body.override_cadence if body else False,
    )
    return _answer(await services.content.approve_content(principal, command), response, services)


@router.post(
    "/{content_id}/reject", summary="Reject a content", responses=REFUSALS, dependencies=[allowed(CONTENT_REVIEWERS)]
)
async def reject_content(
    content_id: UUID,
    body: RejectionBody,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> ContentOut:
    """Reject with a reason (admin, manager, moderator); editing it afterwards takes it back to draft.
    Honours If-Match."""
    command = RejectContentCommand(content_id=content_id, reason=body.reason, expected_version=expected_version)
    return _answer(await services.content.reject_content(principal, command), response, services)


@router.post(
    "/{content_id}/archive", summary="Archive a content", responses=REFUSALS, dependencies=[allowed(CONTENT_REVIEWERS)]
)
async def archive_content(
    content_id: UUID,
    principal: PrincipalDep,
    services: ServicesDep,
    expected_version: ExpectedVersionDep,
    response: Response,
) -> ContentOut:
    """Withdraw it for good (admin, manager, moderator): out of review, out of the feed; the tracked
    links of its shares then lead nowhere. Honours If-Match."""
    command = ContentTransitionCommand(content_id=content_id, expected_version=expected_version)
    return _answer(await services.content.archive_content(principal, command), response, services)
