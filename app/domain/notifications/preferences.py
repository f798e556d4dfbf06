"""What a member chooses to receive: the kinds they muted, their quiet hours in their time zone, and
whether they get the weekly digest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from app.domain.errors import FieldError, ValidationFailed
from app.domain.messages import Message
from app.domain.notifications.notices import NotificationKind
from app.domain.rewards.periods import known_zones


@dataclass(frozen=True, slots=True, kw_only=True)
class QuietHours:
    """From ``start`` to ``end`` local time, across midnight when ``end`` comes first; never empty."""

    start: time
    end: time

    def holds(self, local: time) -> bool:
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end


@dataclass(frozen=True, slots=True, kw_only=True)
class NotificationPreferences:
    """A member's choices; ``time_zone`` None means the programme's. Everyone starts with every kind,
    no quiet hours and the weekly digest."""

    muted_kinds: frozenset[NotificationKind] = frozenset()
    quiet_hours: QuietHours | None = None
    time_zone: str | None = None
    weekly_digest: bool = True
    version: int = 0

    @classmethod
    def parse(
        cls,
        *,
        muted_kinds: list[NotificationKind],
        quiet_start: time | None,
        quiet_end: time | None,
        time_zone: str | None,
        weekly_digest: bool,
    ) -> NotificationPreferences:
        errors: list[FieldError] = []
        quiet = None
        if (quiet_start is None) != (quiet_end is None):
            errors.append(FieldError(("quiet_hours",), "Give both start and end, or no quiet hours at all."))
        elif quiet_start is not None and quiet_end is not None:
            start, end = _minute(quiet_start), _minute(quiet_end)
            if start == end:
                errors.append(
                    FieldError(("quiet_hours", "end"), "Quiet hours must end at another time than they start.")
                )
            quiet = QuietHours(start=start, end=end)
        if time_zone is not None and time_zone not in known_zones():
            errors.append(FieldError(("time_zone",), "Name an IANA time zone, such as Europe/Paris or UTC."))
        if errors:
            raise ValidationFailed(Message("The notification preferences are not valid."), errors)
        return cls(
            muted_kinds=frozenset(muted_kinds), quiet_hours=quiet, time_zone=time_zone, weekly_digest=weekly_digest
        )

    def receives(self, kind: NotificationKind) -> bool:
        return kind not in self.muted_kinds

    def zone(self, programme_zone: str) -> str:
        return self.time_zone or programme_zone

    def quiet_at(self, instant: datetime, programme_zone: str) -> bool:
        """Whether ``instant`` falls in the member's quiet hours, in their time zone."""
        if self.quiet_hours is None:
            return False
        local = instant.astimezone(ZoneInfo(self.zone(programme_zone))).time()
        return self.quiet_hours.holds(local)


def _minute(moment: time) -> time:
    """Quiet hours are kept to the minute, without a time zone: the member's zone applies."""
    return time(moment.hour, moment.minute)
