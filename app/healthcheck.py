"""The container image's health check, for whichever process the container runs: ``relais serve``
answers ``/healthz`` on RELAIS_PORT, ``relais worker`` on RELAIS_WORKER_PORT. The standard library
only, so that a probe every few seconds starts in milliseconds."""

from __future__ import annotations

import os
import sys
import urllib.request

PORTS = (("RELAIS_PORT", "8000"), ("RELAIS_WORKER_PORT", "8001"))


def healthy() -> bool:
    for variable, default in PORTS:
        url = f"http://127.0.0.1:{os.environ.get(variable, default)}/healthz"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:  # refused (the other process), an error status or no answer in time
            continue
    return False


if __name__ == "__main__":
    sys.exit(0 if healthy() else 1)
