"""GraphQL enums of attribution: the domain's enums, with a description of each value."""

from __future__ import annotations

from app.api.graphql.enums import domain_enum
from app.domain.attribution.conversions import ConversionType
from app.domain.attribution.policy import UnattributedReason

__all__ = ["ConversionType", "UnattributedReason"]

domain_enum(
    ConversionType,
    "What an integrator reports.",
    {
        ConversionType.LEAD: "A prospect left their details.",
        ConversionType.SIGNUP: "Someone signed up for an account or a newsletter.",
        ConversionType.JOB_APPLICATION: "Someone applied for a job.",
        ConversionType.HIRE: "An applicant was hired.",
        ConversionType.PURCHASE: "Someone bought something (`valueMinor` and `currency` say how much).",
        ConversionType.CUSTOM: "Anything else your systems count; describe it in `metadata`.",
    },
)
domain_enum(
    UnattributedReason,
    "Why no share was credited with a conversion.",
    {
        UnattributedReason.NO_REFERENCE: "The report carried no click reference nor link code.",
        UnattributedReason.UNKNOWN_REFERENCE: "No click or tracked link of this organisation has its references.",
        UnattributedReason.BOT_OR_SELF_CLICK: "Its clicks were a crawler's, a prefetch or the ambassador's own.",
        UnattributedReason.AFTER_CONVERSION: "Its clicks (or its share) came after the conversion.",
        UnattributedReason.OUTSIDE_WINDOW: "Its clicks (or its share) are older than the attribution window.",
    },
)
