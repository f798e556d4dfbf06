"""What the processes read of their keys and settings before anything is built: the development
issuer, the sealing of integrations' secrets, and the refusal of an unreadable rate-limit setting.

Kept apart from ``api`` so that the command line's other commands (and ``relais worker``) start
without importing the API: ``relais db upgrade`` or ``relais token`` answer in about a second
rather than six."""

from __future__ import annotations

import structlog
from cryptography.fernet import Fernet

from app.adapters.auth.dev_issuer import DevIssuer
from app.adapters.webhooks.credentials import StandardWebhookCredentials
from app.adapters.webhooks.secret_box import FernetSecretBox, secret_box
from app.ports.integrations import Credentials, SecretBox
from app.settings import Settings

log = structlog.stdlib.get_logger("relais.bootstrap")


class RateLimitSettingError(ValueError):
    """A rate-limit setting that cannot be read: the start stops, naming the variable."""


def integration_ports(settings: Settings | None) -> tuple[Credentials, SecretBox]:
    """What integrations' credentials need: the server's sealing keys, or a throwaway one without settings."""
    if settings is None:
        return StandardWebhookCredentials(), FernetSecretBox([Fernet.generate_key().decode("ascii")])
    if not settings.secrets_key_list and not settings.dev_issuer_enabled:
        # Each replica would make its own key, and open none of the others' secrets.
        log.warning(
            "RELAIS_SECRETS_KEYS is not set: webhook secrets are sealed with a key kept in the data directory; "
            "set it, the same on every replica, in production",
            data_dir=str(settings.data_dir),
        )
    return StandardWebhookCredentials(), secret_box(settings.secrets_key_list, settings.data_dir)


def dev_issuer(settings: Settings) -> DevIssuer:
    return DevIssuer.load_or_create(settings.data_dir, settings.public_base_url, settings.oidc_audience)
