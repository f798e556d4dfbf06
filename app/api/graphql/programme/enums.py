"""GraphQL enums of the programme's rules: the domain's enums, with a description of each value."""

from __future__ import annotations

from app.api.graphql.enums import domain_enum
from app.domain.metrics.scopes import ManagerMetricsScope
from app.domain.programme.charter import CharterStatus
from app.domain.programme.compliance import ViolationCode

__all__ = ["CharterStatus", "ManagerMetricsScope", "ViolationCode"]

domain_enum(
    CharterStatus,
    "Whether a member accepted the charter in force (ACCEPTED when none is published).",
    {
        CharterStatus.ACCEPTED: "Accepted the version in force, or none is published.",
        CharterStatus.NEEDS_ACCEPTANCE: "Must accept the version in force before sharing.",
    },
)
domain_enum(
    ViolationCode,
    "What is wrong with a caption.",
    {
        ViolationCode.MISSING_DISCLOSURE: "The network's disclosure (such as `#employee`) is missing.",
        ViolationCode.BANNED_TERM: "It contains a term the programme bans; it blocks sharing.",
        ViolationCode.SENSITIVE_TERM: "It contains a sensitive term; a warning that does not block.",
        ViolationCode.TOO_LONG: "It is longer than the network allows.",
        ViolationCode.MISSING_LINK: "The content's link is missing.",
    },
)
domain_enum(
    ManagerMetricsScope,
    "What a manager (neither admin nor analyst) reads of the programme's metrics.",
    {
        ManagerMetricsScope.PROGRAMME: "The whole programme's.",
        ManagerMetricsScope.DEPARTMENT: "Only those of the ambassadors of the department their own employee record "
        "names.",
    },
)
