"""``relais events``: what operators do with the events the worker parked."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import click
from sqlalchemy.ext.asyncio import AsyncEngine

from app.bootstrap import (
    operator_events,
)
from app.cli.base import CLI_OPERATOR, main, program, with_engine
from app.ports.events import ParkedFilter
from app.ports.pagination import MAX_LIMIT, PageRequest
from app.settings import Settings


@main.group()
def events() -> None:
    """Events the worker parked after their handler failed every try."""


@events.command("parked")
@click.option("--tenant", "tenant_id", type=click.UUID, help="Only this organisation's.")
@click.option("--handler", help="Only this handler's.")
@click.option("--type", "event_type", help="Only events of this type (e.g. share.posted).")
@click.option("--after", type=click.UUID, help="Start after this parked event (the last id of a previous page).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, MAX_LIMIT))
def parked(tenant_id: UUID | None, handler: str | None, event_type: str | None, after: UUID | None, limit: int) -> None:
    """List parked events, oldest first, with their last error."""
    criteria = ParkedFilter(tenant_id=tenant_id, handler=handler, event_type=event_type)

    async def work(engine: AsyncEngine) -> Any:
        async with operator_events(engine) as use_cases:
            return await use_cases.list_parked_events(CLI_OPERATOR, criteria, PageRequest(after=after, limit=limit))

    page = with_engine(Settings(), work)
    if not page.items:
        click.echo("No parked events.")
        return
    for event in page.items:
        click.echo(
            f"{event.id}  parked {event.parked_at:%Y-%m-%d %H:%M:%S}Z  {event.event_type}  event {event.event_id}\n"
            f"    tenant {event.tenant_id}  handler {event.handler}  {event.attempts} tries\n"
            f"    {event.error}"
        )
    if page.next_after is not None:
        click.echo(f"More: {program()} events parked --after {page.next_after}")


@events.command("replay")
@click.argument("parked_ids", nargs=-1, type=click.UUID)
@click.option("--all", "replay_all", is_flag=True, help="Every parked event (narrowed by the options below).")
@click.option("--tenant", "tenant_id", type=click.UUID, help="With --all: only this organisation's.")
@click.option("--handler", help="With --all: only this handler's.")
@click.option("--type", "event_type", help="With --all: only events of this type.")
def replay(
    parked_ids: tuple[UUID, ...], replay_all: bool, tenant_id: UUID | None, handler: str | None, event_type: str | None
) -> None:
    """Give parked events (by the ids `events parked` lists) back to their handler, once the cause is
    fixed: each is due at once, with every try ahead of it."""
    if bool(parked_ids) == replay_all:
        raise click.UsageError("Name parked events by id, or pass --all (not both).")
    if not replay_all and (tenant_id or handler or event_type):
        raise click.UsageError("--tenant, --handler and --type narrow --all.")

    async def work(engine: AsyncEngine) -> int:
        async with operator_events(engine) as use_cases:
            if replay_all:
                criteria = ParkedFilter(tenant_id=tenant_id, handler=handler, event_type=event_type)
                return await use_cases.replay_parked_events(CLI_OPERATOR, criteria)
            for parked_id in parked_ids:
                replayed = await use_cases.replay_parked_event(CLI_OPERATOR, parked_id)
                click.echo(f"Replaying {replayed.event_type} {replayed.event_id} for {replayed.handler}.")
            return len(parked_ids)

    count = with_engine(Settings(), work)
    if replay_all:
        click.echo(f"Replaying {count} parked event{'' if count == 1 else 's'}.")
