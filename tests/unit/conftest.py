"""Unit fixtures: the use cases on the in-memory fakes, wired as the application wires them."""

from __future__ import annotations

import pytest

from tests.unit.world import World, two_tenants


@pytest.fixture
async def world() -> World:
    return await two_tenants()
