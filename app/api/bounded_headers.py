"""A cap on the size of a request's head (request line and headers), answered 431.

uvicorn's fast parser (httptools) buffers a head of any size: an 8 MB header was read, parsed and
served. Its pure-Python one (h11) has a cap but answers 400 in plain text, and would cost the hot
paths their speed. This protocol is uvicorn's httptools one, counting as it parses: past the cap it
answers a ``headers-too-large`` problem, reads and discards what the client is still sending (so
that the client gets to read the answer instead of a reset connection), then closes.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.api.problem_types.exchange import HEADERS_TOO_LARGE
from app.api.rest.problems import PROBLEM_JSON, problem_body
from app.domain.messages import Message

# How long a refused connection keeps reading what the client still sends before closing.
LINGER_SECONDS = 2.0

logger = logging.getLogger("relais.access")


def refusal(max_bytes: int) -> bytes:
    """The whole 431 answer, status line to body (English: the headers that would say otherwise
    are what could not be read)."""
    detail = Message("The request line and headers exceed {max_bytes} bytes.", max_bytes=max_bytes)
    body = json.dumps(problem_body(HEADERS_TOO_LARGE, detail)).encode()
    head = (
        "HTTP/1.1 431 Request Header Fields Too Large\r\n"
        f"content-type: {PROBLEM_JSON}\r\n"
        f"content-length: {len(body)}\r\n"
        "x-content-type-options: nosniff\r\n"
        "cache-control: no-store\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("latin-1") + body


class BoundedHeadersProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a cap of ``max_header_bytes`` on each request's head.

    Two counts keep the cap: the exact size of the request line and of each header the parser
    has completed, and the bytes received while a head is still incomplete (a single header
    of megabytes never completes). A chunk in which a request begins is left to the exact count,
    since its first bytes may belong to the request before.
    """

    max_header_bytes = 32_768

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._parsed = 0
        self._buffered = 0
        self._in_head = True
        self._began_in_chunk = False
        self._refused = False

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return  # lingering: what still arrives is discarded
        self._began_in_chunk = False
        _data_received(self, data)
        if self._in_head and not self._began_in_chunk:
            self._buffered += len(data)
            if self._buffered > self.max_header_bytes:
                self._refused = True
        if self._refused:
            self._refuse()

    def _refuse(self) -> None:
        logger.info("request", extra={"status": 431, "route": "unmatched", "max_header_bytes": self.max_header_bytes})
        self.transport.write(refusal(self.max_header_bytes))
        self.loop.call_later(LINGER_SECONDS, self.transport.close)

    # The parser's callbacks, called for every request and header: the count is written out in
    # each, and the parent's methods called directly, each a function call less.

    def on_message_begin(self) -> None:
        self._parsed = self._buffered = 0
        self._in_head, self._began_in_chunk = True, True
        _on_message_begin(self)

    def on_url(self, url: bytes) -> None:
        self._parsed += len(url)
        if self._parsed > self.max_header_bytes:
            self._refused = True
        elif not self._refused:
            _on_url(self, url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._parsed += len(name) + len(value) + 4  # ": " and the line's end
        if self._parsed > self.max_header_bytes:
            self._refused = True
        elif not self._refused:
            _on_header(self, name, value)

    def on_headers_complete(self) -> None:
        self._in_head = False
        if not self._refused:  # otherwise no application ever sees the request
            _on_headers_complete(self)

    def on_body(self, body: bytes) -> None:
        if not self._refused:
            _on_body(self, body)

    def on_message_complete(self) -> None:
        if not self._refused:
            _on_message_complete(self)


_data_received = HttpToolsProtocol.data_received
_on_message_begin = HttpToolsProtocol.on_message_begin
_on_url = HttpToolsProtocol.on_url
_on_header = HttpToolsProtocol.on_header
_on_headers_complete = HttpToolsProtocol.on_headers_complete
_on_body = HttpToolsProtocol.on_body
_on_message_complete = HttpToolsProtocol.on_message_complete


def with_header_limit(max_bytes: int) -> type[BoundedHeadersProtocol]:
    """The protocol class for uvicorn's ``http`` setting, capped at ``max_bytes``."""
    return type("BoundedHeadersProtocol", (BoundedHeadersProtocol,), {"max_header_bytes": max_bytes})
