"""Live signals published in the unit of work's transaction: one statement, whatever their number."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from app.adapters.postgres.live_updates.channel import CHANNEL, encode
from app.ports.live_updates import LiveSignal

_NOTIFY = sa.text("SELECT pg_notify(:channel, payload) FROM unnest(CAST(:payloads AS text[])) AS payload").bindparams(
    sa.bindparam("payloads", type_=ARRAY(sa.Text))
)


class PostgresLivePublisher:
    """NOTIFY is transactional: the signals leave when the session's transaction commits, never if it
    rolls back, so a subscriber never reads state older than its signal."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def publish(self, signals: Sequence[LiveSignal]) -> None:
        if not signals:
            return
        payloads = list(dict.fromkeys(encode(signal) for signal in signals))  # in order, each once
        await self._session.execute(_NOTIFY, {"channel": CHANNEL, "payloads": payloads})
