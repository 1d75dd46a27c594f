"""A board from another tool into the workspace: one unit of work, names matched or created,
every value checked before anything is written, and the undo that takes it out again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mopsboard.domain.models import ChecklistItem, Member, StageKind, Team
from mopsboard.store.board_import import (
    BoardImport,
    ImportedComment,
    ImportedStage,
    ImportedTask,
    import_board,
    remove_import,
)
from mopsboard.store.transfer import TransferError
from mopsboard.store.workspace import Workspace

STAGES = (ImportedStage("To do", StageKind.BACKLOG), ImportedStage("Done", StageKind.DONE))


def _log_or_ids(line: str) -> bool:
    return "task_events" in line or "sqlite_sequence" in line


def plan(
    *tasks: ImportedTask, board: str = "Imported", stages: tuple[ImportedStage, ...] = STAGES
) -> BoardImport:
    return BoardImport(board=board, stages=stages, tasks=tasks, people_team=board)


def item(title: str, stage: str = "To do", **fields: object) -> ImportedTask:
    return ImportedTask(where=f"card {title!r}", title=title, stage=stage, **fields)  # type: ignore[arg-type]


def test_a_new_board_with_its_stages_tasks_and_people(ws: Workspace) -> None:
    result = import_board(
        ws,
        plan(
            item(
                "A",
                assignee="Ana Lima",
                labels=("Email",),
                due=date(2026, 3, 2),
                checklist=(ChecklistItem(text="x", done=True),),
            ),
            item("B", assignee="ana lima", labels=("Email", "Web")),
            item("C", stage="Done"),
        ),
    )
    board = ws.board(result.board_id)
    assert board.name == "Imported" and result.new_board
    assert [(s.name, s.kind) for s in ws.stages(board.key)] == [
        ("To do", StageKind.BACKLOG),
        ("Done", StageKind.DONE),
    ]
    tasks = ws.tasks(board.key)
    assert [t.title for t in tasks] == ["A", "B", "C"]
    team = ws.team_named("Imported")
    ana = ws.member_named("Ana Lima")
    assert ana.team_id == team.id
    assert tasks[0].assignee_id == tasks[1].assignee_id == ana.id
    assert tasks[0].due_date == date(2026, 3, 2)
    assert tasks[2].completed_at is not None
    summary = result.summary()
    assert {k: summary[k] for k in ("tasks", "stages", "people", "labels", "checklist_items")} == {
        "tasks": 3,
        "stages": 2,
        "people": 1,
        "labels": 2,
        "checklist_items": 1,
    }


def test_people_campaigns_and_teams_are_matched_by_name(ws: Workspace) -> None:
    team = ws.add_team(Team(name="Content"))
    ana = ws.add_member(Member(team_id=team.key, name="Ana Lima"))
    result = import_board(
        ws, plan(item("A", assignee="ANA LIMA", persona="scientist", campaign="New"))
    )
    task = ws.tasks(result.board_id)[0]
    assert task.assignee_id == ana.id and task.team_id == team.id
    assert task.persona_id == ws.persona_named("Scientist").id
    assert task.campaign_id == ws.campaign_named("New").id
    assert result.member_ids == () and len(result.campaign_ids) == 1
    assert [t.name for t in ws.teams()] == ["Content"]


def test_into_an_existing_board_stages_matched_by_name_and_missing_ones_added(
    ws: Workspace,
) -> None:
    board = ws.boards()[0]
    before = [s.name for s in ws.stages(board.key)]
    result = import_board(
        ws,
        plan(
            item("A", stage="done"),
            item("B", stage="Parked"),
            stages=(
                ImportedStage("done", StageKind.DONE),
                ImportedStage("Parked", StageKind.BACKLOG),
            ),
        ),
        into=board.name,
    )
    assert not result.new_board and result.board_id == board.id
    assert [s.name for s in ws.stages(board.key)] == [*before, "Parked"]
    by_title = {t.title: ws.stage(t.stage_id).name for t in ws.tasks(board.key)}
    assert by_title == {"A": "Done", "B": "Parked"}


def test_the_same_board_twice_gets_two_names(ws: Workspace) -> None:
    first = import_board(ws, plan(item("A")))
    second = import_board(ws, plan(item("A")))
    assert (first.board, second.board) == ("Imported", "Imported (2)")


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        (item("x" * 10_000), "card 'xxx"),
        (item("A", assignee="P" * 10_000), "card 'A', the person 'PPPP"),
        (item("A", description="d" * 100_001), "Description is too long"),
        (item("A", start=date(2026, 3, 9), due=date(2026, 3, 1)), "before the start date"),
        (item("A", due=date(3001, 1, 1)), "not a date between 1900 and 2999"),
        (item("A", stage="Nowhere"), "its stage 'Nowhere' is not on the board"),
    ],
)
def test_a_bad_value_is_refused_by_where_it_came_from_and_nothing_is_written(
    ws: Workspace, ws_path: Path, dump: Callable[[Path], list[str]], bad: ImportedTask, words: str
) -> None:
    before = dump(ws_path)
    with pytest.raises(TransferError, match=r"nothing was imported|not on the board") as refused:
        import_board(ws, plan(item("fine", assignee="New person"), bad))
    assert words in str(refused.value)
    assert dump(ws_path) == before


def test_a_stage_name_of_ten_thousand_characters_is_refused(
    ws: Workspace, ws_path: Path, dump: Callable[[Path], list[str]]
) -> None:
    before = dump(ws_path)
    long = "S" * 10_000
    with pytest.raises(
        TransferError, match=r"the list or stage 'SSSS.*too long \(10000 characters"
    ):
        import_board(ws, plan(item("A", stage=long), stages=(ImportedStage(long),)))
    assert dump(ws_path) == before


def test_a_failure_while_writing_leaves_nothing(
    ws: Workspace, ws_path: Path, dump: Callable[[Path], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dump(ws_path)

    def fail(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ws, "bulk_add_tasks", fail)
    with pytest.raises(RuntimeError):
        import_board(ws, plan(item("A", assignee="Someone new", campaign="New campaign")))
    assert dump(ws_path) == before


def test_comments_come_in_with_author_and_date(ws: Workspace) -> None:
    at = datetime(2026, 3, 2, 17, 40, tzinfo=UTC)
    first = ImportedComment(author="Jonas Weber", at=at, text="Legal wants the **address**.")
    later = ImportedComment(author="", at=None, text="No author given")
    empty = ImportedComment(author="Ana", at=at, text="   ")
    result = import_board(ws, plan(item("A", comments=(first, later, empty)), item("B")))
    a, b = ws.tasks(result.board_id)
    comments = ws.comments(a.key)
    assert [(c.author, c.body) for c in comments] == [
        ("Jonas Weber", "Legal wants the **address**."),
        ("(unknown)", "No author given"),
    ]
    assert comments[0].at == at
    assert ws.comments(b.key) == []
    assert result.comments == 2
    assert [(s.item, s.reason) for s in result.skipped] == [
        ("card 'A', comment 3", "Body cannot be empty")
    ]


def test_undo_of_an_import_takes_its_comments_too(ws: Workspace) -> None:
    comment = ImportedComment(author="Ana", at=None, text="hello")
    result = import_board(ws, plan(item("A", comments=(comment,))))
    remove_import(ws, result)
    assert ws.comments() == []


def test_remove_import_takes_out_exactly_what_came_in(
    ws: Workspace, ws_path: Path, dump: Callable[[Path], list[str]]
) -> None:
    existing = ws.boards()[0]
    before = dump(ws_path)
    result = import_board(
        ws,
        plan(
            item("A", assignee="New", team="Agency", campaign="C", persona="P"),
            item("B", stage="Parked"),
            stages=(ImportedStage("To do"), ImportedStage("Parked")),
        ),
        into=existing.name,
    )
    remove_import(ws, result)
    # The ids the import used stay used (sqlite_sequence): they are never given again.
    after = [line for line in dump(ws_path) if not _log_or_ids(line)]
    assert after == [line for line in before if not _log_or_ids(line)]
    new_board = import_board(ws, plan(item("A", assignee="New")))
    remove_import(ws, new_board)
    assert [b.name for b in ws.boards()] == [existing.name]
