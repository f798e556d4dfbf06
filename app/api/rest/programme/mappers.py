"""Programme settings, charter versions and compliance reports to REST bodies."""

from __future__ import annotations

from app.api.rest.programme.charter_schemas import CharterVersionOut, ComplianceOut, ViolationOut
from app.api.rest.programme.schemas import LinkDomainOut, SettingsOut
from app.domain.networks import Network
from app.domain.programme.charter import CharterVersion
from app.domain.programme.compliance import ComplianceReport
from app.domain.programme.settings import ProgrammeSettings


def settings_out(settings: ProgrammeSettings) -> SettingsOut:
    return SettingsOut(
        networks=list(settings.networks),
        link_domains=[
            LinkDomainOut(domain=rule.domain, include_subdomains=rule.include_subdomains)
            for rule in settings.link_domains
        ],
        disclosures={rule.network: rule.text for rule in settings.disclosures},
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
        cpm_minor={network: settings.cpm_minor[network] for network in Network if network in settings.cpm_minor},
        cpc_minor={network: settings.cpc_minor[network] for network in Network if network in settings.cpc_minor},
        brand_engagement_rates={
            network: float(settings.brand_engagement_rates[network])
            for network in Network
            if network in settings.brand_engagement_rates
        },
        manager_metrics_scope=settings.manager_metrics_scope,
        required_training_modules=list(settings.required_training_modules),
        recall_notice_url=settings.recall_notice_url,
        version=settings.version,
        updated_at=settings.updated_at,
    )


def charter_version_out(version: CharterVersion) -> CharterVersionOut:
    return CharterVersionOut(
        id=version.id,
        number=version.number,
        title=version.title,
        body=version.body,
        summary=version.summary,
        published_at=version.published_at,
    )


def compliance_out(report: ComplianceReport) -> ComplianceOut:
    return ComplianceOut(
        ok=report.ok,
        violations=[
            ViolationOut(code=v.code, detail=v.detail, start=v.start, end=v.end, blocking=v.blocking)
            for v in report.violations
        ],
        total_violations=report.total,
    )
