"""Social networks Relais knows, how each counts the length of a caption, and where its posts live."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class Network(StrEnum):
    """A social network ambassadors share on."""

    LINKEDIN = "linkedin"
    X = "x"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    XING = "xing"
    TIKTOK = "tiktok"
    WHATSAPP = "whatsapp"


# Published limits on the text of a post, in characters.
CAPTION_LIMITS: dict[Network, int] = {
    Network.LINKEDIN: 3000,
    Network.X: 280,
    Network.FACEBOOK: 63206,
    Network.INSTAGRAM: 2200,
    Network.XING: 3000,
    Network.TIKTOK: 4000,
    Network.WHATSAPP: 65536,
}

# Where each network's posts are: the registrable domains (and their subdomains, such as
# www., m. or mobile.) whose addresses can be a post of that network. Shorteners a network's own
# share button hands out (lnkd.in, fb.watch, vm.tiktok.com) are its addresses too.
POST_DOMAINS: dict[Network, tuple[str, ...]] = {
    Network.LINKEDIN: ("linkedin.com", "lnkd.in"),
    Network.X: ("x.com", "twitter.com"),
    Network.FACEBOOK: ("facebook.com", "fb.com", "fb.watch"),
    Network.INSTAGRAM: ("instagram.com",),
    Network.XING: ("xing.com",),
    Network.TIKTOK: ("tiktok.com",),
    # Channels are WhatsApp's only posts with an address.
    Network.WHATSAPP: ("whatsapp.com",),
}

# X shortens every link to a t.co address of this many characters, whatever its real length.
X_LINK_LENGTH = 23
URL_PATTERN = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)


def caption_length(text: str, network: Network) -> int:
    """The length the network will count: characters after NFC, links at X's fixed weight on X."""
    normalised = unicodedata.normalize("NFC", text)
    if network is not Network.X:
        return len(normalised)
    links = URL_PATTERN.findall(normalised)
    return len(URL_PATTERN.sub("", normalised)) + X_LINK_LENGTH * len(links)


def caption_fits(text: str, network: Network) -> bool:
    return caption_length(text, network) <= CAPTION_LIMITS[network]


def is_post_host(network: Network, host: str) -> bool:
    """Whether ``host`` (lowercase, punycode) is one of ``network``'s domains or a subdomain of one."""
    return any(host == domain or host.endswith("." + domain) for domain in POST_DOMAINS[network])
