"""Webhook secrets sealed at rest with Fernet (``cryptography``). ``RELAIS_SECRETS_KEYS`` lists the
keys, newest first: the first seals, every one opens, so keys rotate without re-sealing first. Without
it, a key kept in the data directory (as the development signing key is) serves local runs."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

KEY_FILE = "secrets.key"


class SecretKeyError(Exception):
    """A configured or stored key that Fernet cannot use: the start stops, naming it."""


class FernetSecretBox:
    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise SecretKeyError("RELAIS_SECRETS_KEYS holds no key.")
        try:
            self._fernet = MultiFernet([Fernet(key.encode("ascii")) for key in keys])
        except (ValueError, UnicodeEncodeError) as error:
            raise SecretKeyError(
                "RELAIS_SECRETS_KEYS: each key must be 32 url-safe base64-encoded bytes (make one with "
                "`python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`)."
            ) from error

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode("utf-8")).decode("ascii")

    def open(self, sealed: str) -> str:
        try:
            return self._fernet.decrypt(sealed.encode("ascii")).decode("utf-8")
        except InvalidToken as error:
            raise SecretKeyError("A sealed secret opens with none of RELAIS_SECRETS_KEYS.") from error


def data_dir_key(data_dir: Path) -> str:
    """The key in the data directory, created once (mode 0600) and shared by every local process."""
    path = data_dir / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{KEY_FILE}.{os.getpid()}.tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(Fernet.generate_key().decode("ascii"))
        try:
            # A link fails if another process made the key first: theirs is the one.
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink(missing_ok=True)
    return path.read_text(encoding="ascii").strip()


def secret_box(keys: Sequence[str], data_dir: Path) -> FernetSecretBox:
    """The configured keys, or the data directory's."""
    return FernetSecretBox(list(keys) or [data_dir_key(data_dir)])
