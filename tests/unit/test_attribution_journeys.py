"""Many random journeys: the attribution invariants hold for every model."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from app.domain.attribution.policy import AttributionModel
from tests.unit.attribution_world import LINEAR, SHARES, C, attribute


def random_journey(rng: random.Random) -> tuple[dict[str, C], tuple[str, ...]]:
    clicks = {
        f"r{index}": C(
            rng.choice("ABC"),
            timedelta(hours=rng.randint(-48, 40 * 24)),
            bot=rng.random() < 0.2,
            own=rng.random() < 0.1,
        )
        for index in range(rng.randint(0, 8))
    }
    refs = list(clicks) + [f"unknown{index}" for index in range(rng.randint(0, 2))]
    rng.shuffle(refs)
    return clicks, tuple(refs)


@pytest.mark.parametrize("seed", range(300))
def test_random_journeys_credit_only_genuine_clicks_in_the_window_with_weights_summing_to_one(seed: int) -> None:
    clicks, refs = random_journey(random.Random(seed))
    eligible = {
        SHARES[click.share]
        for click in clicks.values()
        if not (click.bot or click.own) and timedelta(0) <= click.before <= timedelta(days=30)
    }
    for model in AttributionModel:
        attribution = attribute(model, clicks, refs)
        credited_shares = {credit.share for credit in attribution.credits}
        assert credited_shares <= eligible
        assert attribution.attributed == bool(eligible)
        if attribution.attributed:
            assert sum(credit.weight for credit in attribution.credits) == 1
            assert len(credited_shares) == len(attribution.credits)
            assert (model is LINEAR) == (len(credited_shares) == len(eligible)) or len(eligible) == 1
        else:
            assert attribution.reason is not None
