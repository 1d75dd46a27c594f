"""The workspace file carries the dependencies between tasks and the hours logged on them: a
workspace exported then imported has the same links (ids, kinds, lags) and time logs."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Member, Task, Team
from mopsboard.io.importers.source import ImportRefused, open_source
from mopsboard.io.workspace_json import export_workspace, import_workspace, read_workspace_file
from mopsboard.store.workspace import Workspace


def _linked_workspace(path: Path) -> None:
    """Brief -> Copy (finish to start, lag 2), Copy -> Post (start to start, lag -1), Post on a
    second board; a person's hours logged on Copy."""
    with Workspace.create(path) as ws:
        board = ws.boards()[0].key
        stage = ws.stages(board)[0].key
        other = ws.add_board("Social")
        brief, copy = (
            ws.add_task(Task(board_id=board, stage_id=stage, title=title))
            for title in ("Brief", "Copy")
        )
        post = ws.add_task(
            Task(board_id=other.key, stage_id=ws.stages(other.key)[0].key, title="Post")
        )
        ws.add_link(TaskLink(predecessor_id=brief.key, successor_id=copy.key, lag_days=2))
        removed = ws.add_link(TaskLink(predecessor_id=brief.key, successor_id=post.key))
        ws.add_link(
            TaskLink(
                predecessor_id=copy.key,
                successor_id=post.key,
                kind=LinkKind.START_TO_START,
                lag_days=-1,
            )
        )
        # A gap in the ids: the copy keeps the ids, not a renumbering.
        ws.delete_link(removed.key)
        team = ws.add_team(Team(name="Content"))
        member = ws.add_member(Member(team_id=team.key, name="Ana Lima"))
        member_id, copy_id = member.key, copy.key
    # The store has no time-log writer yet: the rows as the schema holds them.
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO time_logs (task_id, member_id, day, hours, note, at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (copy_id, member_id, "2026-11-30", 2.5, "first draft", "2026-11-30T17:00:00"),
            (copy_id, None, "2026-12-01", 1.0, "", "2026-12-01T09:00:00"),
        ],
    )
    conn.commit()
    conn.close()


def _time_logs(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT * FROM time_logs ORDER BY id").fetchall()
    conn.close()
    return rows


def _round_trip(source: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out.json"
    with Workspace.open(source) as ws:
        export_workspace(ws, out)
    target = tmp_path / "copy.mopsboard"
    with Workspace.create(target, defaults=False) as ws:
        import_workspace(ws, read_workspace_file(open_source(out)))
    return target


def test_links_and_time_logs_travel_through_the_workspace_file(tmp_path: Path) -> None:
    source = tmp_path / "linked.mopsboard"
    _linked_workspace(source)
    target = _round_trip(source, tmp_path)
    with Workspace.open(source) as a, Workspace.open(target) as b:
        assert len(a.links()) == 2
        assert b.links() == a.links()
        titles = {t.key: t.title for t in b.tasks()}
        assert [
            (titles[k.predecessor_id], titles[k.successor_id], k.kind, k.lag_days)
            for k in b.links()
        ] == [
            ("Brief", "Copy", LinkKind.FINISH_TO_START, 2),
            ("Copy", "Post", LinkKind.START_TO_START, -1),
        ]
        copy = next(t for t in b.tasks() if t.title == "Copy")
        assert b.blocked_task_ids([copy.key]) == {copy.key}
    assert len(_time_logs(source)) == 2
    assert _time_logs(target) == _time_logs(source)


def test_links_that_loop_in_a_workspace_file_are_refused(tmp_path: Path) -> None:
    source = tmp_path / "linked.mopsboard"
    _linked_workspace(source)
    out = tmp_path / "out.json"
    with Workspace.open(source) as ws:
        export_workspace(ws, out)
        post = next(t for t in ws.tasks() if t.title == "Post").key
        brief = next(t for t in ws.tasks() if t.title == "Brief").key
    data = json.loads(out.read_text(encoding="utf-8"))
    links = data["tables"]["task_links"]
    columns = links["columns"]
    looped = dict(zip(columns, links["rows"][0], strict=True))
    looped.update({"id": 99, "predecessor_id": post, "successor_id": brief})
    links["rows"].append([looped[c] for c in columns])
    out.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "copy.mopsboard"
    with Workspace.create(target, defaults=False) as ws:
        with pytest.raises(ImportRefused, match="loop") as refused:
            import_workspace(ws, read_workspace_file(open_source(out)))
        assert "'Brief'" in str(refused.value) and "'Post'" in str(refused.value)
        assert ws.tasks() == [] and ws.links() == []
