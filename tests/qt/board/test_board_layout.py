"""Which cards a filter shows, as the board works it out (shown_ids), is what the rule for one
card says of each, whether the filter is words only or more."""

from __future__ import annotations

import random

import pytest

from mopsboard.domain.filtering import matches, search_text
from mopsboard.qt.board.board_layout import shown_ids
from tests.domain.test_domain_filtering import TODAY, random_filter, random_task


@pytest.mark.parametrize("seed", range(3))
def test_shown_cards_are_those_the_rule_lets_through(seed: int) -> None:
    rng = random.Random(seed)
    tasks = {n: random_task(rng, n) for n in range(1, 301)}
    search: dict[int, str] = {}
    done = {3}
    for _ in range(40):
        wanted = random_filter(rng)
        if rng.random() < 0.5:
            wanted = type(wanted)(text=wanted.text)
        expected = [
            i
            for i, task in tasks.items()
            if matches(task, search_text(task), wanted, TODAY, done=task.stage_id in done)
        ]
        assert shown_ids(tasks, tasks, search, wanted, TODAY, done) == expected
