"""The ``demo`` organisation's identity provider: an Entra ID integration that provisions two designers
over SCIM and gathers them in a Design group (the group is their department), as Entra's first sync does."""

from __future__ import annotations

from uuid import UUID

from app.demo.story_clock import StoryClock
from app.domain.integrations.integrations import IntegrationKind
from app.domain.integrations.scim_groups import read_group
from app.domain.integrations.scim_users import read_state
from app.domain.roster.identity import Principal
from app.services.integrations import IntegrationsUseCases
from app.services.integrations.register_integration import RegisterIntegrationCommand
from app.services.integrations.scim import ScimUseCases

INTEGRATION_NAME = "Entra ID"
REGISTERED, SYNCED = -2.5, -2.4  # days before the seeding
GROUP = ("Design", "entra-group-design")
# userName, Entra's object id, employee number, given name, family name, location
DESIGNERS = (
    ("lea.moreau", "entra-7f3a", "HR-3001", "Léa", "Moreau", "Nantes"),
    ("omar.benali", "entra-91c2", "HR-3002", "Omar", "Benali", "Nantes"),
)


async def tell_scim(
    integrations: IntegrationsUseCases, scim: ScimUseCases, story: StoryClock, admin: Principal, domain: str
) -> None:
    story.go_to(REGISTERED)
    command = RegisterIntegrationCommand(kind=IntegrationKind.SCIM, name=INTEGRATION_NAME)
    issued = await integrations.register_integration(admin, command)
    caller = await scim.authenticate(str(issued.credential))
    story.go_to(SYNCED)
    members: set[UUID] = set()
    for user_name, object_id, number, given, family, location in DESIGNERS:
        fields = {"email": f"{user_name}@{domain}", "given_name": given, "family_name": family, "location": location}
        state = read_state(
            user_name=f"{user_name}@{domain}",
            external_id=object_id,
            active=True,
            fields=fields,
            employee_number=number,
            manager_id=None,
        )
        members.add((await scim.create_user(caller, state)).employee.id)
    name, external_id = GROUP
    await scim.create_group(
        caller, read_group(display_name=name, external_id=external_id, member_ids=frozenset(members))
    )
