"""REST bodies of the programme's charter and of caption compliance."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.api.rest import examples as ex
from app.api.rest.bodies import JSON_INTEGER, RequestBody, Text
from app.api.rest.texts import MULTI_LINE, MULTI_LINE_NOT_BLANK, SINGLE_LINE_NOT_BLANK
from app.domain.messages import Message
from app.domain.networks import CAPTION_LIMITS, Network
from app.domain.programme.charter import MAX_BODY_LENGTH, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH
from app.domain.programme.compliance import MAX_REPORTED_VIOLATIONS, ViolationCode
from app.domain.values import has_control_characters, is_blank

# The longest caption any network takes (WhatsApp's); longer texts are refused outright.
MAX_CAPTION = max(CAPTION_LIMITS.values())
VIOLATIONS_HELP = (
    f"The rules the caption breaks, warnings included, in the order of the text: all of them, up to "
    f"{MAX_REPORTED_VIOLATIONS}. Past that, those that block sharing are listed first."
)
TOTAL_VIOLATIONS_HELP = "How many violations the caption has in all, those not listed in `violations` included."


# Charter


class CharterVersionCreate(RequestBody):
    """The next version of the charter."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "title": "Acme ambassador charter",
                    "body": "## Share freely\n\nShare what you like; disclose that you work for Acme.",
                    "summary": "Disclosure now required on every network.",
                }
            ]
        }
    )

    title: Annotated[str, Field(min_length=1, max_length=MAX_TITLE_LENGTH), SINGLE_LINE_NOT_BLANK] = Field(
        description="Its title."
    )
    body: Annotated[str, Field(min_length=1, max_length=MAX_BODY_LENGTH), MULTI_LINE_NOT_BLANK] = Field(
        description="Markdown."
    )
    summary: Annotated[Annotated[str, MULTI_LINE] | None, Field(max_length=MAX_SUMMARY_LENGTH)] = Field(
        default=None, description="What changed since the previous version."
    )

    @field_validator("body")
    @classmethod
    def _readable(cls, value: str) -> str:
        # Checked here as well as in the domain: a domain error at "body" would read as the whole request body.
        if is_blank(value) or has_control_characters(value, multiline=True):
            raise ValueError(
                Message("Give the text in Markdown, without control characters other than line breaks and tabs.")
            )
        return value


class CharterVersionOut(BaseModel):
    """A published version of the charter; it never changes."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": ex.CHARTER_VERSION_ID,
                    "number": 3,
                    "title": "Acme ambassador charter",
                    "body": "## Share freely\n\nShare what you like; disclose that you work for Acme.",
                    "summary": "Disclosure now required on every network.",
                    "published_at": ex.CREATED,
                }
            ]
        }
    )

    id: UUID = Field(description="The version's id.")
    number: int = Field(description="1 for the first version; the highest number is in force.")
    title: str = Field(description="Its title.")
    body: str = Field(description="Markdown.")
    summary: str | None = Field(description="What changed since the previous version, if said.")
    published_at: datetime = Field(description="When it was published (and came into force).")


class CharterAcceptance(RequestBody):
    """The charter version the caller read and accepts."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"charter_version": 3}]})

    charter_version: Annotated[
        int, Field(ge=1, description="The number of the version you read and accept."), JSON_INTEGER
    ]


# Compliance


class CaptionCheck(RequestBody):
    """A caption to check against the programme's rules."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "network": "linkedin",
                    "text": "We are hiring in Lyon! #employee https://acme.example/careers/lyon-backend",
                    "content_id": ex.CONTENT_ID,
                }
            ]
        }
    )

    network: Network = Field(description="The network it would be posted on (its length limit applies).")
    text: Annotated[str, Field(max_length=MAX_CAPTION)] = Field(description="The caption, as it would be posted.")
    content_id: UUID | None = Field(default=None, description="When given, the content's link must be in the text.")


class ViolationOut(BaseModel):
    """A rule a caption breaks."""

    code: ViolationCode = Field(description="Which rule.")
    detail: Text = Field(description="What to change, in plain words.")
    start: int | None = Field(description="Where the problem starts in `text` (a character index); null if missing.")
    end: int | None = Field(description="Where it ends (exclusive).")
    blocking: bool = Field(description="False for warnings (sensitive terms).")


class ComplianceOut(BaseModel):
    """What a caption check found."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "ok": False,
                    "violations": [
                        {
                            "code": "missing_disclosure",
                            "detail": "Add #employee to the caption.",
                            "start": None,
                            "end": None,
                            "blocking": True,
                        },
                        {
                            "code": "sensitive_term",
                            "detail": "'salary' is a sensitive term; check the wording.",
                            "start": 21,
                            "end": 27,
                            "blocking": False,
                        },
                    ],
                    "total_violations": 2,
                }
            ]
        }
    )

    ok: bool = Field(description="True when nothing blocks sharing this caption.")
    violations: list[ViolationOut] = Field(
        description=VIOLATIONS_HELP,
        max_length=MAX_REPORTED_VIOLATIONS,
    )
    total_violations: int = Field(description=TOTAL_VIOLATIONS_HELP, ge=0)
