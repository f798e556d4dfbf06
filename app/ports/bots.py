"""Telling crawlers from people by their user agent."""

from __future__ import annotations

from typing import Protocol


class BotDetector(Protocol):
    def is_bot(self, user_agent: str) -> bool:
        """True for a crawler, a link-preview fetcher or a script; synchronous, as it is on the
        redirect's path and must not wait on anything."""
        ...
