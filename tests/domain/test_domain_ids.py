"""Typed ids and `Record.key`: a saved record gives its id, an unsaved one refuses."""

from __future__ import annotations

import pytest

from mopsboard.domain.ids import TaskId, UnsavedRecord
from mopsboard.domain.models import Board, Campaign, Member, Persona, Stage, Task, Team, TimeOff
from mopsboard.domain.templates import CampaignTemplate


def test_key_returns_the_id_of_a_saved_record() -> None:
    task = Task(id=7, board_id=1, stage_id=2, title="Brief")
    assert task.key == 7
    assert task.key == TaskId(7)
    assert Board(id=3, name="B").key == 3


@pytest.mark.parametrize(
    "record",
    [
        Board(name="B"),
        Stage(board_id=1, name="S"),
        Task(board_id=1, stage_id=2, title="T"),
        Campaign(name="C"),
        Persona(name="P"),
        Team(name="T"),
        Member(team_id=1, name="M"),
        TimeOff(member_id=1, start_date="2025-01-01", end_date="2025-01-02"),
        CampaignTemplate(name="Launch"),
    ],
)
def test_key_refuses_an_unsaved_record(record: Board) -> None:
    with pytest.raises(UnsavedRecord, match="has not been saved yet"):
        _ = record.key


def test_references_stay_checked() -> None:
    with pytest.raises(ValueError, match="greater than or equal to 1"):
        Task(board_id=0, stage_id=2, title="T")
