"""/v1/compliance: check a caption against the programme's rules before sharing it."""

from __future__ import annotations

from fastapi import APIRouter

from app.api import problem_types as problem
from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute
from app.api.rest.programme.charter_schemas import CaptionCheck, ComplianceOut
from app.api.rest.programme.mappers import compliance_out
from app.services.programme.check_caption import CheckCaptionCommand

router = APIRouter(prefix="/v1/compliance", tags=["compliance"], route_class=OperationRoute)


@router.post("/check", summary="Check a caption", responses=problems(problem.NOT_FOUND))
async def check_caption(body: CaptionCheck, principal: PrincipalDep, services: ServicesDep) -> ComplianceOut:
    """Check a caption (anyone of the organisation); nothing is stored. `ok` is false when a
    violation blocks sharing; sensitive terms are warnings (`blocking: false`). Offsets index
    the text as sent. With `content_id`, the content's link must be in the text; ambassadors may
    name only published content, or their own proposals (else `not-found`)."""
    command = CheckCaptionCommand(network=body.network, text=body.text, content_id=body.content_id)
    return compliance_out(await services.programme.check_caption(principal, command))
