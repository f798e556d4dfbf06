"""A minimal webhook receiver for the benchmark and the scale test: answers 204 to every POST,
counting them and, when given a file, appending each delivery's ``webhook-id`` to it, one a line.

python -m bench.webhook_receiver PORT [FILE]
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import httpx
import uvicorn

received = 0
record: IO[str] | None = None


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    global received
    if scope["type"] != "http":
        return
    if scope["path"] == "/healthz":
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": str(received).encode()})
        return
    more = True
    while more:
        more = (await receive()).get("more_body", False)
    received += 1
    if record is not None:
        webhook_id = dict(scope["headers"]).get(b"webhook-id", b"-").decode("latin-1")
        # Written before the answer, line-buffered: whatever the sender saw acknowledged is on disk.
        record.write(f"{webhook_id}\n")
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


@contextmanager
def running_receiver(port: int, record_to: Path | None = None) -> Iterator[str]:
    """This receiver in a process of its own on ``port``, once it answers; its base URL (``localhost``,
    the name ``RELAIS_WEBHOOK_ALLOWED_HOSTS`` lets through)."""
    command = [sys.executable, "-m", "bench.webhook_receiver", str(port)]
    process = subprocess.Popen([*command, str(record_to)] if record_to else command)
    try:
        for _ in range(100):
            try:
                httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield f"http://localhost:{port}"
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    if len(sys.argv) > 2:
        record = open(sys.argv[2], "a", buffering=1)  # noqa: SIM115 - open for the process's life
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False, lifespan="off")
