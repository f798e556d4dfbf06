"""Decimal numbers as JSON sends them: a binary double, read to the precision the field keeps."""

from __future__ import annotations

import math
from decimal import Decimal

from app.domain.messages import Message


def hundredths(value: object) -> object:
    """A JSON number, read to the hundredth: 1.13 often arrives as 1.1300000000000001 from a binary double."""
    if isinstance(value, bool | str):
        raise ValueError(Message("Give a number, such as 1.5."))
    if (
        isinstance(value, float)
        and math.isfinite(value)
        and abs(value) < 1e9
        and abs(value * 100 - round(value * 100)) < 1e-6
    ):
        return Decimal(round(value * 100)) / 100
    return value


def millionths(value: object) -> object:
    """A JSON number, read to the millionth (a rate such as 0.0215), for the same reason as ``hundredths``."""
    if isinstance(value, bool | str):
        raise ValueError(Message("Give a number, such as 0.021."))
    if (
        isinstance(value, float)
        and math.isfinite(value)
        and abs(value) < 1e6
        and abs(value * 1_000_000 - round(value * 1_000_000)) < 1e-6
    ):
        return Decimal(round(value * 1_000_000)) / 1_000_000
    return value
