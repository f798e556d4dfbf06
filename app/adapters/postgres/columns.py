"""Column shapes shared by the table modules."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Column, Field


def timestamp(*, nullable: bool = False) -> Any:
    """A ``timestamptz`` column: every instant is stored in UTC with its zone."""
    return Field(sa_column=Column(sa.DateTime(timezone=True), nullable=nullable))


def texts() -> Any:
    """A list of texts stored as a PostgreSQL array, so one ``&&`` or ``= ANY`` tests it."""
    return Field(sa_column=Column(ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'")))
