"""Share intents: the address that opens a network's composer with the tracked link filled in.

X and WhatsApp take the caption too. LinkedIn, Facebook and XING take the link only (their
share dialogs ignore or forbid pre-filled text), and Instagram and TikTok have no web share
dialog at all: there ``copy_text`` is what the ambassador pastes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from app.domain.networks import Network

LINKEDIN_SHARE = "https://www.linkedin.com/sharing/share-offsite/"
X_INTENT = "https://x.com/intent/tweet"
FACEBOOK_SHARER = "https://www.facebook.com/sharer/sharer.php"
XING_SHARE = "https://www.xing.com/social/share/spi"
WHATSAPP_SEND = "https://wa.me/"


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareIntent:
    """A caption and the tracked link, as one network's composer receives them."""

    network: Network
    caption: str
    link: str

    @property
    def copy_text(self) -> str:
        """The caption followed by the link on its own paragraph (once, if the caption has it already)."""
        caption = self.caption.rstrip()
        if not caption:
            return self.link
        if self.link in caption:
            return caption
        return f"{caption}\n\n{self.link}"

    @property
    def url(self) -> str | None:
        """The network's share-intent address, or None where the network has none."""
        build = _BUILDERS.get(self.network)
        return build(self) if build else None

    @property
    def prefills_caption(self) -> bool:
        """Whether ``url`` carries the caption; when it does not, offer ``copy_text`` to paste."""
        return self.network in (Network.X, Network.WHATSAPP)


def _encoded(value: str) -> str:
    # UTF-8, everything but unreserved characters escaped; a stray surrogate becomes "?", not an error.
    return quote(value, safe="", errors="replace")


def _linkedin(intent: ShareIntent) -> str:
    return f"{LINKEDIN_SHARE}?url={_encoded(intent.link)}"


def _x(intent: ShareIntent) -> str:
    caption = intent.caption.rstrip()
    if not caption:
        return f"{X_INTENT}?url={_encoded(intent.link)}"
    if intent.link in caption:
        return f"{X_INTENT}?text={_encoded(caption)}"
    return f"{X_INTENT}?text={_encoded(caption)}&url={_encoded(intent.link)}"


def _facebook(intent: ShareIntent) -> str:
    return f"{FACEBOOK_SHARER}?u={_encoded(intent.link)}"


def _xing(intent: ShareIntent) -> str:
    return f"{XING_SHARE}?url={_encoded(intent.link)}"


def _whatsapp(intent: ShareIntent) -> str:
    return f"{WHATSAPP_SEND}?text={_encoded(intent.copy_text)}"


_BUILDERS: dict[Network, Callable[[ShareIntent], str]] = {
    Network.LINKEDIN: _linkedin,
    Network.X: _x,
    Network.FACEBOOK: _facebook,
    Network.XING: _xing,
    Network.WHATSAPP: _whatsapp,
}
