"""The demo members' phones and notification preferences: Camille's iPhone with quiet hours at night in
Paris, Amelia's Android phone, and Léa, who only wants the important contents. The worker beside
``relais dev`` then fills their inboxes from the story's events (contents, the charter, badges,
redemptions, challenges), and each notification's ``notification.created`` carries their tokens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from uuid import UUID

from app.demo.story_clock import StoryClock
from app.domain.notifications.devices import Platform
from app.domain.notifications.notices import NotificationKind
from app.domain.notifications.preferences import NotificationPreferences
from app.domain.roster.identity import Principal, Role
from app.services.notifications import NotificationsUseCases
from app.services.notifications.devices import RegisterDeviceCommand

# The day the members set their phones up, counted from the seeding like the rest of the story.
PHONES_SET_UP = -30.0


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoPhone:
    subject: str
    email: str
    platform: Platform | None
    device: str | None  # its push token
    preferences: NotificationPreferences


def phones(domain: str) -> tuple[DemoPhone, ...]:
    return (
        DemoPhone(
            subject="demo|camille",
            email=f"camille.martin@{domain}",
            platform=Platform.IOS,
            device="demo-apns-camille-5f0c1d2e3f40",
            preferences=NotificationPreferences.parse(
                muted_kinds=[],
                quiet_start=time(22, 0),
                quiet_end=time(7, 30),
                time_zone="Europe/Paris",
                weekly_digest=True,
            ),
        ),
        DemoPhone(
            subject="demo|amelia",
            email=f"amelia.clarke@{domain}",
            platform=Platform.ANDROID,
            device="demo-fcm-amelia-9b2a5f0c1d2e",
            preferences=NotificationPreferences(),
        ),
        DemoPhone(
            subject="demo|lea",
            email=f"lea.bernard@{domain}",
            platform=None,
            device=None,
            preferences=NotificationPreferences.parse(
                muted_kinds=[NotificationKind.NEW_CONTENT],
                quiet_start=None,
                quiet_end=None,
                time_zone=None,
                weekly_digest=False,
            ),
        ),
    )


async def tell_notifications(
    notifications: NotificationsUseCases, story: StoryClock, tenant_id: UUID, domain: str
) -> None:
    story.go_to(PHONES_SET_UP)
    for phone in phones(domain):
        member = Principal(
            tenant_id=tenant_id,
            subject=phone.subject,
            email=phone.email,
            email_verified=True,
            roles=frozenset({Role.AMBASSADOR}),
        )
        if phone.platform is not None and phone.device is not None:
            command = RegisterDeviceCommand(platform=phone.platform, token=phone.device)
            await notifications.register_device(member, command)
        await notifications.set_notification_preferences(member, phone.preferences, None)
