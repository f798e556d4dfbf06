"""Notifications over GraphQL: the same inbox, devices and preferences as REST, with typed refusals."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.conftest import Mint
from tests.integration.content_helpers import approved_content, configure, staff
from tests.integration.helpers import nothing_written
from tests.integration.notification_helpers import new_member
from tests.integration.recognition_helpers import worker_rounds
from tests.integration.test_graphql import data_of, node_id

INBOX = """
query ($first: Int!, $after: String) {
  myUnreadNotificationCount
  myNotifications(first: $first, after: $after) {
    edges { cursor node { id kind state details { contentId title pinned } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
MARK = """
mutation ($id: UUID!) {
  markNotificationRead(notificationId: $id) {
    __typename
    ... on NotificationRead { notification { state readAt } }
    ... on NotFoundError { code }
  }
}
"""
DEVICE = """
mutation ($token: String!) {
  registerDevice(input: {platform: ANDROID, token: $token}) {
    __typename
    ... on DeviceRegistered { device { id platform token } }
    ... on ValidationError { code }
  }
}
"""
PREFERENCES = """
mutation ($input: NotificationPreferencesInput!) {
  setNotificationPreferences(input: $input) {
    __typename
    ... on NotificationPreferencesSet { preferences { mutedKinds quietHours { start end } version } }
    ... on ValidationError { code }
    ... on PreconditionFailedError { code }
  }
}
"""


@pytest.fixture
async def rounds(engine: AsyncEngine, database_url: str) -> Any:
    async with worker_rounds(engine, database_url) as run:
        yield run


async def test_a_member_reads_pages_and_marks_their_inbox_in_graphql(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], rounds: Any
) -> None:
    await configure(client, admin_a)
    ada = await new_member(client, mint, tenant_a, admin_a, "ada")
    bob = await new_member(client, mint, tenant_a, admin_a, "bob")
    manager, moderator = staff(mint, tenant_a, "manager"), staff(mint, tenant_a, "moderator")
    first_content = await approved_content(client, manager, moderator, title="Premier")
    await approved_content(client, manager, moderator, title="Second")
    await rounds()

    page = await data_of(client, INBOX, ada, first=1)
    assert page["myUnreadNotificationCount"] == 2
    assert [edge["node"]["details"]["title"] for edge in page["myNotifications"]["edges"]] == ["Second"]
    rest = await data_of(client, INBOX, ada, first=5, after=page["myNotifications"]["pageInfo"]["endCursor"])
    older = rest["myNotifications"]["edges"][0]["node"]
    assert older["details"]["contentId"] == node_id("Content", first_content["id"])
    assert rest["myNotifications"]["pageInfo"]["hasNextPage"] is False

    refused = await data_of(client, MARK, bob, id=older["id"])
    assert refused["markNotificationRead"] == {"__typename": "NotFoundError", "code": "not-found"}
    read = await data_of(client, MARK, ada, id=older["id"])
    assert read["markNotificationRead"]["notification"]["state"] == "READ"
    assert (await data_of(client, INBOX, ada, first=5))["myUnreadNotificationCount"] == 1


async def test_devices_and_preferences_in_graphql_refuse_bad_input_without_writing(
    client: httpx.AsyncClient, mint: Mint, tenant_a: UUID, admin_a: dict[str, str], engine: AsyncEngine
) -> None:
    ada = await new_member(client, mint, tenant_a, admin_a, "ada")
    registered = await data_of(client, DEVICE, ada, token="fcm-1")
    assert registered["registerDevice"]["device"]["platform"] == "ANDROID"
    async with nothing_written(engine):
        bad = await data_of(client, DEVICE, ada, token="two words")
        assert bad["registerDevice"]["__typename"] == "ValidationError"
        late = {"quietHours": {"start": "25:00", "end": "07:00"}}
        assert (await data_of(client, PREFERENCES, ada, input=late))["setNotificationPreferences"]["code"] == (
            "validation-failed"
        )

    wanted = {"mutedKinds": ["NEW_CONTENT"], "quietHours": {"start": "22:00", "end": "07:00"}, "expectedVersion": 0}
    saved = (await data_of(client, PREFERENCES, ada, input=wanted))["setNotificationPreferences"]
    assert saved["preferences"] == {
        "mutedKinds": ["NEW_CONTENT"],
        "quietHours": {"start": "22:00", "end": "07:00"},
        "version": 1,
    }
    stale = (await data_of(client, PREFERENCES, ada, input=wanted))["setNotificationPreferences"]
    assert stale == {"__typename": "PreconditionFailedError", "code": "precondition-failed"}
