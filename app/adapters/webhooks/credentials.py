"""Credentials of integrations: Standard Webhooks secrets, checked with the ``standardwebhooks`` library,
and SCIM bearer tokens, kept as digests."""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Mapping, Sequence

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

# 32 random bytes: as much as the HMAC-SHA256 key can use.
SECRET_BYTES = 32
TOKEN_BYTES = 32


class StandardWebhookCredentials:
    def new_webhook_secret(self) -> str:
        return "whsec_" + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")

    def new_token(self) -> str:
        return secrets.token_urlsafe(TOKEN_BYTES)

    def token_digest(self, token: str) -> str:
        # A token of 256 random bits cannot be guessed from its digest, so a fast hash suffices: a slow
        # password hash protects low-entropy secrets, and would cost every SCIM request its time.
        return hashlib.sha256(token.encode("utf-8")).hexdigest()

    def verify_webhook(self, body: bytes, headers: Mapping[str, str], secrets: Sequence[str]) -> bool:
        for secret in secrets:
            try:
                Webhook(secret).verify(body, dict(headers), json_parse=False)
            except WebhookVerificationError:
                continue
            return True
        return False
