"""Programme settings, charter versions and compliance reports to GraphQL types."""

from __future__ import annotations

from collections.abc import Mapping

from app.api.graphql.global_ids import global_id
from app.api.graphql.programme.types import (
    BrandEngagementRate,
    CharterVersion,
    ComplianceReport,
    ComplianceViolation,
    Disclosure,
    LinkDomain,
    NetworkAmount,
    ProgrammeSettings,
)
from app.domain.networks import Network
from app.domain.programme import charter, compliance
from app.domain.programme import settings as programme


def settings_node(settings: programme.ProgrammeSettings) -> ProgrammeSettings:
    return ProgrammeSettings(
        networks=list(settings.networks),
        link_domains=[
            LinkDomain(domain=rule.domain, include_subdomains=rule.include_subdomains) for rule in settings.link_domains
        ],
        disclosures=[Disclosure(network=rule.network, text=rule.text) for rule in settings.disclosures],
        sensitive_terms=list(settings.sensitive_terms),
        banned_terms=list(settings.banned_terms),
        weekly_content_budget=settings.weekly_content_budget,
        four_eyes_review=settings.four_eyes_review,
        default_language=settings.default_language,
        utm_medium=settings.utm_medium,
        share_daily_limit=settings.share_daily_limit,
        click_param=settings.click_param,
        attribution_window_days=settings.attribution_window_days,
        attribution_model=settings.attribution_model,
        time_zone=settings.time_zone,
        challenge_winners=settings.challenge_winners,
        digest_weekday=settings.digest_weekday,
        digest_time=settings.digest_time,
        mass_termination_percent=settings.mass_termination_percent,
        currency=settings.currency,
        cpm_minor=_amounts(settings.cpm_minor),
        cpc_minor=_amounts(settings.cpc_minor),
        brand_engagement_rates=[
            BrandEngagementRate(network=network, rate=float(settings.brand_engagement_rates[network]))
            for network in Network
            if network in settings.brand_engagement_rates
        ],
        manager_metrics_scope=settings.manager_metrics_scope,
        required_training_modules=[global_id("TrainingModule", uuid) for uuid in settings.required_training_modules],
        recall_notice_url=settings.recall_notice_url,
        version=settings.version,
        updated_at=settings.updated_at,
    )


def _amounts(amounts: Mapping[Network, int]) -> list[NetworkAmount]:
    return [NetworkAmount(network=network, amount_minor=amounts[network]) for network in Network if network in amounts]


def charter_version_node(version: charter.CharterVersion) -> CharterVersion:
    return CharterVersion(
        id=version.id,
        number=version.number,
        title=version.title,
        body=version.body,
        summary=version.summary,
        published_at=version.published_at,
    )


def compliance_node(report: compliance.ComplianceReport) -> ComplianceReport:
    return ComplianceReport(
        ok=report.ok,
        violations=[
            ComplianceViolation(code=v.code, detail=v.detail, start=v.start, end=v.end, blocking=v.blocking)
            for v in report.violations
        ],
        total_violations=report.total,
    )
