"""Web addresses Relais stores for ambassadors to open or share: https only, normalised.

What is refused is refused before anything is stored, because a stored link later becomes a
redirect: scripts (``javascript:``, ``data:``), plain http, protocol-relative addresses that
take the scheme of wherever they are shown, credentials in the address, control characters
and backslashes (which browsers read as slashes). International host names are stored in
punycode, so allow-lists and redirects compare one spelling.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote, urlsplit, urlunsplit

from app.domain.hostnames import normalise_hostname
from app.domain.messages import Message, message_of
from app.domain.values import has_control_characters

MAX_URL_LENGTH = 2048
# Characters left as they are in a path, query or fragment; anything else is percent-encoded.
_SAFE = "/?:@!$&'()*+,;=-._~%"


def normalise_https_url(raw: str, allows_host: Callable[[str], bool] | None = None) -> str:
    """The canonical form of ``raw``, or ``ValueError`` saying what is wrong with it.

    ``allows_host`` receives the punycode host name; when given, it must accept it.
    """
    if not raw:
        raise ValueError(Message("Give an https:// address."))
    if len(raw) > MAX_URL_LENGTH:
        raise ValueError(Message("At most {most} characters.", most=MAX_URL_LENGTH))
    if has_control_characters(raw) or any(char.isspace() for char in raw):
        raise ValueError(Message("An address holds neither control characters nor spaces."))
    if "\\" in raw:
        raise ValueError(Message("An address holds no backslash."))
    if raw.startswith("//"):
        raise ValueError(Message("Protocol-relative addresses are refused; start with https://."))
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if not scheme:
        raise ValueError(Message("Give an absolute https:// address."))
    if scheme != "https":
        raise ValueError(Message("Only https addresses are accepted, not {scheme}:.", scheme=scheme))
    if not raw[len(scheme) :].startswith("://"):
        raise ValueError(Message("Give an absolute address: https://host/path."))
    host, port = _host_and_port(parts.netloc)
    try:
        ascii_host = normalise_hostname(host)
    except ValueError as error:
        raise ValueError(Message("The host is not valid: {error}", error=message_of(error))) from None
    if allows_host is not None and not allows_host(ascii_host):
        raise ValueError(Message("{host} is not one of the programme's allowed link domains.", host=ascii_host))
    netloc = ascii_host if port in (None, 443) else f"{ascii_host}:{port}"
    path, query, fragment = (quote(part, safe=_SAFE) for part in (parts.path, parts.query, parts.fragment))
    return urlunsplit(("https", netloc, path, query, fragment))


def _host_and_port(netloc: str) -> tuple[str, int | None]:
    if "@" in netloc:
        raise ValueError(Message("An address must not carry a user name or password."))
    if not netloc:
        raise ValueError(Message("The address has no host."))
    host, colon, port = netloc.rpartition(":")
    if not colon or "]" in port:
        return netloc, None
    if not port.isascii() or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(Message("The port is not valid."))
    return host, int(port)
