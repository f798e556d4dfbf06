"""Private signing keys kept in the data directory, created once and shared by every local process."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from uuid import uuid4

from joserfc.errors import JoseError
from joserfc.jwk import ECKey, RSAKey

K = TypeVar("K", ECKey, RSAKey)


class DevIssuerKeyError(Exception):
    """A key file exists but does not hold a usable private key of the expected kind."""


def load_or_create(path: Path, kind: type[K], generate: Callable[[], K], usable: Callable[[K], bool]) -> K:
    """Reuse the key in ``path``, creating it (mode 0600) with ``generate`` on first start."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        _create_exclusively(path, json.dumps(generate().as_dict(private=True)))
    # Read back even after creating: another process may have won the race, and its key is the one.
    return _read_key(path, kind, usable)


def key_id(key: ECKey | RSAKey) -> str:
    """The key's ``kid``: the one it was created with, else its RFC 7638 thumbprint."""
    return key.kid or key.thumbprint()


def _create_exclusively(path: Path, content: str) -> None:
    """Write the file whole under a temporary name, then hard-link it into place.

    The link fails if the file already exists, so concurrent first starts never overwrite each
    other's key and no reader ever sees a half-written file.
    """
    temporary = path.with_name(f".{path.name}.{uuid4().hex}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        temporary.unlink(missing_ok=True)


def _read_key(path: Path, kind: type[K], usable: Callable[[K], bool]) -> K:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        key = kind.import_key(data)
    except (OSError, ValueError, TypeError, KeyError, JoseError) as error:
        raise DevIssuerKeyError(f"{path} does not hold a development signing key: {error}") from None
    if not key.is_private or not usable(key):
        raise DevIssuerKeyError(f"{path} does not hold a usable private {kind.key_type} key.")
    return key
