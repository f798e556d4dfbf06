"""Crawler detection with the maintained ``crawlerdetect`` patterns (a port of JayBizzle's CrawlerDetect)."""

from __future__ import annotations

from crawlerdetect import CrawlerDetect

# A sample agent of each kind, run once at start-up: the first call compiles the patterns
# (tens of milliseconds), which must not happen on a visitor's request.
_WARM_UP = ("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "LinkedInBot/1.0")


class _CachingCrawlerDetect(CrawlerDetect):
    # Matching an agent the cache has not seen costs a few hundred microseconds (one large regular
    # expression); agents repeat a lot, so a bigger cache than the library's 1,024 keeps that rare.
    CACHE_SIZE = 16_384


class CrawlerDetectBotDetector:
    """One instance per process, built at start-up. An empty agent is a script, not a person."""

    def __init__(self) -> None:
        self._detector = _CachingCrawlerDetect()
        for agent in _WARM_UP:
            self._detector.is_crawler(agent)

    def is_bot(self, user_agent: str) -> bool:
        if not user_agent.strip():
            return True
        return bool(self._detector.is_crawler(user_agent))
