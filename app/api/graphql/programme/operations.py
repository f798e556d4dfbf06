"""GraphQL entry points of the programme's rules: settings, charter and caption checks."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, ExpectedVersion, First
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.programme import inputs
from app.api.graphql.programme.mappers import charter_version_node, compliance_node, settings_node
from app.api.graphql.programme.results import (
    AcceptCharterResult,
    CheckCaptionResult,
    PublishCharterVersionResult,
    UpdateSettingsResult,
)
from app.api.graphql.programme.types import CharterVersion, ProgrammeSettings
from app.api.graphql.roster.mappers import ambassador_node
from app.domain.programme.charter import CharterNotPublished
from app.ports.pagination import DEFAULT_LIMIT
from app.services.programme.update_settings import UpdateSettingsCommand

Info = strawberry.Info[GraphQLContext, None]


@strawberry.type
class ProgrammeQuery:
    @described.field("The programme settings (admin, manager, moderator, analyst); the defaults until saved.")
    async def settings(self, info: Info) -> ProgrammeSettings:
        context = info.context
        return settings_node(await context.services.programme.get_settings(context.principal))

    @described.field("The charter in force, or null while none is published.")
    async def charter(self, info: Info) -> CharterVersion | None:
        context = info.context
        try:
            return charter_version_node(await context.services.programme.get_charter(context.principal))
        except CharterNotPublished:
            return None

    @described.field("Every published version of the charter, oldest first.")
    async def charter_versions(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[CharterVersion]:
        context = info.context
        request = page_request(first, after)
        page = await context.services.programme.list_charter_versions(context.principal, request)
        return connection(page, charter_version_node, request)


@strawberry.type
class ProgrammeMutation:
    @described.mutation("Change the settings sent (admin); every invalid value is listed.")
    async def update_settings(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.SettingsChangesInput, strawberry.argument(description="The settings to change.")
        ],
        expected_version: ExpectedVersion = None,
    ) -> UpdateSettingsResult:
        command = UpdateSettingsCommand(changes=inputs.settings_changes(input), expected_version=expected_version)
        context = info.context
        return settings_node(await context.services.programme.update_settings(context.principal, command))

    @described.mutation("Publish the next version of the charter (admin); members must accept it again.")
    async def publish_charter_version(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.CharterVersionInput, strawberry.argument(description="The new version.")
        ],
    ) -> PublishCharterVersionResult:
        context = info.context
        command = inputs.charter_version_command(input)
        return charter_version_node(
            await context.services.programme.publish_charter_version(context.principal, command)
        )

    @described.mutation("Accept the charter in force; any other version is refused.")
    async def accept_charter(
        self, info: Info, charter_version: Annotated[int, strawberry.argument(description="The number you read.")]
    ) -> AcceptCharterResult:
        context = info.context
        return ambassador_node(await context.services.programme.accept_charter(context.principal, charter_version))

    @described.mutation("Check a caption against the programme's rules; nothing is stored.")
    async def check_caption(
        self,
        info: Info,
        input: Annotated[  # noqa: A002 - the GraphQL convention
            inputs.CaptionCheckInput, strawberry.argument(description="The caption, and where it is for.")
        ],
    ) -> CheckCaptionResult:
        context = info.context
        command = inputs.caption_check_command(input)
        return compliance_node(await context.services.programme.check_caption(context.principal, command))
