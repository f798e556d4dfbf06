"""The phones and tablets of a member, each with the push token the tenant's notifier sends to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.messages import Message
from app.domain.values import has_control_characters

MAX_TOKEN_LENGTH = 4096
# A member's devices beyond this many: registering one more forgets the one registered longest ago.
MAX_DEVICES = 20


class Platform(StrEnum):
    """Which push service the token belongs to: Apple's (APNs), Google's (FCM) or a browser's (Web Push)."""

    IOS = "ios"
    ANDROID = "android"
    WEB = "web"


@dataclass(frozen=True, slots=True, kw_only=True)
class Device:
    id: UUID
    tenant_id: UUID
    ambassador_id: UUID
    platform: Platform
    token: str
    registered_at: datetime


def push_token(token: str) -> str:
    """A push token as given, refused when empty, too long or holding spaces or control characters."""
    if not token or len(token) > MAX_TOKEN_LENGTH or has_control_characters(token) or any(c.isspace() for c in token):
        message = Message(
            "Give the push token as the platform issued it: 1-{most} characters, no spaces.", most=MAX_TOKEN_LENGTH
        )
        raise ValidationFailed("The push token is not valid.", [FieldError(("token",), message)])
    return token
