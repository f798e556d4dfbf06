"""Liveness, readiness and the embedded issuer's public keys."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse

from app.api.rest.deps import get_runtime
from app.api.rest.openapi import PROBLEM_JSON, Problem
from app.api.rest.problems import problem
from app.api.runtime import Runtime

router = APIRouter(tags=["operations"])
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """The process is alive. Says nothing of the database."""
    return {"status": "ok"}


NOT_READY = {
    "model": Problem,
    "description": "Database unreachable or schema not at head.",
    "content": {PROBLEM_JSON: {}},
}


@router.get("/readyz", responses={503: NOT_READY})
async def readyz(runtime: RuntimeDep) -> JSONResponse:
    """Ready for traffic: the database answers and its schema is at the latest migration."""
    readiness = await runtime.readiness.check()
    body = {"database": readiness.database, "schema_current": readiness.schema_current}
    if not readiness.ready:
        return problem(503, readiness.detail or "Not ready.", code="not-ready", checks=body)
    return JSONResponse({"status": "ready", **body})


@router.get("/.well-known/jwks.json", include_in_schema=False)
async def jwks(runtime: RuntimeDep) -> JSONResponse:
    if runtime.jwks is None:
        return problem(404, "This deployment uses an external token issuer; fetch its keys there.")
    return JSONResponse(runtime.jwks, headers={"Cache-Control": "public, max-age=300"})
