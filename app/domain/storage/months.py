"""Monthly partitions of the event tables, keyed by their UUIDv7 ids.

A UUIDv7 begins with the Unix milliseconds it was made at (RFC 9562), so ids sort by time and a
month's ids are the range from the lowest id of its first millisecond to the lowest id of the next
month's. Each partition covers one UTC month; retention drops whole months.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from uuid import UUID

_VERSION_7_HIGH = 0x7 << 12  # in the id's high 64 bits, after its 48 bits of milliseconds
_VARIANT = 0b10 << 62  # in its low 64 bits
_MILLISECONDS = (1 << 48) - 1


class PartitionedTable(StrEnum):
    """The tables that grow with traffic, partitioned by month of their id."""

    CLICKS = "clicks"
    OUTBOX = "outbox"
    WEBHOOK_DELIVERIES = "webhook_deliveries"
    # Cut by the id of its delivery, so a delivery's attempts live and go with it.
    WEBHOOK_DELIVERY_ATTEMPTS = "webhook_delivery_attempts"
    # Kept whole (balances are its sum): cut so each month's heap and indexes are a table of their own.
    POINTS_ENTRIES = "points_entries"


def lowest_id_at(instant: datetime) -> UUID:
    """The lowest UUIDv7 made at ``instant``'s millisecond: every id made then or later is at least this."""
    milliseconds = int(instant.astimezone(UTC).timestamp() * 1000)
    return UUID(int=(milliseconds & _MILLISECONDS) << 80 | _VERSION_7_HIGH << 64 | _VARIANT)


def derived_id(time_of: UUID, *key: UUID) -> UUID:
    """A UUIDv7 taken from a natural key: the milliseconds of ``time_of`` (a UUIDv7), the rest a digest of
    ``key``. The same key always gives the same id, so a primary key refuses the duplicate that a unique
    constraint on the key would have refused, and every duplicate falls in the same month."""
    digest = int.from_bytes(hashlib.sha256(b"".join(part.bytes for part in key)).digest()[:10])
    rand_a, rand_b = digest >> 62 & 0xFFF, digest & ((1 << 62) - 1)
    high = (time_of.int >> 80) << 16 | _VERSION_7_HIGH | rand_a
    return UUID(int=high << 64 | _VARIANT | rand_b)


@dataclass(frozen=True, slots=True, order=True)
class Month:
    """A UTC calendar month: one partition of each partitioned table."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError("A month is numbered 1 to 12.")

    @classmethod
    def of(cls, instant: datetime) -> Month:
        utc = instant.astimezone(UTC)
        return cls(utc.year, utc.month)

    @classmethod
    def made(cls, id_: UUID) -> Month:
        """The month a UUIDv7 was made in."""
        return cls.of(datetime.fromtimestamp((id_.int >> 80) / 1000, UTC))

    @classmethod
    def named(cls, partition: str, table: PartitionedTable) -> Month | None:
        """The month a partition of ``table`` is named for (``clicks_2026_12``); None for any other name."""
        prefix = f"{table.value}_"
        if not partition.startswith(prefix):
            return None
        year, _, month = partition.removeprefix(prefix).partition("_")
        if not (year.isdigit() and month.isdigit() and len(year) == 4 and len(month) == 2):
            return None
        return cls(int(year), int(month)) if 1 <= int(month) <= 12 else None

    def plus(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def start(self) -> datetime:
        return datetime(self.year, self.month, 1, tzinfo=UTC)

    @property
    def lowest_id(self) -> UUID:
        """The partition's lower bound (included); the next month's is its upper bound (excluded)."""
        return lowest_id_at(self.start)

    def partition_of(self, table: PartitionedTable) -> str:
        return f"{table.value}_{self.year:04d}_{self.month:02d}"


def months_ahead(now: datetime, ahead: int) -> list[Month]:
    """The months that must have their partition by now: the current one and ``ahead`` more."""
    current = Month.of(now)
    return [current.plus(offset) for offset in range(ahead + 1)]
