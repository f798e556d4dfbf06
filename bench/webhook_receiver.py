"""A minimal webhook receiver for the benchmark: answers 204 to every POST, counting them.

python -m bench.webhook_receiver PORT
"""

from __future__ import annotations

import sys
from typing import Any

import uvicorn

received = 0


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
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False, lifespan="off")
