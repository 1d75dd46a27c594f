"""Whatever valid task a user can make comes back from the file exactly; invalid ones never land."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from mopsboard.domain.models import (
    Campaign,
    ChecklistItem,
    Member,
    Priority,
    Task,
    Team,
)
from mopsboard.store.workspace import Workspace

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

USER_FIELDS = {
    "board_id",
    "stage_id",
    "title",
    "description",
    "rank",
    "campaign_id",
    "persona_id",
    "assignee_id",
    "team_id",
    "estimate_hours",
    "start_date",
    "due_date",
    "priority",
    "labels",
    "checklist",
    "archived",
    "created_at",
    "completed_at",
}


@dataclass(frozen=True)
class Catalogue:
    ws: Workspace
    path: Path
    board_id: int
    stage_ids: tuple[int, ...]
    campaign_ids: tuple[int, ...]
    persona_ids: tuple[int, ...]
    member_ids: tuple[int, ...]
    team_ids: tuple[int, ...]


def make_catalogue(path: Path) -> Catalogue:
    ws = Workspace.create(path)
    board = ws.boards()[0].key
    teams = [ws.add_team(Team(name=n)) for n in ("Content", "Ops")]
    members = [
        ws.add_member(Member(team_id=teams[0].key, name="Ana")),
        ws.add_member(Member(team_id=teams[1].key, name="Bo")),
    ]
    campaigns = [ws.add_campaign(Campaign(name=n)) for n in ("Spring", "Webinar")]
    return Catalogue(
        ws=ws,
        path=path,
        board_id=board,
        stage_ids=tuple(s.key for s in ws.stages(board)),
        campaign_ids=tuple(c.key for c in campaigns),
        persona_ids=tuple(p.key for p in ws.personas()),
        member_ids=tuple(m.key for m in members),
        team_ids=tuple(t.key for t in teams),
    )


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalogue]:
    """One workspace for all examples (hypothesis runs many examples per test)."""
    made = make_catalogue(tmp_path_factory.mktemp("roundtrip") / "w.mopsboard")
    yield made
    made.ws.close()


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Catalogue, Catalogue]]:
    """Two workspaces made the same way: one fed by add_tasks, one by bulk_add_tasks."""
    folder = tmp_path_factory.mktemp("twins")
    pair = (make_catalogue(folder / "one.mopsboard"), make_catalogue(folder / "bulk.mopsboard"))
    yield pair
    for made in pair:
        made.ws.close()


# Text people really type into a marketing board, plus anything else unicode allows.
SAMPLES = [
    "🚀 Launch day",
    "حملة الربيع للبريد الإلكتروني",
    "קמפיין אביב",
    "Ünïcödé \u2013 \u201cquotes\u201d & <b>tags</b>",
    "Robert'); DROP TABLE tasks;--",
    '=HYPERLINK("http://x")',
    "👩🏽‍💻 a/b testing",
    "日本語のタイトル",
]
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
# The models drop these control characters before checking that a name is not empty, and read
# a name of invisible format characters alone (a soft hyphen, a zero-width space) as empty.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
title_text = st.one_of(st.sampled_from(SAMPLES), any_text).filter(
    lambda s: not all(unicodedata.category(c) == "Cf" for c in CONTROL.sub("", s).strip())
)
description_text = st.one_of(
    st.just(""),
    st.lists(st.one_of(st.sampled_from(SAMPLES), any_text), max_size=6).map("\n".join),
    st.text(max_size=300),
)
label_text = st.one_of(st.sampled_from(["legal", "GDPR", "🔥", "مهم"]), st.text(max_size=20))
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31))


@st.composite
def task_values(draw: st.DrawFn, cat: Catalogue) -> dict[str, Any]:
    start, due = draw(st.one_of(st.none(), days)), draw(st.one_of(st.none(), days))
    if start and due and due < start:
        start, due = due, start
    return {
        "board_id": cat.board_id,
        "stage_id": draw(st.sampled_from(cat.stage_ids)),
        "title": draw(title_text),
        "description": draw(description_text),
        "campaign_id": draw(st.one_of(st.none(), st.sampled_from(cat.campaign_ids))),
        "persona_id": draw(st.one_of(st.none(), st.sampled_from(cat.persona_ids))),
        "assignee_id": draw(st.one_of(st.none(), st.sampled_from(cat.member_ids))),
        "estimate_hours": draw(
            st.one_of(st.none(), st.floats(min_value=0, max_value=10_000, allow_nan=False))
        ),
        "start_date": start,
        "due_date": due,
        "priority": draw(st.sampled_from(list(Priority))),
        "labels": tuple(draw(st.lists(label_text, max_size=8))),
        "checklist": tuple(
            ChecklistItem(text=text, done=done)
            for text, done in draw(st.lists(st.tuples(title_text, st.booleans()), max_size=6))
        ),
    }


@st.composite
def valid_tasks(draw: st.DrawFn, cat: Catalogue) -> Task:
    values = draw(task_values(cat))
    try:
        return Task(**values)
    except ValidationError:  # pragma: no cover - the strategies aim at valid values only
        pytest.fail(f"strategy produced an invalid task: {values!r}")


@SETTINGS
@given(data=st.data())
def test_valid_task_round_trips(catalogue: Catalogue, data: st.DataObject) -> None:
    ws = catalogue.ws
    task = data.draw(valid_tasks(catalogue))
    added = ws.add_task(task)
    stored = ws.task(added.key)
    assert stored.model_dump(include=USER_FIELDS) == added.model_dump(include=USER_FIELDS)
    # What the user typed (after the model's own clean-up) is what comes back.
    for name in ("title", "description", "labels", "checklist", "estimate_hours", "priority"):
        assert getattr(stored, name) == getattr(task, name), name
    assert (stored.start_date, stored.due_date) == (task.start_date, task.due_date)
    # The row is still a valid task, and a fresh connection reads the same.
    assert Task.model_validate(stored.model_dump()) == stored
    with Workspace.open(catalogue.path) as other:
        fresh = other.task(added.key)
    assert fresh.model_dump(include=USER_FIELDS) == stored.model_dump(include=USER_FIELDS)


INVALID: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "blank title": st.text(alphabet=" \t\n\x00\x07", max_size=10).map(lambda s: {"title": s}),
    "long title": st.integers(201, 400).map(lambda n: {"title": "x" * n}),
    "negative estimate": st.floats(max_value=-0.01, allow_nan=False, allow_infinity=False).map(
        lambda h: {"estimate_hours": h}
    ),
    "not a number": st.sampled_from([math.nan, math.inf, -math.inf]).map(
        lambda h: {"estimate_hours": h}
    ),
    "huge estimate": st.floats(min_value=10_000.01, max_value=1e12).map(
        lambda h: {"estimate_hours": h}
    ),
    "due before start": st.tuples(days, st.integers(1, 400))
    .filter(lambda d: d[0].toordinal() - d[1] >= date(1900, 1, 1).toordinal())
    .map(lambda d: {"start_date": d[0], "due_date": date.fromordinal(d[0].toordinal() - d[1])}),
    "ancient date": st.dates(max_value=date(1899, 12, 31)).map(lambda d: {"due_date": d}),
    "far future": st.dates(min_value=date(3000, 1, 1)).map(lambda d: {"start_date": d}),
    "too many labels": st.integers(51, 80).map(
        lambda n: {"labels": tuple(f"label {i}" for i in range(n))}
    ),
    "long label": st.integers(51, 80).map(lambda n: {"labels": ("y" * n,)}),
    "bad priority": st.integers(5, 100).map(lambda p: {"priority": p}),
}


# model_copy(update=...) skips validation, so pydantic warns when dumping the bad copy.
@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings:UserWarning")
@SETTINGS
@given(data=st.data(), kind=st.sampled_from(sorted(INVALID)))
def test_invalid_task_is_refused_and_nothing_is_written(
    catalogue: Catalogue, data: st.DataObject, kind: str
) -> None:
    ws = catalogue.ws
    good = data.draw(valid_tasks(catalogue))
    bad_values = data.draw(INVALID[kind])
    with pytest.raises(ValidationError):
        Task(**(good.model_dump() | bad_values))
    # A copy skips validation, as a careless caller might: the store must still refuse it.
    bad = good.model_copy(update=bad_values)
    count = len(ws.tasks(include_archived=True))
    version = ws.data_version()
    with pytest.raises(ValidationError):
        ws.add_task(bad)
    with pytest.raises(ValidationError):
        ws.add_tasks([good, bad])
    assert len(ws.tasks(include_archived=True)) == count
    # Editing a stored task into the bad state is refused too, and leaves it as it was.
    stored = ws.add_task(good)
    with pytest.raises(ValidationError):
        ws.update_task(stored.model_copy(update=bad_values))
    after = ws.task(stored.key)
    assert after.model_dump(include=USER_FIELDS) == stored.model_dump(include=USER_FIELDS)
    assert after.version == 1
    assert ws.data_version() == version


# Filled in by the store; everything else must agree between add_tasks and bulk_add_tasks.
STORE_FIELDS = {"rank", "created_at", "updated_at", "completed_at", "version"}


@SETTINGS
@given(data=st.data())
def test_bulk_add_stores_what_add_tasks_stores(
    twins: tuple[Catalogue, Catalogue], data: st.DataObject
) -> None:
    one, bulk = twins
    batch = data.draw(st.lists(valid_tasks(one), min_size=1, max_size=8))
    one_ids = one.ws.add_tasks(batch)
    bulk_ids = bulk.ws.bulk_add_tasks(batch)
    assert bulk_ids == one_ids  # both files hold the same rows so far, so the ids agree
    for expected, got in zip(
        one.ws.tasks_by_id(one_ids), bulk.ws.tasks_by_id(bulk_ids), strict=True
    ):
        assert got.model_dump(exclude=STORE_FIELDS) == expected.model_dump(exclude=STORE_FIELDS)
        assert (got.completed_at is None) == (expected.completed_at is None)
        assert got.version == 1
    # Same board order: bulk rows go to the end of their stages, in the batch's order.
    assert [t.id for t in bulk.ws.tasks(bulk.board_id)] == [
        t.id for t in one.ws.tasks(one.board_id)
    ]
