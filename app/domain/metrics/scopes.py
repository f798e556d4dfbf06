"""Who sees which metrics."""

from __future__ import annotations

from enum import StrEnum


class ManagerMetricsScope(StrEnum):
    """What a manager (who is not also an admin or analyst) sees of the programme's metrics: all of
    it, or only the ambassadors of the department their own employee record names."""

    PROGRAMME = "programme"
    DEPARTMENT = "department"
