"""Incidents through their use cases on the in-memory fakes: who may report and act, a share flagged
with its reach, the membership paused through its own rule, the reminder delivered to the inbox with
the message alone, and refusals that write nothing."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import pytest

from app.domain.community.incident_refusals import IncidentResolved, IncidentSubjectMissing
from app.domain.community.incident_values import ActionKind, Assignee, AssigneeRole, IncidentStatus, Nature, Severity
from app.domain.community.incidents import Incident
from app.domain.errors import Forbidden, InvalidTransition, NotFound, ValidationFailed
from app.domain.events import EventType, RecordedEvent
from app.domain.networks import Network
from app.domain.notifications.notices import NotificationKind
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.identity import Principal, Role
from app.ports.community_incidents import IncidentFilter
from app.ports.pagination import PageRequest
from app.services.community.incidents.act_on_incident import IncidentActionCommand
from app.services.community.incidents.handlers import DeliverIncidentReminder
from app.services.community.incidents.report_incident import ReportIncidentCommand
from app.services.community.recall.recall_content import RecallContentCommand
from app.services.roster.manage_social_accounts import ConnectSocialAccountCommand
from app.services.sharing.share_transitions import ConfirmShareCommand
from tests.fake_notifications import FakeNotificationStore
from tests.unit.share_world import ShareWorld, share_world
from tests.unit.world import World

AUDIENCE = 480


@dataclass
class Scene:
    sharing: ShareWorld
    share_id: UUID

    @property
    def world(self) -> World:
        return self.sharing.world

    @property
    def moderator(self) -> Principal:
        return self.world.staff(Role.MODERATOR)


@pytest.fixture
async def scene() -> Scene:
    sharing = await share_world()
    command = ConnectSocialAccountCommand(network=Network.X, handle="@ada", audience_size=AUDIENCE)
    await sharing.world.roster.connect_social_account(sharing.member, command)
    created = await sharing.share(await sharing.content(), Network.X)
    share_id = created.view.share.id
    await sharing.shares.confirm_share(sharing.member, ConfirmShareCommand(share_id=share_id))
    return Scene(sharing, share_id)


async def flag(scene: Scene, principal: Principal | None = None, **changes: object) -> Incident:
    values: dict[str, object] = {"summary": "Speaks for the company.", "severity": Severity.MINOR} | changes
    values.setdefault("share_id", scene.share_id)
    command = ReportIncidentCommand(**values)  # type: ignore[arg-type]
    return await scene.world.incidents.report_incident(principal or scene.moderator, command)


async def act(scene: Scene, incident: Incident, kind: ActionKind, **fields: object) -> Incident:
    command = IncidentActionCommand(incident_id=incident.id, kind=kind, **fields)  # type: ignore[arg-type]
    return await scene.world.incidents.act_on_incident(scene.moderator, command)


async def test_a_flagged_share_brings_its_ambassador_content_and_reach(scene: Scene) -> None:
    incident = await flag(scene)
    assert incident.ambassador_id == scene.sharing.ambassador.id
    assert incident.content_id is not None
    assert incident.exposure is not None
    assert (incident.exposure.potential_reach, incident.exposure.estimated_reach) == (AUDIENCE, AUDIENCE)
    assert scene.world.events()[-1] == EventType.INCIDENT_REPORTED


@pytest.mark.parametrize("role", [Role.AMBASSADOR, Role.MANAGER, Role.ANALYST, Role.INTEGRATOR])
async def test_only_moderators_and_admins_report_read_and_act(scene: Scene, role: Role) -> None:
    incident = await flag(scene, scene.world.admin)
    outsider = scene.world.staff(role)
    with pytest.raises(Forbidden):
        await flag(scene, outsider)
    with pytest.raises(Forbidden):
        await scene.world.incidents.get_incident(outsider, incident.id)
    with pytest.raises(Forbidden):
        await scene.world.incidents.list_incidents(outsider, IncidentFilter(), PageRequest())
    with pytest.raises(Forbidden):
        await scene.world.incidents.act_on_incident(
            outsider, IncidentActionCommand(incident_id=incident.id, kind=ActionKind.NOTE, note="Mine.")
        )
    assert (await scene.world.incidents.get_incident(scene.moderator, incident.id)).timeline == []


async def test_another_organisation_s_share_is_unknown_and_nothing_is_written(scene: Scene) -> None:
    before = scene.world.events()
    globex_moderator = scene.world.staff(Role.MODERATOR, tenant=scene.world.globex)
    with pytest.raises(NotFound):
        await flag(scene, globex_moderator)
    assert scene.world.events() == before
    assert scene.world.uow.database.incidents == {}


async def test_an_assignee_of_no_employee_here_is_refused(scene: Scene) -> None:
    stranger = await scene.world.hire("Grace", tenant=scene.world.globex)
    with pytest.raises(NotFound):
        await flag(scene, assignees=[Assignee(employee_id=stranger.id, role=AssigneeRole.MODERATION)])
    assert scene.world.uow.database.incidents == {}


async def test_a_pause_pauses_the_membership_through_its_own_rule(scene: Scene) -> None:
    incident = await flag(scene)
    paused = await act(scene, incident, ActionKind.MEMBERSHIP_PAUSED, note="While HR looks into it.")
    membership = await scene.world.membership_of(scene.sharing.ambassador.employee_id)
    assert membership is not None
    assert membership.status is MembershipStatus.PAUSED
    assert paused.timeline[-1].kind is ActionKind.MEMBERSHIP_PAUSED
    assert EventType.AMBASSADOR_PAUSED in scene.world.events()


async def test_a_pause_of_a_membership_that_ended_is_refused_and_nothing_is_written(scene: Scene) -> None:
    incident = await flag(scene)
    await scene.world.roster.opt_out(scene.sharing.member)
    with pytest.raises(InvalidTransition):
        await act(scene, incident, ActionKind.MEMBERSHIP_PAUSED)
    assert (await scene.world.incidents.get_incident(scene.moderator, incident.id)).timeline == []


async def test_a_recall_from_the_incident_recalls_the_flagged_share_s_content_with_the_note_as_reason(
    scene: Scene,
) -> None:
    incident = await flag(scene)
    acted = await act(scene, incident, ActionKind.CONTENT_RECALLED, note="Off-brand claim about prices.")
    assert incident.content_id is not None
    content = await scene.world.content.get_content(scene.world.admin, incident.content_id)
    assert content.recalled is not None
    assert (content.recalled.reason, content.recalled.recalled_by) == (
        "Off-brand claim about prices.",
        scene.moderator.subject,
    )
    assert acted.timeline[-1].kind is ActionKind.CONTENT_RECALLED
    assert {EventType.CONTENT_RECALLED, EventType.INCIDENT_CONTENT_RECALLED} <= set(scene.world.events())


async def test_a_recall_without_a_note_is_refused_and_leaves_the_content_and_the_file_as_they_were(
    scene: Scene,
) -> None:
    incident = await flag(scene)
    with pytest.raises(ValidationFailed) as refused:
        await act(scene, incident, ActionKind.CONTENT_RECALLED)
    assert [error.loc for error in refused.value.errors] == [("note",)]
    assert incident.content_id is not None
    assert (await scene.world.content.get_content(scene.world.admin, incident.content_id)).recalled is None
    assert (await scene.world.incidents.get_incident(scene.moderator, incident.id)).timeline == []


async def test_a_content_recalled_already_is_only_recorded_on_the_timeline(scene: Scene) -> None:
    incident = await flag(scene)
    assert incident.content_id is not None
    content = await scene.world.content.get_content(scene.world.admin, incident.content_id)
    await scene.world.recall.recall_content(
        scene.world.admin, RecallContentCommand(content_id=content.id, reason="Withdrawn by the brand team.")
    )
    acted = await act(scene, incident, ActionKind.CONTENT_RECALLED)
    again = await scene.world.content.get_content(scene.world.admin, content.id)
    assert again.recalled is not None
    assert again.recalled.reason == "Withdrawn by the brand team."
    assert acted.timeline[-1].kind is ActionKind.CONTENT_RECALLED


async def test_the_reminder_reaches_the_ambassador_s_inbox_with_the_message_alone(scene: Scene) -> None:
    incident = await flag(scene)
    await act(scene, incident, ActionKind.REMINDER, message="Say it is your own view.", note="First slip.")
    [sent] = [record for record in scene.world.uow.outbox if record.type is EventType.INCIDENT_REMINDER_SENT]
    event = RecordedEvent(
        id=sent.id, type=sent.type.value, tenant_id=sent.tenant_id, occurred_at=sent.occurred_at, data=sent.data
    )
    store = FakeNotificationStore(scene.world.uow.database, scene.world.ids, scene.world.notices)
    handler = DeliverIncidentReminder(store, scene.world.clock)
    await handler(event)
    await handler(event)
    [notification] = scene.world.notices.notifications.values()
    assert notification.ambassador_id == scene.sharing.ambassador.id
    assert notification.kind is NotificationKind.INCIDENT_REMINDER
    assert dict(notification.data) == {"message": "Say it is your own view."}


async def test_a_resolved_incident_refuses_actions_and_a_second_resolution(scene: Scene) -> None:
    incident = await flag(scene)
    resolved = await act(scene, incident, ActionKind.RESOLUTION, outcome="Edited by the ambassador.")
    assert resolved.status is IncidentStatus.RESOLVED
    for kind, fields in ((ActionKind.RESOLUTION, {"outcome": "Again."}), (ActionKind.NOTE, {"note": "Late."})):
        with pytest.raises(IncidentResolved):
            await act(scene, incident, kind, **fields)
    with pytest.raises(IncidentResolved):
        await scene.world.incidents.refresh_incident_exposure(scene.moderator, incident.id, None)
    assert (await scene.world.incidents.get_incident(scene.moderator, incident.id)).version == resolved.version


async def test_fields_of_another_kind_of_action_are_refused(scene: Scene) -> None:
    incident = await flag(scene)
    with pytest.raises(ValidationFailed) as refused:
        await act(scene, incident, ActionKind.NOTE, note="Seen.", outcome="Closed.")
    assert [error.loc for error in refused.value.errors] == [("outcome",)]


async def test_a_reminder_on_an_incident_about_nobody_is_refused(scene: Scene) -> None:
    incident = await flag(scene, share_id=None)
    with pytest.raises(IncidentSubjectMissing):
        await act(scene, incident, ActionKind.REMINDER, message="Hello.")


async def test_the_list_filters_by_status_and_severity(scene: Scene) -> None:
    minor = await flag(scene)
    serious = await flag(scene, severity=Severity.SERIOUS, nature=Nature.COMPANY_MATTER)
    await act(scene, serious, ActionKind.NOTE, note="Calling HR.")
    listed = scene.world.incidents.list_incidents
    by_severity = await listed(scene.moderator, IncidentFilter(severity=Severity.SERIOUS), PageRequest())
    by_status = await listed(scene.moderator, IncidentFilter(status=IncidentStatus.OPEN), PageRequest())
    assert [i.id for i in by_severity.items] == [serious.id]
    assert [i.id for i in by_status.items] == [minor.id]
