"""Which redirect URIs (and so which browser origins) the development sign-in accepts.

An entry is a URI. Its port may be ``*`` (any port, as RFC 8252 allows loopback redirects to
use whatever port the application got); an entry without a path (or with ``/``) allows every
path on that origin, an entry with a longer path allows exactly that URI.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


class RedirectUriError(ValueError):
    """A configured entry is not a usable redirect URI pattern."""


@dataclass(frozen=True, slots=True)
class _Entry:
    scheme: str
    host: str
    port: int | None  # None: any port
    path: str | None  # None: any path and query
    query: str

    def allows(self, uri: SplitResult) -> bool:
        if (uri.scheme, _host(uri)) != (self.scheme, self.host):
            return False
        if self.port is not None and _port(uri) != self.port:
            return False
        return self.path is None or (uri.path, uri.query) == (self.path, self.query)

    def allows_origin(self, origin: SplitResult) -> bool:
        same_port = self.port is None or _port(origin) == self.port
        return (origin.scheme, _host(origin)) == (self.scheme, self.host) and same_port


class RedirectUriPolicy:
    def __init__(self, entries: Iterable[str]) -> None:
        self._entries = tuple(_parse_entry(entry) for entry in entries)
        if not self._entries:
            raise RedirectUriError("At least one redirect URI must be allowed.")

    def allows(self, redirect_uri: str) -> bool:
        uri = _split(redirect_uri)
        if uri is None or uri.fragment or "#" in redirect_uri:
            return False  # RFC 6749 §3.1.2: a redirection endpoint has no fragment
        return any(entry.allows(uri) for entry in self._entries)

    def allows_origin(self, origin: str) -> bool:
        """Whether a browser page at ``origin`` may call the token and userinfo endpoints (CORS)."""
        parsed = _split(origin)
        if parsed is None or parsed.path not in ("", "/") or parsed.query or parsed.fragment:
            return False
        return any(entry.allows_origin(parsed) for entry in self._entries)


def _split(value: str) -> SplitResult | None:
    try:
        uri = urlsplit(value)
        uri.port  # noqa: B018  (raises ValueError on a malformed port)
    except ValueError:
        return None
    # Userinfo in a redirect URI is how "http://localhost:5173@attacker.example/" would slip through.
    if uri.scheme not in _DEFAULT_PORTS or not uri.hostname or "@" in uri.netloc:
        return None
    return uri


def _host(uri: SplitResult) -> str:
    return (uri.hostname or "").lower()


def _port(uri: SplitResult) -> int:
    return uri.port or _DEFAULT_PORTS[uri.scheme]


def _parse_entry(entry: str) -> _Entry:
    text = entry.strip()
    any_port = False
    scheme, separator, rest = text.partition("://")
    authority = rest.split("/", 1)[0]
    if separator and authority.endswith(":*"):
        any_port = True
        text = f"{scheme}://{authority[:-2]}{rest[len(authority) :]}"
    uri = _split(text)
    if uri is None or uri.fragment:
        raise RedirectUriError(
            f"{entry!r} is not a redirect URI: write http(s)://host[:port|:*][/path], without user or fragment."
        )
    path = None if uri.path in ("", "/") and not uri.query else uri.path
    return _Entry(
        scheme=uri.scheme,
        host=_host(uri),
        port=None if any_port else _port(uri),
        path=path,
        query=uri.query,
    )
