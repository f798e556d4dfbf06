"""The demo's recruiting told through the use cases (``app/demo/recruiting_story.py``): the Product
team hired, invited in one wave, the ones who joined accepting the charter and sharing, and Chloé
inviting Louis, who joins; the worker beside ``relais dev`` credits her referral."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from app.demo.recruiting_story import (
    CHARTER_READ,
    DEPARTMENT,
    HIRED,
    LOCATION,
    NETWORK,
    RECRUITS,
    REFERRAL_JOINED,
    REFERRED,
    REFERRED_RECRUIT,
    REFERRER,
    SHARED_CONTENT_LINK,
    WAVE_NAME,
    WAVE_NOTE,
    WAVE_SENT,
    Recruit,
)
from app.demo.story_clock import StoryClock
from app.demo.use_cases import DemoUseCases
from app.domain.roster.employees import EmployeeProfile
from app.domain.roster.identity import Principal, Role
from app.ports.content import ContentFilter
from app.ports.pagination import MAX_LIMIT, PageRequest
from app.services.community.recruiting.waves import LaunchWaveCommand
from app.services.roster.manage_social_accounts import ConnectSocialAccountCommand
from app.services.sharing.create_share import CreateShareCommand
from app.services.sharing.share_transitions import ConfirmShareCommand


async def tell_recruiting(use_cases: DemoUseCases, story: StoryClock, admin: Principal, domain: str) -> UUID:
    """Tell the story; answers the wave's id."""
    tenant_id = admin.require_tenant()
    story.go_to(HIRED)
    hired = {}
    for index, recruit in enumerate(RECRUITS):
        hired[recruit.slug] = (await use_cases.roster.create_employee(admin, _profile(index, recruit, domain))).id
    story.go_to(WAVE_SENT)
    command = LaunchWaveCommand(name=WAVE_NAME, note=WAVE_NOTE, department=DEPARTMENT, location=LOCATION)
    wave = await use_cases.recruiting.launch_wave(admin, command)
    content_id = await _shared_content(use_cases, admin)
    for recruit in RECRUITS:
        if recruit.joined is not None:
            await _join(use_cases, story, _person(recruit, tenant_id, domain), recruit, content_id)
    story.go_to(REFERRED)
    referrer = _person(REFERRER, tenant_id, domain)
    await use_cases.recruiting.refer_colleague(referrer, hired[REFERRED_RECRUIT.slug])
    story.go_to(REFERRAL_JOINED)
    await use_cases.roster.opt_in(_person(REFERRED_RECRUIT, tenant_id, domain))
    return wave.wave.id


async def _join(use_cases: DemoUseCases, story: StoryClock, me: Principal, recruit: Recruit, content_id: UUID) -> None:
    """The recruit opts in and connects LinkedIn; one who shares accepts the charter first."""
    story.go_to(recruit.joined or 0.0)
    await use_cases.roster.opt_in(me)
    handle = f"{recruit.slug}{recruit.family_name.lower()}"
    await use_cases.roster.connect_social_account(
        me, ConnectSocialAccountCommand(network=NETWORK, handle=handle, audience_size=320)
    )
    if recruit.shared is None:
        return
    story.go_to(CHARTER_READ)
    charter = await use_cases.programme.get_charter(me)
    await use_cases.programme.accept_charter(me, charter.number)
    story.go_to(recruit.shared)
    created = await use_cases.sharing.create_share(me, CreateShareCommand(content_id=content_id, network=NETWORK))
    post_url = f"https://www.linkedin.com/feed/update/urn:li:activity:{7_200_000_000_000_000_000 + len(handle)}/"
    await use_cases.sharing.confirm_share(me, ConfirmShareCommand(share_id=created.view.share.id, post_url=post_url))


async def _shared_content(use_cases: DemoUseCases, admin: Principal) -> UUID:
    page = await use_cases.content.list_contents(admin, ContentFilter(), PageRequest(limit=MAX_LIMIT))
    return next(c.id for c in page.items if c.fields.link_url == SHARED_CONTENT_LINK)


def _person(recruit: Recruit, tenant_id: UUID, domain: str) -> Principal:
    return Principal(
        tenant_id=tenant_id,
        subject=recruit.subject,
        email=recruit.email(domain),
        email_verified=True,
        roles=frozenset({Role.AMBASSADOR}),
    )


def _profile(index: int, recruit: Recruit, domain: str) -> EmployeeProfile:
    return EmployeeProfile(
        email=recruit.email(domain),
        given_name=recruit.given_name,
        family_name=recruit.family_name,
        external_id=f"HR-{2001 + index}",
        department=DEPARTMENT,
        location=LOCATION,
        language="fr",
        idp_subject=recruit.subject,
        hired_on=date(2024, 1 + index, 1),
    )
