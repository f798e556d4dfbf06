"""What the demo is told through: the adapters the composition root lends it (``DemoPorts``) and the
use cases each capability's builder makes of them on the story's clock (``DemoUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from app.bootstrap import HotPathPorts
from app.demo.silent_listener import SILENT
from app.demo.story_clock import StoryClock
from app.demo.webhook_story import DEMO_WEBHOOK_HOSTS
from app.ports.integrations import Credentials, SecretBox
from app.ports.system import IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.attribution import AttributionUseCases, build_attribution
from app.services.community.incidents import IncidentsUseCases, build_incidents
from app.services.community.recall import RecallUseCases, build_recall
from app.services.community.recruiting import RecruitingUseCases, build_recruiting
from app.services.community.space import SpaceUseCases, build_space
from app.services.community.surveys import SurveysUseCases, build_surveys
from app.services.community.training import TrainingUseCases, build_training
from app.services.content import ContentUseCases, build_content
from app.services.integrations import IntegrationsUseCases, build_integrations
from app.services.integrations.import_use_cases import RosterImportUseCases, build_roster_imports
from app.services.integrations.scim import ScimUseCases, build_scim
from app.services.metrics import MetricsUseCases, build_metrics
from app.services.notifications import NotificationsUseCases, build_notifications
from app.services.programme import ProgrammeUseCases, build_programme
from app.services.rewards.catalogue_use_cases import CatalogueUseCases, build_catalogue
from app.services.roster import RosterUseCases, build_roster
from app.services.sharing import SharingUseCases, build_sharing
from app.services.webhooks import WebhooksUseCases, build_webhooks
from app.services.webhooks.ports import WebhookPorts


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoPorts:
    """What the use cases need beyond the unit of work, a clock and ids: the hot paths' adapters, the
    integrations' sealing, and the address tracked links start with."""

    public_base_url: str
    hot: HotPathPorts
    credentials: Credentials
    box: SecretBox


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoUseCases:
    """The use cases the story is told through, built by each capability's builder on its clock."""

    roster: RosterUseCases
    programme: ProgrammeUseCases
    content: ContentUseCases
    sharing: SharingUseCases
    attribution: AttributionUseCases
    catalogue: CatalogueUseCases
    metrics: MetricsUseCases
    integrations: IntegrationsUseCases
    roster_imports: RosterImportUseCases
    scim: ScimUseCases
    notifications: NotificationsUseCases
    webhooks: WebhooksUseCases
    recruiting: RecruitingUseCases
    training: TrainingUseCases
    incidents: IncidentsUseCases
    surveys: SurveysUseCases
    recall: RecallUseCases
    space: SpaceUseCases

    @classmethod
    def build(cls, uow: UnitOfWorkFactory, story: StoryClock, ids: IdGenerator, ports: DemoPorts) -> DemoUseCases:
        return cls(
            roster=build_roster(uow, story, ids),
            programme=build_programme(uow, story, ids),
            content=build_content(uow, story, ids, ports.hot.feed),
            sharing=build_sharing(
                uow,
                story,
                ids,
                salts=ports.hot.salts,
                bots=ports.hot.bots,
                clicks=ports.hot.clicks,
                figures=ports.hot.figures,
                public_base_url=ports.public_base_url,
            ),
            attribution=build_attribution(uow, story, ids),
            catalogue=build_catalogue(uow, story, ids),
            metrics=build_metrics(
                uow, story, ids, reader=ports.hot.metrics, boards=ports.hot.boards, exports=ports.hot.exports
            ),
            integrations=build_integrations(uow, story, ids, credentials=ports.credentials, box=ports.box),
            roster_imports=build_roster_imports(uow, story, ids, store=ports.hot.roster_imports),
            scim=build_scim(uow, story, ids, credentials=ports.credentials),
            notifications=build_notifications(
                uow,
                story,
                ids,
                store=ports.hot.notifications,
                devices=ports.hot.devices,
                preferences=ports.hot.notification_preferences,
            ),
            webhooks=build_webhooks(
                WebhookPorts(
                    endpoints=ports.hot.webhook_endpoints,
                    deliveries=ports.hot.webhook_deliveries,
                    resolver=ports.hot.webhook_resolver,
                    signer=ports.hot.webhook_signer,
                    box=ports.box,
                    clock=story,
                    ids=ids,
                    allowed_hosts=DEMO_WEBHOOK_HOSTS,
                )
            ),
            recruiting=build_recruiting(uow, story, ids),
            training=build_training(uow, story, ids),
            incidents=build_incidents(uow, story, ids, figures=ports.hot.figures),
            surveys=build_surveys(uow, story, ids),
            recall=build_recall(uow, story, ids),
            space=build_space(uow, story, ids, listener=SILENT),
        )
