"""Every table of every capability, registered on one metadata: what Alembic and the tests compare."""

from __future__ import annotations

from app.adapters.postgres import outbox
from app.adapters.postgres.attribution import tables as attribution_tables
from app.adapters.postgres.community.incidents import tables as incident_tables
from app.adapters.postgres.community.recall import tables as recall_tables
from app.adapters.postgres.community.recruiting import tables as recruiting_tables
from app.adapters.postgres.community.space import tables as space_tables
from app.adapters.postgres.community.surveys import tables as survey_tables
from app.adapters.postgres.community.training import tables as training_tables
from app.adapters.postgres.content import campaign_tables
from app.adapters.postgres.content import tables as content_tables
from app.adapters.postgres.events import tables as delivery_tables
from app.adapters.postgres.integrations import import_tables, scim_tables
from app.adapters.postgres.integrations import tables as integration_tables
from app.adapters.postgres.metadata import metadata
from app.adapters.postgres.metrics import tables as metrics_tables
from app.adapters.postgres.notifications import tables as notification_tables
from app.adapters.postgres.programme import tables as programme_tables
from app.adapters.postgres.rewards import catalogue_tables, recognition_tables
from app.adapters.postgres.rewards import tables as rewards_tables
from app.adapters.postgres.roster import tables as roster_tables
from app.adapters.postgres.sharing import tables as sharing_tables
from app.adapters.postgres.webhooks import tables as webhook_tables

# Importing a capability's tables registers them on the metadata; naming them keeps that visible.
REGISTERED = (
    roster_tables,
    programme_tables,
    content_tables,
    campaign_tables,
    sharing_tables,
    attribution_tables,
    outbox,
    delivery_tables,
    rewards_tables,
    catalogue_tables,
    recognition_tables,
    metrics_tables,
    integration_tables,
    # Roster imports
    import_tables,
    # SCIM provisioning
    scim_tables,
    # Notifications
    notification_tables,
    # Outgoing webhooks
    webhook_tables,
    recruiting_tables,
    # Training
    training_tables,
    # Incidents
    incident_tables,
    survey_tables,
    recall_tables,
    space_tables,
)

__all__ = ["REGISTERED", "metadata"]
