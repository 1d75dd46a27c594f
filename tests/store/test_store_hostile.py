"""The store fed hostile values for every kind of record: stored and read back identical, or
refused with a ValidationError before anything is written; never a crash, never half a row."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile import BOARD, CAMPAIGN, MEMBER, PERSONA, STAGE, TASK, TEAM, TIME_OFF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from mopsboard.domain.models import (
    Board,
    Campaign,
    Member,
    Persona,
    Stage,
    Task,
    Team,
    TimeOff,
)
from mopsboard.store.workspace import Workspace

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Set by the store, not by the caller.
STORE_FIELDS = {"id", "version", "updated_at", "created_at", "completed_at", "rank", "position"}


class Scene:
    """One workspace for all examples, with a board, a stage, a team and a member to refer to."""

    def __init__(self, path: Path) -> None:
        self.ws = Workspace.create(path)
        # Durability is not what these examples test; this keeps hundreds of writes quick.
        self.ws.db.execute("PRAGMA synchronous = OFF")
        self.board = self.ws.boards()[0].key
        self.stage = self.ws.stages(self.board)[0].key
        self.team = self.ws.add_team(Team(name="Content")).key
        self.member = self.ws.add_member(Member(team_id=self.team, name="Ana")).key

    def changes(self) -> int:
        return self.ws.db.conn.total_changes

    def required(self, model: type[BaseModel]) -> dict[str, Any]:
        return {
            Board: {"name": "Board"},
            Stage: {"board_id": self.board, "name": "Stage"},
            Task: {"board_id": self.board, "stage_id": self.stage, "title": "Task"},
            Campaign: {"name": "Campaign"},
            Persona: {"name": "Persona"},
            Team: {"name": "Team"},
            Member: {"team_id": self.team, "name": "Member"},
            TimeOff: {"member_id": self.member, "start_date": "2026-03-02"},
        }[model]


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    made = Scene(tmp_path_factory.mktemp("hostile") / "w.mopsboard")
    yield made
    made.ws.close()


Adder = Callable[[Workspace, Any], BaseModel]
Reader = Callable[[Workspace, int], BaseModel]
STORES: dict[str, tuple[type[BaseModel], st.SearchStrategy[dict[str, Any]], Adder, Reader]] = {
    "Board": (Board, BOARD, lambda ws, b: ws.add_board(b.name), Workspace.board),
    "Stage": (Stage, STAGE, Workspace.add_stage, Workspace.stage),
    "Task": (Task, TASK, Workspace.add_task, Workspace.task),
    "Campaign": (Campaign, CAMPAIGN, Workspace.add_campaign, Workspace.campaign),
    "Persona": (Persona, PERSONA, Workspace.add_persona, Workspace.persona),
    "Team": (Team, TEAM, Workspace.add_team, Workspace.team),
    "Member": (Member, MEMBER, Workspace.add_member, Workspace.member),
    "TimeOff": (
        TimeOff,
        TIME_OFF,
        Workspace.add_time_off,
        lambda ws, i: next(t for t in ws.time_off() if t.id == i),
    ),
}


def user_fields(record: BaseModel) -> dict[str, Any]:
    return record.model_dump(exclude=STORE_FIELDS)


def _same_except_store_fields(stored: BaseModel, expected: BaseModel) -> None:
    if isinstance(expected, Board):
        # add_board takes only a name; the rest is the store's.
        assert stored.model_dump(include={"name"}) == expected.model_dump(include={"name"})
        return
    assert user_fields(stored) == user_fields(expected)


# model_construct skips validation, so pydantic warns when it dumps the bad copy.
@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings:UserWarning")
@pytest.mark.parametrize("name", STORES)
@SETTINGS
@given(data=st.data())
def test_store_keeps_valid_values_exactly_and_refuses_the_rest_untouched(
    scene: Scene, name: str, data: st.DataObject
) -> None:
    model, strategy, add, read = STORES[name]
    drawn = data.draw(strategy)
    if model is Board:
        drawn = {k: v for k, v in drawn.items() if k == "name"}  # all that add_board takes
    if model is Persona:
        drawn.pop("position", None)  # add_persona puts a new persona last, whatever it says
    values = {**scene.required(model), **drawn}
    ws = scene.ws
    try:
        expected = model.model_validate(values)
    except ValidationError:
        expected = None
    before = scene.changes()
    if expected is None:
        # A caller that skipped validation (model_construct) is refused by the store itself.
        with pytest.raises(ValidationError):
            add(ws, model.model_construct(**values))
        assert scene.changes() == before, "a refused record wrote something"
        return
    if isinstance(expected, Stage) and expected.is_gate:
        expected = expected.model_copy(update={"is_gate": expected.kind.value == "review"})
    added = add(ws, expected)
    assert added.id is not None
    stored = read(ws, added.id)
    _same_except_store_fields(stored, expected)
    # A second connection reads the same bytes back.
    with Workspace.open(ws.path, read_only=True) as other:
        _same_except_store_fields(read(other, added.id), expected)
    if isinstance(stored, Stage):
        ws.delete_stage(stored.key, None)  # keep the board to a handful of stages


Updater = Callable[[Workspace, Any], BaseModel]
EDITS: dict[str, tuple[type[BaseModel], st.SearchStrategy[dict[str, Any]], Updater, Reader]] = {
    "Board": (Board, BOARD, Workspace.update_board, Workspace.board),
    "Stage": (Stage, STAGE, Workspace.update_stage, Workspace.stage),
    "Task": (Task, TASK, Workspace.update_task, Workspace.task),
    "Campaign": (Campaign, CAMPAIGN, Workspace.update_campaign, Workspace.campaign),
    "Persona": (Persona, PERSONA, Workspace.update_persona, Workspace.persona),
    "Team": (Team, TEAM, Workspace.update_team, Workspace.team),
    "Member": (Member, MEMBER, Workspace.update_member, Workspace.member),
}


@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings:UserWarning")
@pytest.mark.parametrize("name", EDITS)
@SETTINGS
@given(data=st.data())
def test_hostile_edit_lands_whole_or_not_at_all(
    scene: Scene, name: str, data: st.DataObject
) -> None:
    model, strategy, update, read = EDITS[name]
    add = STORES[name][2]
    ws = scene.ws
    stored = add(ws, model.model_validate(scene.required(model)))
    stored = read(ws, stored.key)
    values = data.draw(strategy)
    try:
        edited = model.model_validate(stored.model_dump() | values)
    except ValidationError:
        edited = None
    before = scene.changes()
    if edited is None:
        with pytest.raises(ValidationError):
            update(ws, stored.model_copy(update=values))
        assert scene.changes() == before
        assert read(ws, stored.key) == stored
    else:
        update(ws, edited)
        again = read(ws, stored.key)
        assert user_fields(again) == user_fields(edited)
        if isinstance(edited, Board | Stage | Persona):
            assert getattr(again, "position", None) == edited.position
            # The next add goes after the last position: keep that within range.
            update(ws, again.model_copy(update={"position": 0}))
    if isinstance(stored, Stage):
        ws.delete_stage(stored.key, None)


@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings:UserWarning")
@SETTINGS
@given(batch=st.lists(TASK, min_size=2, max_size=6))
def test_an_import_with_one_bad_task_writes_none_of_them(
    scene: Scene, batch: list[dict[str, Any]]
) -> None:
    ws = scene.ws
    required = scene.required(Task)
    tasks = [Task.model_construct(**(required | values)) for values in batch]
    try:
        valid = [Task.model_validate(required | values) for values in batch]
    except ValidationError:
        valid = None
    count = len(ws.tasks(include_archived=True))
    for add_many in (ws.add_tasks, ws.bulk_add_tasks):
        if valid is None:
            before = scene.changes()
            with pytest.raises(ValidationError):
                add_many(tasks)
            assert scene.changes() == before
            assert len(ws.tasks(include_archived=True)) == count
        else:
            ids = add_many(valid)
            assert [user_fields(t) for t in ws.tasks_by_id(ids)] == [user_fields(t) for t in valid]
            ws.delete_tasks(ids)


def test_a_lone_surrogate_never_reaches_sqlite(scene: Scene) -> None:
    """The bug these tests found: such text passed validation, then SQLite's UTF-8 encoding
    raised an error no caller expected (UnicodeEncodeError, not a ValidationError)."""
    ws = scene.ws
    with pytest.raises(ValidationError, match="not valid text"):
        ws.add_task(Task.model_construct(**scene.required(Task), description="a\ud800"))
    with pytest.raises(ValidationError, match="not valid text"):
        ws.add_board("Board \udfff")
    with pytest.raises(UnicodeEncodeError):  # what the driver would have raised
        ws.db.conn.execute("SELECT ?", ["\ud800"]).fetchone()
