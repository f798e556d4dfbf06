"""A realistic tenant for the feed benchmark, written through the use cases as real traffic would.

300 employees (250 of them ambassadors), 200 approved contents in French and English with
captions for three networks, a few drafts, scheduled and expired ones, and 5 launched campaigns.
Approvals happen over the past months on a moving clock, within the weekly content budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from app.domain.content.campaigns import CampaignFields
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.locales import ContentLocale, Media, MediaKind
from app.domain.content.targeting import Targeting
from app.domain.networks import Network
from app.domain.roster.ambassadors import Preferences
from app.domain.roster.employees import EmployeeProfile
from app.domain.roster.identity import Principal, Role
from app.ports.content import FeedReader
from app.ports.system import IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.content import build_content
from app.services.content.approve_content import ApproveContentCommand
from app.services.content.campaign_contents import CampaignContentCommand
from app.services.content.create_content import CreateContentCommand
from app.services.content.launch_campaign import CampaignTransitionCommand
from app.services.content.submit_content import ContentTransitionCommand
from app.services.programme import build_programme
from app.services.programme.update_settings import UpdateSettingsCommand
from app.services.roster import build_roster
from app.services.roster.create_tenant import CreateTenantCommand
from app.services.roster.manage_social_accounts import ConnectSocialAccountCommand

DEPARTMENTS = ("Sales", "Marketing", "Engineering", "People", "Finance", "Customer Success")
LOCATIONS = ("Lyon", "Paris", "London", "Berlin", "Montréal")
LANGUAGES = ("fr", "fr", "en-GB", "de", "fr-CA")
CAPTIONED = (Network.LINKEDIN, Network.X, Network.FACEBOOK)
EMPLOYEES, AMBASSADORS, CONTENTS, CAMPAIGNS = 300, 250, 200, 5


class SeedClock:
    """The instant the use cases see; the seed moves it forward as months go by."""

    def __init__(self, start: datetime) -> None:
        self.instant = start

    def now(self) -> datetime:
        return self.instant


@dataclass(frozen=True, slots=True)
class BenchTenant:
    tenant_id: UUID
    reader_subject: str
    reader_email: str


def person(number: int) -> EmployeeProfile:
    return EmployeeProfile(
        email=f"employee{number}@acme.example",
        given_name=f"Given{number}",
        family_name=f"Family{number}",
        external_id=f"HR-{number}",
        department=DEPARTMENTS[number % len(DEPARTMENTS)],
        location=LOCATIONS[number % len(LOCATIONS)],
        language=LANGUAGES[number % len(LANGUAGES)],
        idp_subject=f"bench|{number}",
    )


def member(tenant_id: UUID, profile: EmployeeProfile) -> Principal:
    return Principal(
        tenant_id=tenant_id,
        subject=str(profile.idp_subject),
        email=profile.email,
        email_verified=True,
        roles=frozenset({Role.AMBASSADOR}),
    )


def targeting(number: int) -> Targeting:
    """Half for everyone, the rest for a department, a location or a language."""
    match number % 8:
        case 1:
            return Targeting(departments=(DEPARTMENTS[number % 6], DEPARTMENTS[(number + 1) % 6]))
        case 3:
            return Targeting(locations=(LOCATIONS[number % 5],))
        case 5:
            return Targeting(languages=("fr",) if number % 3 else ("en",))
        case 7:
            return Targeting(departments=("Sales",), languages=("fr",))
    return Targeting()


def locale(language: str, number: int) -> ContentLocale:
    french = language == "fr"
    link = f"https://acme.example/n/{number}"
    return ContentLocale(
        language=language,
        title=f"{'Nouvelle' if french else 'News'} {number}: {'nous recrutons' if french else 'we are hiring'}",
        body=("Un texte en **Markdown** qui décrit la nouvelle. " if french else "A **Markdown** story. ") * 6,
        captions=dict.fromkeys(CAPTIONED, f"{'Partagez' if french else 'Share'} {link} #employee"),
    )


def content_values(number: int, now: datetime) -> dict[str, Any]:
    locales = (locale("fr", number), locale("en", number))
    return {
        "locales": locales,
        "format": ContentFormat(("article", "video", "job_offer", "event", "company_life")[number % 5]),
        "objective": Objective(("awareness", "recruiting", "leads", "engagement")[number % 4]),
        "topics": ("hiring", "product") if number % 2 else ("culture",),
        "link_url": f"https://acme.example/news/{number}",
        "media": (Media(url=f"https://cdn.acme.example/{number}.png", kind=MediaKind.IMAGE, alt_text="Photo"),),
        "pinned": number in (190, 195),
        "important": number % 10 == 0,
        "expires_at": now + timedelta(days=400) if number % 4 == 0 else None,
        "targeting": targeting(number),
    }


class FeedSeed:
    def __init__(self, uow: UnitOfWorkFactory, ids: IdGenerator, feed: FeedReader) -> None:
        self._clock = SeedClock(datetime.now(UTC) - timedelta(days=90))
        self._roster = build_roster(uow, self._clock, ids)
        self._programme = build_programme(uow, self._clock, ids)
        self._contents = build_content(uow, self._clock, ids, feed)

    async def __call__(self) -> BenchTenant:
        operator = Principal(tenant_id=None, subject="bench", roles=frozenset({Role.OPERATOR}))
        tenant = await self._roster.create_tenant(operator, CreateTenantCommand(slug="bench", name="Acme"))
        admin = Principal(tenant_id=tenant.id, subject="bench|admin", roles=frozenset({Role.ADMIN}))
        moderator = Principal(tenant_id=tenant.id, subject="bench|moderator", roles=frozenset({Role.MODERATOR}))
        changes = {
            "link_domains": [{"domain": "acme.example", "include_subdomains": True}],
            "weekly_content_budget": 20,
            "default_language": "fr",
        }
        await self._programme.update_settings(admin, UpdateSettingsCommand(changes=changes))
        for number in range(EMPLOYEES):
            await self._employee(admin, number)
        campaigns = [await self._campaign(admin, number) for number in range(CAMPAIGNS)]
        for number in range(CONTENTS + 12):
            await self._content(admin, moderator, number, campaigns)
        reader = person(0)  # Sales, Lyon, fr: reached by most targeted contents
        return BenchTenant(tenant.id, str(reader.idp_subject), reader.email)

    async def _employee(self, admin: Principal, number: int) -> None:
        profile = person(number)
        await self._roster.create_employee(admin, profile)
        if number >= AMBASSADORS:
            return
        me = member(admin.require_tenant(), profile)
        await self._roster.opt_in(me)
        languages = ["en"] if number % 3 == 0 else []
        preferences = Preferences.parse(
            languages=languages, topics=[], max_shares_per_week=None, leaderboard_visible=False
        )
        await self._roster.set_preferences(me, preferences)
        for network in CAPTIONED[: 1 + number % 3]:
            command = ConnectSocialAccountCommand(network=network, handle=f"{profile.idp_subject}-{network}")
            await self._roster.connect_social_account(me, command)

    async def _campaign(self, admin: Principal, number: int) -> UUID:
        fields = CampaignFields(
            name=f"Campaign {number}",
            slug=f"campaign-{number}",
            starts_at=self._clock.now(),
            is_challenge=number == 0,
        )
        campaign = await self._contents.create_campaign(admin, fields)
        if number < 4:  # the fifth stays a draft, so it is never listed
            await self._contents.launch_campaign(admin, CampaignTransitionCommand(campaign_id=campaign.id))
        return campaign.id

    async def _content(self, admin: Principal, moderator: Principal, number: int, campaigns: list[UUID]) -> None:
        """Contents 0-199 are approved 10 hours apart; the last ones stay drafts, scheduled or expired."""
        self._clock.instant += timedelta(hours=10)
        now = self._clock.now()
        values = content_values(number, now)
        if number >= CONTENTS + 8:
            values["publish_at"] = datetime.now(UTC) + timedelta(days=30)  # scheduled
        elif number >= CONTENTS + 4:
            values["expires_at"] = now + timedelta(days=1)  # expired long before the benchmark
        content = await self._contents.create_content(admin, CreateContentCommand(values=values, language="fr"))
        if CONTENTS <= number < CONTENTS + 4:
            return  # drafts
        await self._contents.submit_content(admin, ContentTransitionCommand(content_id=content.id))
        await self._contents.approve_content(moderator, ApproveContentCommand(content_id=content.id))
        for index, campaign_id in enumerate(campaigns):
            if (number + index) % 5 < 2:
                command = CampaignContentCommand(campaign_id=campaign_id, content_id=content.id)
                await self._contents.add_content_to_campaign(admin, command)
