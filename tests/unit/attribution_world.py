"""Attribution scenarios: three shares, clicks some time before a conversion, and the policy that credits them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from uuid import UUID

from app.domain.attribution.conversions import Conversion, ConversionType
from app.domain.attribution.policy import (
    Attribution,
    AttributionModel,
    AttributionPolicy,
    AttributionWindow,
    ClickTouch,
    ShareOrigin,
    Touches,
    UnattributedReason,
)

CONVERTED_AT = datetime(2025, 3, 31, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
MICROSECOND = timedelta(microseconds=1)
LAST, FIRST, LINEAR = AttributionModel.LAST_TOUCH, AttributionModel.FIRST_TOUCH, AttributionModel.LINEAR
Reason = UnattributedReason


def origin(name: str, ambassador: int | None = None, campaign: int | None = 7) -> ShareOrigin:
    number = ord(name)
    return ShareOrigin(
        share_id=UUID(int=number),
        ambassador_id=UUID(int=1000 + (ambassador if ambassador is not None else number)),
        content_id=UUID(int=2000 + number),
        campaign_id=UUID(int=3000 + campaign) if campaign is not None else None,
    )


SHARES = {name: origin(name) for name in "ABC"}


@dataclass(frozen=True)
class C:
    """A click in a scenario: its share, how long before the conversion, and its flags."""

    share: str
    before: timedelta = DAY
    bot: bool = False
    own: bool = False


def touches_of(clicks: dict[str, C]) -> Touches:
    return Touches(
        clicks={
            ref: ClickTouch(
                click_id=UUID(int=5000 + index),
                share=SHARES[click.share],
                clicked_at=CONVERTED_AT - click.before,
                is_bot=click.bot,
                is_self=click.own,
            )
            for index, (ref, click) in enumerate(clicks.items())
        }
    )


def conversion(*refs: str, link_code: str | None = None, at: datetime = CONVERTED_AT) -> Conversion:
    return Conversion.create(
        type=ConversionType.LEAD, external_id="lead-1", occurred_at=at, click_refs=refs, link_code=link_code
    )


def attribute(model: AttributionModel, clicks: dict[str, C], refs: tuple[str, ...], days: int = 30) -> Attribution:
    policy = AttributionPolicy(model=model, window=AttributionWindow.of_days(days))
    return policy.attribute(conversion(*refs), touches_of(clicks))


def credited(attribution: Attribution) -> list[tuple[str, Fraction]]:
    names = {share.share_id: name for name, share in SHARES.items()}
    return [(names[credit.share_id], credit.weight) for credit in attribution.credits]
