"""The board's filter, worked out once per filter (matcher, search_texts), says what the rule
for one card (matches, search_text) says, for any card and filter."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from mopsboard.domain.filtering import (
    ANY,
    DueFilter,
    TaskFilter,
    matcher,
    matches,
    search_text,
    search_texts,
)
from mopsboard.domain.models import Task

TODAY = date(2026, 3, 4)
WORDS = ["Launch", "ÉMAIL", "straße", "Webinar", "ﬁnal", "landing page", "İstanbul", "ǅ", "x"]


def random_task(rng: random.Random, n: int) -> Task:
    def text(count: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(count))

    due = rng.choice([None, TODAY + timedelta(days=rng.randint(-20, 20))])
    return Task.model_construct(
        id=n,
        board_id=1,
        stage_id=rng.randint(1, 3),
        title=text(rng.randint(1, 4)) or "t",
        description=text(rng.randint(0, 30)),
        labels=tuple(rng.sample(WORDS, rng.randint(0, 3))),
        campaign_id=rng.choice([None, 1, 2]),
        persona_id=rng.choice([None, 1]),
        assignee_id=rng.choice([None, 1, 2, 3]),
        team_id=rng.choice([None, 1]),
        due_date=due,
        completed_at=None,
    )


def random_filter(rng: random.Random) -> TaskFilter:
    return TaskFilter(
        text=rng.choice(["", "launch", "email  webinar", "STRASSE", "fin", "istanbul", "ǆ"]),
        campaign_id=rng.choice([ANY, None, 1]),
        persona_id=rng.choice([ANY, ANY, 1]),
        assignee_id=rng.choice([ANY, None, 2]),
        team_id=rng.choice([ANY, ANY, None]),
        due=rng.choice(list(DueFilter)),
    )


def test_texts_folded_together_are_those_folded_one_by_one() -> None:
    rng = random.Random(1)
    tasks = [random_task(rng, n) for n in range(400)]
    assert search_texts(tasks) == [search_text(t) for t in tasks]
    assert search_texts([]) == []


@pytest.mark.parametrize("seed", range(3))
def test_the_matcher_says_what_matches_says(seed: int) -> None:
    rng = random.Random(seed)
    tasks = [random_task(rng, n) for n in range(300)]
    texts = search_texts(tasks)
    for _ in range(60):
        wanted = random_filter(rng)
        passes = matcher(wanted, TODAY)
        for task, text in zip(tasks, texts, strict=True):
            done = task.stage_id == 3
            assert passes(task, text, done) == matches(task, text, wanted, TODAY, done=done)
