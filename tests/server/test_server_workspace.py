"""A workspace on the server: recognised, refused, created by the file's named steps, and kept
to the file's guarantees between two connections (two people)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from mopsboard.domain.errors import ConflictError
from mopsboard.domain.models import Task
from mopsboard.store.database import (
    NotAWorkspace,
    ReadOnlyWorkspace,
    TooNewWorkspace,
    WorkspaceError,
    WorkspaceExists,
)
from mopsboard.store.migrations import KNOWN_MIGRATIONS, migrations
from mopsboard.store.server.connection import ServerConnection
from mopsboard.store.server.database import applied_migrations
from mopsboard.store.workspace import Workspace


@pytest.fixture
def ws(server_url: str) -> Iterator[Workspace]:
    workspace = Workspace.create(server_url)
    yield workspace
    workspace.close()


def _sql(url: str, statement: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement.encode())


def test_the_server_has_the_files_tables_and_columns(ws: Workspace, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "w.mopsboard") as file:
        tables = [
            str(row[0])
            for row in file.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_%' ESCAPE '\\'"
            )
        ]
        expected = {table: file.db.columns(table) for table in tables}
    assert {table: ws.db.columns(table) for table in tables} == expected
    assert len(expected) >= 14


def test_the_server_records_the_files_named_steps_in_order(ws: Workspace) -> None:
    assert isinstance(ws.db, ServerConnection)
    assert applied_migrations(ws.db) == migrations.names
    assert set(migrations.names) == KNOWN_MIGRATIONS


def test_a_workspace_made_by_a_newer_mopsboard_is_refused_untouched(
    ws: Workspace, server_url: str
) -> None:
    ws.close()
    _sql(
        server_url,
        "INSERT INTO _mopsboard_migrations (migration_set, name, applied_at) "
        "VALUES ('mopsboard', '9999_from_the_future', 'later')",
    )
    with pytest.raises(TooNewWorkspace, match="newer mopsboard"):
        Workspace.open(server_url)
    with psycopg.connect(server_url) as conn:
        assert conn.execute("SELECT count(*) FROM boards").fetchone() == (1,)


def test_an_empty_database_is_not_a_workspace_yet(server_url: str) -> None:
    with pytest.raises(NotAWorkspace, match="mopsboard init URL"):
        Workspace.open(server_url)


def test_another_programs_database_is_left_alone(server_url: str) -> None:
    _sql(server_url, "CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(NotAWorkspace, match="another program"):
        Workspace.open(server_url)
    with pytest.raises(WorkspaceExists, match="not empty"):
        Workspace.create(server_url)
    with psycopg.connect(server_url) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    assert tables == [("invoices",)]


def test_the_password_is_never_shown(server_url: str) -> None:
    secret = "pw-s3cret-42"
    with_password = server_url.replace("postgres@", f"postgres:{secret}@")
    assert secret in with_password
    with Workspace.create(with_password) as ws:
        assert secret not in ws.location
        assert ws.location.startswith("postgresql://postgres@127.0.0.1:")
    # Port 1: nothing listens there, so libpq's own message comes back.
    with pytest.raises(WorkspaceError) as caught:
        Workspace.open(f"postgresql://postgres:{secret}@127.0.0.1:1/none")
    assert "cannot be reached" in str(caught.value)
    assert secret not in str(caught.value)
    assert caught.value.__cause__ is None  # psycopg's error, which may quote the URL, is dropped


def test_a_role_that_may_only_read_opens_read_only(ws: Workspace, server_url: str) -> None:
    reader = f"reader_{server_url.rsplit('_', 1)[-1]}"
    _sql(server_url, f"DROP ROLE IF EXISTS {reader}")
    _sql(server_url, f"CREATE ROLE {reader} LOGIN")
    _sql(server_url, f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}")
    try:
        as_reader = server_url.replace("postgres@", f"{reader}@")
        with Workspace.open(as_reader) as looking:
            assert looking.read_only
            assert [b.name for b in looking.boards()] == ["Campaign board"]
            with pytest.raises(ReadOnlyWorkspace):
                looking.add_board("Not mine to add")
        with pytest.raises(ReadOnlyWorkspace, match="may only read"):
            Workspace.open_for_writing(as_reader)
    finally:
        _sql(server_url, f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {reader}")
        _sql(server_url, f"DROP ROLE {reader}")


def test_an_edit_against_a_stale_copy_is_a_conflict(ws: Workspace, server_url: str) -> None:
    board = ws.boards()[0]
    stage = ws.stages(board.key)[0]
    task = ws.add_task(Task(board_id=board.key, stage_id=stage.key, title="Brief"))
    with Workspace.open(server_url) as other:
        other.update_task(other.task(task.key).model_copy(update={"title": "Their brief"}))
    with pytest.raises(ConflictError):
        ws.update_task(task.model_copy(update={"title": "My brief"}))
    assert ws.task(task.key).title == "Their brief"


def test_another_connections_commit_moves_data_version_and_its_own_does_not(
    ws: Workspace, server_url: str
) -> None:
    before = ws.data_version()
    ws.add_board("Mine")
    assert ws.data_version() == before
    with Workspace.open(server_url) as other:
        other.add_board("Theirs")
    # The notification travels on its own after the commit: wait for it, a while at most.
    deadline = time.monotonic() + 10
    while ws.data_version() == before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert ws.data_version() == before + 1
    assert "boards" in ws.db.told[-1]  # type: ignore[attr-defined]


def test_a_move_writes_only_the_moved_row(ws: Workspace) -> None:
    board = ws.boards()[0]
    stages = ws.stages(board.key)
    tasks = [
        ws.add_task(Task(board_id=board.key, stage_id=stages[0].key, title=title))
        for title in "ABCD"
    ]
    sent: list[str] = []
    execute = ws.db.execute

    def recording(statement: str, parameters: object = None) -> object:
        sent.append(statement)
        return execute(statement, parameters)  # type: ignore[arg-type]

    ws.db.execute = recording  # type: ignore[method-assign]
    try:
        ws.move_tasks([tasks[3].key], stages[0].key, tasks[1].key)
    finally:
        del ws.db.execute  # type: ignore[method-assign]
    updates = [s for s in sent if s.lstrip().upper().startswith("UPDATE")]
    assert len(updates) == 1
    assert [t.title for t in ws.tasks(board.key)] == ["A", "D", "B", "C"]


def test_two_people_dropping_into_the_same_gap_at_once_get_distinct_order_keys(
    ws: Workspace, server_url: str
) -> None:
    board = ws.boards()[0]
    backlog, ready = (s.key for s in ws.stages(board.key)[:2])
    above, below = (
        ws.add_task(Task(board_id=board.key, stage_id=backlog, title=title)) for title in "XY"
    )
    cards = [ws.add_task(Task(board_id=board.key, stage_id=ready, title=t)) for t in "ab"]
    people = [Workspace.open(server_url), Workspace.open(server_url)]
    start, done = threading.Barrier(2), threading.Barrier(3)
    rounds, failures = 12, []

    def drop(person: Workspace, card: Task) -> None:
        try:
            for _ in range(rounds):
                start.wait(timeout=30)
                person.move_tasks([card.key], backlog, below.key)
                done.wait(timeout=30)
                done.wait(timeout=30)  # the test looks, and puts the cards back
        except Exception as error:  # reported below, where pytest sees it
            failures.append(error)
            start.abort()
            done.abort()

    threads = [
        threading.Thread(target=drop, args=(person, card))
        for person, card in zip(people, cards, strict=True)
    ]
    for thread in threads:
        thread.start()
    try:
        for _ in range(rounds):
            done.wait(timeout=30)
            keys = [ws.task(card.key).rank for card in cards]
            order = [t.title for t in ws.tasks(board.key) if t.stage_id == backlog]
            assert keys[0] != keys[1]
            assert order[0] == "X" and order[-1] == "Y" and sorted(order[1:3]) == ["a", "b"]
            ws.move_tasks([card.key for card in cards], ready)
            done.wait(timeout=30)
    finally:
        for thread in threads:
            thread.join(timeout=30)
        for person in people:
            person.close()
    assert not failures
    assert above.key != below.key


def test_each_role_signs_comments_with_its_own_name(ws: Workspace, server_url: str) -> None:
    assert ws.user_name() == "postgres"  # the role, until the person gives a name
    planner = f"planner_{server_url.rsplit('_', 1)[-1]}"
    _sql(server_url, f"DROP ROLE IF EXISTS {planner}")
    _sql(server_url, f"CREATE ROLE {planner} LOGIN")
    _sql(
        server_url,
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {planner}",
    )
    _sql(server_url, f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {planner}")
    try:
        with Workspace.open(server_url.replace("postgres@", f"{planner}@")) as theirs:
            assert not theirs.read_only
            assert theirs.user_name() == planner
            theirs.set_user_name("Ana Lima")
            assert theirs.user_name() == "Ana Lima"
        assert ws.user_name() == "postgres"
        ws.set_user_name("Ben Okafor")
        with Workspace.open(server_url.replace("postgres@", f"{planner}@")) as theirs:
            assert theirs.user_name() == "Ana Lima"
    finally:
        _sql(server_url, f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {planner}")
        _sql(server_url, f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {planner}")
        _sql(server_url, f"DROP ROLE {planner}")


def test_the_readmes_roles_let_the_group_write_and_the_readers_look(server_url: str) -> None:
    n = server_url.rsplit("_", 1)[-1]
    group, readers, owner, ana, guest = (
        f"{name}_{n}" for name in ("mopsboard", "readers", "owner", "ana", "guest")
    )
    roles = [ana, guest, owner, group, readers]
    database = server_url.rsplit("/", 1)[-1]
    as_role = {role: server_url.replace("postgres@", f"{role}@") for role in roles}
    # As README.md's "Plan together" says, with these roles' names.
    for statement in (
        f"CREATE ROLE {group} NOLOGIN",
        f"CREATE ROLE {readers} NOLOGIN",
        f"CREATE ROLE {owner} LOGIN IN ROLE {group}",
        f'ALTER DATABASE "{database}" OWNER TO {owner}',
        f"CREATE ROLE {ana} LOGIN IN ROLE {group}",
        f"CREATE ROLE {guest} LOGIN IN ROLE {readers}",
    ):
        _sql(server_url, statement)
    try:
        for statement in (
            f"GRANT USAGE ON SCHEMA public TO {group}, {readers}",
            "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {group}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO {group}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {readers}",
        ):
            _sql(as_role[owner], statement)
        Workspace.create(as_role[owner]).close()
        with Workspace.open_for_writing(as_role[ana]) as planning:
            board = planning.boards()[0]
            task = planning.add_task(
                Task(board_id=board.key, stage_id=planning.stages(board.key)[0].key, title="A")
            )
            planning.move_tasks([task.key], planning.stages(board.key)[1].key)
            planning.add_comment(task.key, planning.user_name() or "", "Brief is in")
        with Workspace.open(as_role[guest]) as looking:
            assert looking.read_only
            assert [t.title for t in looking.tasks(board.key)] == ["A"]
            assert [c.author for c in looking.comments(task.key)] == [ana]
            with pytest.raises(ReadOnlyWorkspace):
                looking.add_board("Mine")
    finally:
        _sql(server_url, f'ALTER DATABASE "{database}" OWNER TO postgres')
        _sql(server_url, f"REASSIGN OWNED BY {owner} TO postgres")
        for role in roles:
            _sql(server_url, f"DROP OWNED BY {role}")
            _sql(server_url, f"DROP ROLE {role}")


def test_two_workspaces_in_two_schemas_of_one_database_hear_only_their_own(
    server_url: str,
) -> None:
    _sql(server_url, "CREATE SCHEMA north")
    _sql(server_url, "CREATE SCHEMA south")
    north, south = (f"{server_url}?options=-csearch_path%3D{name}" for name in ("north", "south"))
    with Workspace.create(north) as mine, Workspace.create(south) as other_team:
        before = mine.data_version()
        with Workspace.open(south) as theirs:
            theirs.add_board("South only")
        with Workspace.open(north) as neighbour:
            neighbour.add_board("North too")
        deadline = time.monotonic() + 10
        while mine.data_version() == before and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)  # a stray notification from the other schema would have come by now
        assert mine.data_version() == before + 1
        assert [b.name for b in mine.boards()] == ["Campaign board", "North too"]
        assert [b.name for b in other_team.boards()] == ["Campaign board", "South only"]
