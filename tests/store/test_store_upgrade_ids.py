"""The step that makes ids never reused, on a file made by the schema before it: every table it
rebuilds keeps every row, id, column, index, trigger and reference, and a file read, written or
held by another program meanwhile comes through whole."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils.migrations import Migrations

from mopsboard.domain.models import Campaign, Member, Persona, Stage, Task, Team, TimeOff
from mopsboard.domain.templates import CampaignTemplate
from mopsboard.store import database
from mopsboard.store.database import BACKUP_INFIX, TooNewWorkspace, applied_migrations
from mopsboard.store.migrations import MIGRATION_SET, migrations
from mopsboard.store.workspace import Workspace

STEP = "0006_ids_never_reused"
REBUILT = (
    "boards",
    "stages",
    "teams",
    "members",
    "time_off",
    "campaigns",
    "personas",
    "tasks",
    "campaign_templates",
)
# The schema as the release before the step made it.
BEFORE = [m for m in migrations._migrations if m.name < STEP]


def _use_steps(monkeypatch: pytest.MonkeyPatch, steps: list[Migrations._Migration]) -> None:
    """This process is a mopsboard that knows only `steps`."""
    older = Migrations(MIGRATION_SET)
    for step in steps:
        older(name=step.name)(step.fn)
    monkeypatch.setattr(database, "migrations", older)
    monkeypatch.setattr(database, "KNOWN_MIGRATIONS", frozenset(s.name for s in steps))


def _fill(ws: Workspace) -> None:
    """Rows in every table, with gaps in the ids (deleted rows) as a used file has them."""
    board = ws.boards()[0].key
    stages = {s.name: s.key for s in ws.stages(board)}
    second = ws.add_board("Events")
    team = ws.add_team(Team(name="Content"))
    gone_team = ws.add_team(Team(name="Gone"))
    member = ws.add_member(Member(team_id=team.key, name="Ada"))
    day = date(2026, 7, 6)
    ws.add_time_off(TimeOff(member_id=member.key, start_date=day, end_date=day, reason="Trip"))
    campaign = ws.add_campaign(Campaign(name="Launch"))
    persona = ws.add_persona(Persona(name="Buyer"))
    ws.add_template(CampaignTemplate(name="Webinar"))
    extra = ws.add_stage(Stage(board_id=second.key, name="Extra", position=9))
    tasks = [
        ws.add_task(
            Task(
                board_id=board,
                stage_id=stages["Backlog"],
                title=f"Task {n}",
                campaign_id=campaign.key,
                persona_id=persona.key,
                assignee_id=member.key,
                labels=("email",),
            )
        )
        for n in range(6)
    ]
    ws.move_tasks([tasks[0].key], stages["Ready"], None)
    ws.update_task(ws.task(tasks[1].key).model_copy(update={"estimate_hours": 3.0}))
    ws.add_comment(tasks[2].key, "Ada", "First")
    ws.add_comment(tasks[2].key, "Ada", "Second")
    ws.delete_tasks([tasks[3].key])
    ws.delete_team(gone_team.key)
    ws.delete_stage(extra.key, None)
    ws.set_setting("some.setting", "on")


def _another_program_s_additions(path: Path) -> None:
    """What another program may add to the file: an index, triggers, a view of its own."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(
            """
            CREATE INDEX their_tasks_title ON tasks(title COLLATE NOCASE);
            CREATE TABLE their_log (task_id INTEGER, what TEXT);
            CREATE TRIGGER their_task_log AFTER UPDATE OF title ON tasks
                BEGIN INSERT INTO their_log VALUES (new.id, new.title); END;
            CREATE TRIGGER their_board_log AFTER DELETE ON boards
                BEGIN INSERT INTO their_log VALUES (old.id, 'board gone'); END;
            CREATE VIEW their_open_tasks AS
                SELECT t.id, t.title, b.name AS board FROM tasks t JOIN boards b
                ON b.id = t.board_id WHERE t.archived = 0;
            """
        )
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def older_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A used workspace, as the release before the step made and left it."""
    path = tmp_path / "older.mopsboard"
    with monkeypatch.context() as older:
        _use_steps(older, BEFORE)
        with Workspace.create(path) as ws:
            _fill(ws)
            ws.fold_journal()
    _another_program_s_additions(path)
    return path


def _read(path: Path, query: Callable[[sqlite3.Connection], Any]) -> Any:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return query(conn)
    finally:
        conn.close()


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != '_sqlite_migrations' ORDER BY name"
    )
    return [r[0] for r in rows]


def contents(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every data table's rows, rowid first, in rowid order."""
    return {
        table: conn.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid').fetchall()
        for table in _tables(conn)
    }


def structure(conn: sqlite3.Connection) -> dict[str, Any]:
    """Each table's columns and references, and every index, trigger and view, as SQLite
    reports them."""
    tables = _tables(conn)
    return {
        "columns": {t: conn.execute(f'PRAGMA table_xinfo("{t}")').fetchall() for t in tables},
        "references": {
            t: conn.execute(f'PRAGMA foreign_key_list("{t}")').fetchall() for t in tables
        },
        # Each index by name, kind and origin: its place in the list (`seq`) moves when a later
        # step adds an index to the table.
        "indexes": {
            t: sorted(row[1:] for row in conn.execute(f'PRAGMA index_list("{t}")').fetchall())
            for t in tables
        },
        "others": conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE type IN ('index', 'trigger', 'view') ORDER BY type, name"
        ).fetchall(),
    }


def kept_contents(conn: sqlite3.Connection, before: dict[str, Any]) -> dict[str, Any]:
    """`contents`, of the tables and columns `before` has: later steps add their own (new
    columns come last in a row)."""
    now = contents(conn)
    return {
        table: [row[: len(old[0])] if old else row for row in now[table]]
        for table, old in before.items()
    }


def kept_structure(conn: sqlite3.Connection, before: dict[str, Any]) -> dict[str, Any]:
    """`structure`, of the tables, columns, indexes and triggers `before` has."""
    now = structure(conn)
    names = {entry[1] for entry in before["others"]}
    return {
        "columns": {t: now["columns"][t][: len(c)] for t, c in before["columns"].items()},
        "references": {t: now["references"][t] for t in before["references"]},
        "indexes": {
            t: [i for i in now["indexes"][t] if i in before["indexes"][t]]
            for t in before["indexes"]
        },
        "others": [entry for entry in now["others"] if entry[1] in names],
    }


def table_sql(conn: sqlite3.Connection, table: str) -> str:
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()
    return str(row[0])


def test_an_older_file_upgrades_keeping_every_row_id_index_trigger_and_reference(
    older_file: Path,
) -> None:
    rows_before = _read(older_file, contents)
    structure_before = _read(older_file, structure)
    assert STEP not in _read(
        older_file, lambda c: [r[0] for r in c.execute("SELECT name FROM _sqlite_migrations")]
    )
    with Workspace.open(older_file) as ws:
        assert STEP in applied_migrations(ws.db)
        # The upgrade turned the references off for the rebuild, and on again after it.
        assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert [t.title for t in ws.tasks()] == [f"Task {n}" for n in (1, 2, 4, 5, 0)]
        assert [c.body for c in ws.comments(ws.tasks()[1].key)] == ["First", "Second"]
    assert _read(older_file, lambda c: kept_contents(c, rows_before)) == rows_before
    assert _read(older_file, lambda c: kept_structure(c, structure_before)) == structure_before
    assert _read(older_file, lambda c: c.execute("PRAGMA integrity_check").fetchall()) == [("ok",)]
    assert _read(older_file, lambda c: c.execute("PRAGMA foreign_key_check").fetchall()) == []
    for table in REBUILT:
        assert "AUTOINCREMENT" in _read(older_file, lambda c, t=table: table_sql(c, t))
    [backup] = [p for p in older_file.parent.iterdir() if BACKUP_INFIX in p.name]
    assert _read(backup, contents) == rows_before


def test_after_the_upgrade_a_deleted_task_s_id_is_not_given_again(older_file: Path) -> None:
    with Workspace.open(older_file) as ws:
        newest = max(ws.tasks(), key=lambda t: t.key)
        ws.delete_tasks([newest.key])
        after = ws.add_task(newest.model_copy(update={"id": None, "title": "After"}))
        assert after.key > newest.key


def test_the_upgrade_keeps_what_the_file_s_references_were(older_file: Path) -> None:
    # A row another program left pointing at nothing is kept as it was (the app reads it all
    # the same): the upgrade neither drops it nor refuses the file.
    conn = sqlite3.connect(older_file)
    try:
        conn.execute("UPDATE tasks SET campaign_id = 999 WHERE title = 'Task 5'")
        conn.commit()
        dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    assert len(dangling) == 1
    rows_before = _read(older_file, contents)
    Workspace.open(older_file).close()
    assert _read(older_file, lambda c: kept_contents(c, rows_before)) == rows_before
    assert _read(older_file, lambda c: c.execute("PRAGMA foreign_key_check").fetchall()) == dangling


def test_an_older_file_opened_read_only_reads_upgraded_and_stays_as_it_was(
    older_file: Path,
) -> None:
    before = older_file.read_bytes()
    with Workspace.open(older_file, read_only=True) as ws:
        assert STEP in applied_migrations(ws.db)
        assert "AUTOINCREMENT" in table_sql(ws.db.conn, "tasks")
        assert len(ws.tasks()) == 5
    assert older_file.read_bytes() == before


def test_a_file_whose_record_of_the_step_was_lost_takes_it_up_again(older_file: Path) -> None:
    Workspace.open(older_file).close()
    rows = _read(older_file, contents)
    conn = sqlite3.connect(older_file)
    try:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [STEP])
        conn.commit()
    finally:
        conn.close()
    with Workspace.open(older_file) as ws:
        assert STEP in applied_migrations(ws.db)
    assert _read(older_file, lambda c: kept_contents(c, rows)) == rows


def test_a_release_before_the_step_refuses_the_upgraded_file_untouched(
    older_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An older mopsboard would pick ids its own way: it may not write the file once upgraded.
    Workspace.open(older_file).close()
    before = older_file.read_bytes()
    _use_steps(monkeypatch, BEFORE)
    with pytest.raises(TooNewWorkspace):
        Workspace.open(older_file)
    assert older_file.read_bytes() == before


@pytest.fixture
def writer_holding_the_lock(older_file: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write when the file is opened."""
    conn = sqlite3.connect(older_file, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE tasks SET title = 'Renamed meanwhile' WHERE title = 'Task 4'")
    yield conn
    conn.close()


def test_the_upgrade_waits_for_another_program_s_write_and_keeps_it(
    older_file: Path, writer_holding_the_lock: sqlite3.Connection
) -> None:
    done = threading.Event()

    def finish_the_write() -> None:
        done.wait()
        writer_holding_the_lock.execute("COMMIT")

    finisher = threading.Thread(target=finish_the_write)
    finisher.start()
    # The write ends while this open waits on the lock (the busy timeout is seconds long).
    threading.Timer(0.2, done.set).start()
    try:
        with Workspace.open(older_file) as ws:
            assert STEP in applied_migrations(ws.db)
            assert "Renamed meanwhile" in [t.title for t in ws.tasks()]
    finally:
        done.set()
        finisher.join()
    log = _read(older_file, lambda c: c.execute("SELECT what FROM their_log").fetchall())
    assert log == [("Renamed meanwhile",)]


_KILLED_IN_THE_REBUILD = """
import os, sys
from mopsboard.store import table_rebuild
from mopsboard.store.workspace import Workspace
real = table_rebuild.never_reuse_ids
def killed(db, table):
    real(db, table)
    if table == "tasks":
        os._exit(9)  # tasks rebuilt, the tables after it not yet, nothing committed
table_rebuild.never_reuse_ids = killed
Workspace.open(sys.argv[1])
"""


def test_an_upgrade_killed_in_the_middle_of_a_rebuild_leaves_the_file_as_it_was(
    older_file: Path,
) -> None:
    rows_before = _read(older_file, contents)
    structure_before = _read(older_file, structure)
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_IN_THE_REBUILD, str(older_file)], timeout=60
    )
    assert killed.returncode == 9
    # Killed mid-way: the file is exactly as it was, nothing of any step in it.
    assert _read(older_file, contents) == rows_before
    assert _read(older_file, structure) == structure_before
    assert "AUTOINCREMENT" not in _read(older_file, lambda c: table_sql(c, "tasks"))
    with Workspace.open(older_file) as ws:
        assert STEP in applied_migrations(ws.db)
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _read(older_file, lambda c: kept_contents(c, rows_before)) == rows_before
