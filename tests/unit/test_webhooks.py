"""Outgoing webhooks without a database: which URLs and event types an endpoint may have, the retry
schedule, the envelope, the use cases on in-memory stores, and the sender's check at connection."""

from __future__ import annotations

import ipaddress
import random
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest
from standardwebhooks.webhooks import Webhook

from app.adapters.webhooks.outgoing import HttpxWebhookSender, StandardWebhookSigner
from app.domain.errors import Forbidden, NotFound, PreconditionFailed, ValidationFailed
from app.domain.events import EventType
from app.domain.roster.identity import Role
from app.domain.webhooks.addresses import UnsafeWebhookUrl, forbidden_address, parse_target
from app.domain.webhooks.deliveries import STANDARD_DELAYS, RetrySchedule, envelope
from app.domain.webhooks.event_patterns import check_patterns, deliverable_types, matches
from app.ports.pagination import PageRequest
from app.services.webhooks.endpoint_use_cases import RegisterEndpointCommand, UpdateEndpointCommand
from tests.fake_webhooks import FakeResolver
from tests.unit.world import World

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",  # noqa: S104
     "::1", "fe80::1", "fd00:ec2::254", "::ffff:10.0.0.1", "192.0.2.1", "255.255.255.255"],
)  # fmt: skip
def test_internal_addresses_are_forbidden(address: str) -> None:
    assert forbidden_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:1.1.1.1"])
def test_public_addresses_are_not(address: str) -> None:
    assert not forbidden_address(ipaddress.ip_address(address))


def test_only_allow_listed_hosts_may_use_http_or_internal_addresses() -> None:
    with pytest.raises(UnsafeWebhookUrl):
        parse_target("http://localhost:8080/hooks", ())
    target = parse_target("http://localhost:8080/hooks", ("localhost",))
    assert (target.host, target.port, target.allow_listed) == ("localhost", 8080, True)
    assert parse_target("https://Hooks.Example.com/x", ()).port == 443
    with pytest.raises(UnsafeWebhookUrl):
        parse_target("https://127.0.0.1/hooks", ("localhost",))
    with pytest.raises(UnsafeWebhookUrl):
        parse_target("https://hooks.example.com:99999/x", ())


def test_patterns_name_types_resources_or_everything() -> None:
    assert check_patterns(["share.*", "share.posted", "share.*", "*"]) == ("share.*", "share.posted", "*")
    assert matches(["share.*"], "share.posted")
    assert not matches(["share.*"], "shares.posted")
    assert not matches(["share.posted"], "share.created")
    assert matches(["*"], "points.awarded")
    with pytest.raises(ValidationFailed) as refused:
        check_patterns(["share.exploded", "*.posted", "click.recorded", "webhook_endpoint.pinged"])
    assert [error.loc for error in refused.value.errors] == [("event_types", i) for i in range(4)]
    assert EventType.CLICK_RECORDED.value not in deliverable_types()
    assert EventType.WEBHOOK_ENDPOINT_DISABLED.value in deliverable_types()


def test_the_schedule_spans_about_three_days_with_jitter() -> None:
    schedule = RetrySchedule()
    assert schedule.max_attempts == 10
    assert timedelta(days=2.5) < sum(STANDARD_DELAYS, timedelta(0)) < timedelta(days=3.5)
    rng = random.Random(7)
    waits = [schedule.next_attempt(1, NOW, rng) - NOW for _ in range(200)]  # type: ignore[operator]
    assert all(timedelta(seconds=4) <= wait <= timedelta(seconds=6) for wait in waits)
    assert len(set(waits)) > 100
    assert schedule.next_attempt(9, NOW) is not None
    assert schedule.next_attempt(10, NOW) is None
    assert RetrySchedule(jitter=0).next_attempt(3, NOW) == NOW + timedelta(minutes=30)


def test_the_envelope_names_the_resource_and_its_version() -> None:
    event_id, tenant_id, share_id = UUID(int=1), UUID(int=2), "0193f7a2-6c1d-7e55-8a40-5d2e9c1b7b21"
    body = envelope(
        event_id=event_id,
        event_type="share.posted",
        occurred_at=NOW,
        tenant_id=tenant_id,
        data={"id": share_id, "network": "linkedin"},
        resource_version=3,
    )
    assert body == {
        "envelope_version": 1,
        "type": "share.posted",
        "id": str(event_id),
        "occurred_at": "2026-03-02T09:00:00Z",
        "tenant": str(tenant_id),
        "resource": {"type": "share", "id": share_id, "version": 3},
        "data": {"id": share_id, "network": "linkedin"},
    }


def test_a_signature_per_valid_secret_each_verifies() -> None:
    signer = StandardWebhookSigner()
    old, new = signer.new_secret(), signer.new_secret()
    headers = signer.headers("evt-1", datetime.now(UTC), '{"a":1}', [new, old])
    assert headers["webhook-signature"].count("v1,") == 2
    for secret in (old, new):
        assert Webhook(secret).verify('{"a":1}', dict(headers)) == {"a": 1}


def register(url: str, *types: str) -> RegisterEndpointCommand:
    return RegisterEndpointCommand(url=url, event_types=types or ("*",))


async def test_a_name_resolving_to_an_internal_address_is_refused_at_registration(world: World) -> None:
    webhooks = world.services.webhooks
    with pytest.raises(UnsafeWebhookUrl) as refused:
        await webhooks.register_endpoint(world.admin, register("https://rebound.example.com/hooks"))
    assert "10.0.0.7" in str(refused.value.errors[0].message)
    with pytest.raises(UnsafeWebhookUrl):
        await webhooks.register_endpoint(world.admin, register("https://unknown.example.com/hooks"))
    issued = await webhooks.register_endpoint(world.admin, register("https://hooks.example.com/hooks"))
    allowed = await webhooks.register_endpoint(world.admin, register("http://receiver.test:8080/hooks"))
    assert issued.secret.startswith("whsec_")
    assert allowed.endpoint.url == "http://receiver.test:8080/hooks"
    with pytest.raises(UnsafeWebhookUrl):
        await webhooks.update_endpoint(
            world.admin, UpdateEndpointCommand(endpoint_id=issued.endpoint.id, url="https://rebound.example.com/x")
        )


async def test_only_admins_of_the_organisation_reach_an_endpoint(world: World) -> None:
    webhooks = world.services.webhooks
    issued = await webhooks.register_endpoint(world.admin, register("https://hooks.example.com/hooks"))
    with pytest.raises(Forbidden):
        await webhooks.list_endpoints(world.staff(Role.MANAGER), PageRequest())
    with pytest.raises(NotFound):
        await webhooks.get_endpoint(world.staff(Role.ADMIN, tenant=world.globex), issued.endpoint.id)
    with pytest.raises(NotFound):
        await webhooks.ping_endpoint(world.staff(Role.ADMIN, tenant=world.globex), issued.endpoint.id)


async def test_a_change_on_a_stale_version_is_refused(world: World) -> None:
    webhooks = world.services.webhooks
    issued = await webhooks.register_endpoint(world.admin, register("https://hooks.example.com/hooks", "share.*"))
    changed = await webhooks.update_endpoint(
        world.admin, UpdateEndpointCommand(endpoint_id=issued.endpoint.id, enabled=False, expected_version=1)
    )
    assert (changed.enabled, changed.version) == (False, 2)
    with pytest.raises(PreconditionFailed):
        await webhooks.update_endpoint(
            world.admin, UpdateEndpointCommand(endpoint_id=issued.endpoint.id, enabled=True, expected_version=1)
        )


async def test_the_ping_goes_to_this_endpoint_whatever_it_wants(world: World) -> None:
    webhooks = world.services.webhooks
    issued = await webhooks.register_endpoint(world.admin, register("https://hooks.example.com/hooks", "share.posted"))
    ping = await webhooks.ping_endpoint(world.admin, issued.endpoint.id)
    assert (ping.event_type, ping.endpoint_id, ping.attempts) == ("webhook_endpoint.pinged", issued.endpoint.id, 0)
    log = await webhooks.list_deliveries(world.admin, issued.endpoint.id, PageRequest())
    assert [delivery.id for delivery in log.items] == [ping.id]


async def test_a_host_rebound_to_an_internal_address_is_refused_at_connection() -> None:
    # Registered while it resolved to a public address; it now resolves to the loopback.
    sender = HttpxWebhookSender(FakeResolver({"hooks.example.com": ["127.0.0.1"]}), (), timeout=2, max_connections=2)
    try:
        result = await sender.send(parse_target("https://hooks.example.com/hooks", ()), "{}", {})
    finally:
        await sender.close()
    assert result.status_code is None
    assert result.error is not None
    assert "127.0.0.1" in result.error
