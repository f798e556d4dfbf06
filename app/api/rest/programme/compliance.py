"""/v1/compliance: check a caption against the programme's rules before sharing it."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.programme.mappers import compliance_out
from app.api.rest.programme.schemas import CaptionCheck, ComplianceOut
from app.services.programme.check_caption import CheckCaptionCommand

router = APIRouter(prefix="/v1/compliance", tags=["compliance"])


@router.post("/check", responses=problems(404, 413, 415))
async def check_caption(body: CaptionCheck, principal: PrincipalDep, services: ServicesDep) -> ComplianceOut:
    """Check a caption (anyone of the organisation); nothing is stored. `ok` is false when a
    violation blocks sharing; sensitive terms are warnings (`blocking: false`). Offsets index
    the text as sent."""
    command = CheckCaptionCommand(network=body.network, text=body.text, content_id=body.content_id)
    return compliance_out(await services.programme.check_caption(principal, command))
