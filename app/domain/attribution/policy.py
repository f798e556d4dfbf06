"""Share attribution: which shares, ambassadors, contents and campaigns a conversion is credited to.

The rules, in the order they are applied:

- A conversion's click references decide alone when it has any. Its link code is the fallback
  for conversions that carry no click reference, so a bot's or an ambassador's own click can
  never be credited through the link code of the same share.
- Click references the caller could not resolve to a click are ignored; a repeated click
  counts once. Bot and self clicks never earn credit, nor do clicks after the conversion, nor
  clicks more than the window before it. The window is inclusive: a click exactly the window
  length before the conversion still counts, as does a click at the very instant of it.
- ``first_touch`` and ``last_touch`` are by click time, the order of the references breaking
  ties; ``linear`` splits the credit equally between the remaining clicks, and two clicks on
  one share make one credit of twice the weight.
- A link code credits its share from the moment the share was created, until the window has
  passed since it was posted (since it was created, when its posting was never confirmed):
  a link brings visitors while the post is up, so the post's time plays the click's part.
- When nothing is left, the reason names the last rule that removed the last candidate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from fractions import Fraction
from typing import Any
from uuid import UUID

from app.domain.attribution.conversions import Conversion

DEFAULT_WINDOW = timedelta(days=30)
MIN_WINDOW = timedelta(days=1)
MAX_WINDOW = timedelta(days=365)


class AttributionModel(StrEnum):
    """How a conversion's credit is shared among the clicks that led to it: all to the last, all to
    the first, or equally among them (linear)."""

    LAST_TOUCH = "last_touch"
    FIRST_TOUCH = "first_touch"
    LINEAR = "linear"


class UnattributedReason(StrEnum):
    """Why no share was credited with a conversion."""

    NO_REFERENCE = "no_reference"
    UNKNOWN_REFERENCE = "unknown_reference"
    BOT_OR_SELF_CLICK = "bot_or_self_click"
    AFTER_CONVERSION = "after_conversion"
    OUTSIDE_WINDOW = "outside_window"


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareOrigin:
    """Who and what a share credits."""

    share_id: UUID
    ambassador_id: UUID
    content_id: UUID
    campaign_id: UUID | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ClickTouch:
    """A recorded click, as a click reference resolves to it."""

    click_id: UUID
    share: ShareOrigin
    clicked_at: datetime
    is_bot: bool = False
    is_self: bool = False

    @property
    def genuine(self) -> bool:
        return not (self.is_bot or self.is_self)


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkTouch:
    """The share a link code names, and when it was created and (if confirmed) posted."""

    share: ShareOrigin
    created_at: datetime
    posted_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Touches:
    """What the conversion's references resolve to: clicks by reference (a reference missing
    here is unknown) and the share its link code names, if it names one."""

    clicks: Mapping[str, ClickTouch] = field(default_factory=dict, hash=False)
    link: LinkTouch | None = None


@dataclass(frozen=True, slots=True)
class AttributionWindow:
    """How long after a click (or a post) a conversion may still be credited to it."""

    length: timedelta = DEFAULT_WINDOW

    def __post_init__(self) -> None:
        if not MIN_WINDOW <= self.length <= MAX_WINDOW:
            raise ValueError(f"An attribution window lasts {MIN_WINDOW.days} to {MAX_WINDOW.days} days.")

    @classmethod
    def of_days(cls, days: int) -> AttributionWindow:
        return cls(timedelta(days=days))

    def covers(self, touched_at: datetime, converted_at: datetime) -> bool:
        """True when ``converted_at`` is at most the window after ``touched_at`` (earlier is for the caller)."""
        return converted_at - touched_at <= self.length


@dataclass(frozen=True, slots=True, kw_only=True)
class Credit:
    """A share's part of a conversion; the clicks that earned it (none for a link code)."""

    share: ShareOrigin
    weight: Fraction
    click_ids: tuple[UUID, ...] = ()

    @property
    def share_id(self) -> UUID:
        return self.share.share_id

    @property
    def ambassador_id(self) -> UUID:
        return self.share.ambassador_id

    @property
    def content_id(self) -> UUID:
        return self.share.content_id

    @property
    def campaign_id(self) -> UUID | None:
        return self.share.campaign_id


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    """Either credits whose weights are positive and sum to exactly 1, or the reason there are none."""

    model: AttributionModel
    credits: tuple[Credit, ...] = ()
    reason: UnattributedReason | None = None

    def __post_init__(self) -> None:
        if (not self.credits) == (self.reason is None):
            raise ValueError("An attribution has credits or a reason, never both nor neither.")
        if self.credits and (
            sum(credit.weight for credit in self.credits) != 1 or any(c.weight <= 0 for c in self.credits)
        ):
            raise ValueError("Credit weights are positive and sum to 1.")

    @property
    def attributed(self) -> bool:
        return bool(self.credits)

    def weight_of(self, ambassador_id: UUID) -> Fraction:
        """The ambassador's part, over all their credited shares."""
        return sum((c.weight for c in self.credits if c.ambassador_id == ambassador_id), Fraction(0))

    def allocate(self, amount: int) -> tuple[int, ...]:
        """Split a whole ``amount`` (minor units, points) between the credits, in their order.

        Each credit gets the floor of its part; the units left go one each to the largest
        remainders, the earlier credit first on a tie, so the parts always add up to ``amount``.
        """
        if amount < 0:
            raise ValueError("Only a non-negative amount can be allocated.")
        exact = [credit.weight * amount for credit in self.credits]
        parts = [int(value) for value in exact]
        left = amount - sum(parts)
        by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - parts[i]), i))
        for index in by_remainder[:left]:
            parts[index] += 1
        return tuple(parts)

    def as_data(self) -> dict[str, Any]:
        """The JSON shape events and responses carry; weights as exact ``"n/d"`` strings."""
        return {
            "attributed": self.attributed,
            "model": self.model.value,
            "reason": self.reason.value if self.reason else None,
            "credits": [
                {
                    "share_id": str(c.share_id),
                    "ambassador_id": str(c.ambassador_id),
                    "content_id": str(c.content_id),
                    "campaign_id": str(c.campaign_id) if c.campaign_id else None,
                    "weight": str(c.weight),
                    "click_ids": [str(click_id) for click_id in c.click_ids],
                }
                for c in self.credits
            ],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class AttributionPolicy:
    """A tenant's attribution model and window (``last_touch`` over 30 days unless set)."""

    model: AttributionModel = AttributionModel.LAST_TOUCH
    window: AttributionWindow = field(default_factory=AttributionWindow)

    def attribute(self, conversion: Conversion, touches: Touches) -> Attribution:
        if conversion.click_refs:
            return self._attribute_clicks(conversion, touches.clicks)
        if conversion.link_code is not None:
            return self._attribute_link(conversion, touches.link)
        return self._unattributed(UnattributedReason.NO_REFERENCE)

    def _attribute_clicks(self, conversion: Conversion, clicks: Mapping[str, ClickTouch]) -> Attribution:
        resolved = list({clicks[ref].click_id: clicks[ref] for ref in conversion.click_refs if ref in clicks}.values())
        if not resolved:
            return self._unattributed(UnattributedReason.UNKNOWN_REFERENCE)
        candidates = [click for click in resolved if click.genuine]
        if not candidates:
            return self._unattributed(UnattributedReason.BOT_OR_SELF_CLICK)
        candidates = [click for click in candidates if click.clicked_at <= conversion.occurred_at]
        if not candidates:
            return self._unattributed(UnattributedReason.AFTER_CONVERSION)
        candidates = [click for click in candidates if self.window.covers(click.clicked_at, conversion.occurred_at)]
        if not candidates:
            return self._unattributed(UnattributedReason.OUTSIDE_WINDOW)
        # sorted() is stable: clicks at the same instant keep the order of the references.
        ordered = sorted(candidates, key=lambda click: click.clicked_at)
        if self.model is AttributionModel.FIRST_TOUCH:
            ordered = ordered[:1]
        elif self.model is AttributionModel.LAST_TOUCH:
            ordered = ordered[-1:]
        return Attribution(model=self.model, credits=_linear_credits(ordered))

    def _attribute_link(self, conversion: Conversion, link: LinkTouch | None) -> Attribution:
        if link is None:
            return self._unattributed(UnattributedReason.UNKNOWN_REFERENCE)
        if link.created_at > conversion.occurred_at:
            return self._unattributed(UnattributedReason.AFTER_CONVERSION)
        if not self.window.covers(link.posted_at or link.created_at, conversion.occurred_at):
            return self._unattributed(UnattributedReason.OUTSIDE_WINDOW)
        return Attribution(model=self.model, credits=(Credit(share=link.share, weight=Fraction(1)),))

    def _unattributed(self, reason: UnattributedReason) -> Attribution:
        return Attribution(model=self.model, reason=reason)


def _linear_credits(clicks: list[ClickTouch]) -> tuple[Credit, ...]:
    """Equal parts per click, merged per share in the order each share was first clicked."""
    by_share: dict[UUID, list[ClickTouch]] = {}
    for click in clicks:
        by_share.setdefault(click.share.share_id, []).append(click)
    return tuple(
        Credit(
            share=share_clicks[0].share,
            weight=Fraction(len(share_clicks), len(clicks)),
            click_ids=tuple(click.click_id for click in share_clicks),
        )
        for share_clicks in by_share.values()
    )
