"""Host names as links and allow-lists compare them: lowercase ASCII, IDN in punycode."""

from __future__ import annotations

import re

import idna

from app.domain.messages import Message

MAX_HOSTNAME_LENGTH = 253
LABEL_PATTERN = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def normalise_hostname(host: str) -> str:
    """Return ``host`` as a registrable DNS name (``bücher.example`` -> ``xn--bcher-kva.example``).

    Raises ``ValueError`` for anything else: IP addresses, single labels, wildcards, ports,
    schemes, paths, empty labels or characters a host name cannot hold.
    """
    candidate = host.strip().rstrip(".")
    if candidate.startswith("*."):
        raise ValueError(
            Message(
                "'{host}' is a wildcard; list the domain and let its subdomains in with include_subdomains.", host=host
            )
        )
    if not candidate or any(char in candidate for char in "/:@*?#[] \\"):
        raise ValueError(
            Message("'{host}' is not a host name; give the domain alone, such as 'example.com'.", host=host)
        )
    try:
        ascii_host = idna.encode(candidate, uts46=True).decode("ascii")
    except idna.IDNAError as error:
        raise ValueError(Message("'{host}' is not a valid domain name: {error}.", host=host, error=error)) from error
    labels = ascii_host.split(".")
    if len(ascii_host) > MAX_HOSTNAME_LENGTH or not all(LABEL_PATTERN.fullmatch(label) for label in labels):
        raise ValueError(Message("'{host}' is not a valid domain name.", host=host))
    if len(labels) < 2 or labels[-1].isdigit():
        raise ValueError(
            Message(
                "'{host}' is not a public domain name (give a name such as 'example.com', not an address).", host=host
            )
        )
    return ascii_host
