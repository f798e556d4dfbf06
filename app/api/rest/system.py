"""Liveness, readiness and the embedded issuer's public keys."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from app.api import problem_types as problem
from app.api.rest.deps import get_runtime
from app.api.rest.openapi import problems
from app.api.rest.problems import answer
from app.api.runtime import Runtime

router = APIRouter(tags=["operations"])
RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


class LivenessOut(BaseModel):
    """The process answers."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "ok"}]})

    status: Literal["ok"] = Field(description="Always `ok`: an answer at all is the signal.")


class ReadinessOut(BaseModel):
    """The instance can serve traffic."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"status": "ready", "database": True, "schema_current": True}]}
    )

    status: Literal["ready"] = Field(description="Always `ready` on a 200.")
    database: bool = Field(description="The database answers.")
    schema_current: bool = Field(description="Its schema is at the latest migration.")


class JsonWebKeySet(BaseModel):
    """An RFC 7517 JSON Web Key Set: the public keys tokens of the embedded issuer are signed with."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "keys": [
                        {
                            "kty": "EC",
                            "crv": "P-256",
                            "x": "8pvi18C0-6_HCYDVVdK_XYTUBtYnbhNwpLImspcjoAk",
                            "y": "joEZWoSS8UUzyHuHoOJ-ctB5Ie-6Y_l95Vg1A6CbZow",
                            "use": "sig",
                            "alg": "ES256",
                            "kid": "dev-2025-03",
                        }
                    ]
                }
            ]
        }
    )

    keys: list[dict[str, Any]] = Field(description="One JSON Web Key per signing key, each named by its `kid`.")


@router.get("/healthz", summary="Check the process is alive", response_model=LivenessOut)
async def check_liveness() -> dict[str, str]:
    """The process is alive. Says nothing of the database: use it as a liveness probe."""
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="Check the instance is ready for traffic",
    response_model=ReadinessOut,
    responses=problems(problem.NOT_READY),
)
async def check_readiness(runtime: RuntimeDep) -> JSONResponse:
    """Ready for traffic: the database answers and its schema is at the latest migration. Use it as a
    readiness probe; a 503 names the check that failed."""
    readiness = await runtime.readiness.check()
    body = {"database": readiness.database, "schema_current": readiness.schema_current}
    if not readiness.ready:
        return answer(problem.NOT_READY, readiness.detail or "Not ready.", {"checks": body})
    return JSONResponse({"status": "ready", **body})


@router.get(
    "/.well-known/jwks.json",
    summary="Read the embedded issuer's public keys",
    response_model=JsonWebKeySet,
    responses=problems(problem.NOT_FOUND),
)
async def get_signing_keys(runtime: RuntimeDep) -> JSONResponse:
    """The public keys that verify the tokens of the embedded development issuer (cacheable for five
    minutes). A deployment with an external issuer answers 404: fetch its keys from that issuer."""
    if runtime.jwks is None:
        return answer(problem.NOT_FOUND, "This deployment uses an external token issuer; fetch its keys there.")
    return JSONResponse(runtime.jwks, headers={"Cache-Control": "public, max-age=300"})
