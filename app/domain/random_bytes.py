"""Random bytes from the operating system's generator, drawn a page at a time.

``os.urandom`` is a system call, about a microsecond each on the servers measured: the redirect
drew twice per request (its request id, its click id). Here each call takes the next bytes of a
page drawn at once; no byte is handed out twice, and a forked child draws its own pages.
"""

from __future__ import annotations

import os
import threading

PAGE_BYTES = 4096


class RandomBytes:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._page = b""
        self._offset = 0

    def take(self, count: int) -> bytes:
        """``count`` bytes no other call is given."""
        with self._lock:
            start, end = self._offset, self._offset + count
            if end > len(self._page):
                self._page, start, end = os.urandom(max(PAGE_BYTES, count)), 0, count
            self._offset = end
            return self._page[start:end]

    def forget(self) -> None:
        """Drop the page: a forked process must not hand out its parent's bytes again."""
        self._lock = threading.Lock()
        self._page, self._offset = b"", 0


random_bytes = RandomBytes()
os.register_at_fork(after_in_child=random_bytes.forget)
