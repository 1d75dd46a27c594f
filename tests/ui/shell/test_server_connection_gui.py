"""A server window whose connection is lost: a banner says so and stays, the status bar says
"Not connected", an edit is refused in words and not made later; back, the window says so and
shows what others changed meanwhile."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Task
from mopsboard.qt.common.watcher import stop_watching
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from tests.server.test_server_reconnect import _drop_connections, _sql, planner

__all__ = ["planner"]  # the fixture, shared with the store's reconnection tests


def test_a_lost_connection_is_said_edits_are_refused_and_the_window_catches_up(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    planner: tuple[str, str],
    server_url: str,
) -> None:
    role, url = planner
    window = open_window(Workspace.open(url))
    ws = window.workspace
    _sql(server_url, f"ALTER ROLE {role} NOLOGIN")
    with qtbot.waitSignal(window.watcher.reachable, timeout=5000):
        _drop_connections(server_url, role)
    assert window.banner.isVisible()
    assert "server cannot be reached" in window.banner.text()
    assert window.saved_label.text() == "Not connected"

    stage = window.model.stages[0].key
    added = window.workspace_actions.add_task(
        Task(board_id=window.model.board_id, stage_id=stage, title="While cut off")
    )
    assert added is None
    assert "cannot be reached" in window.banner.text()

    with Workspace.open(server_url) as other:
        theirs = other.add_task(
            Task(board_id=window.model.board_id, stage_id=stage, title="Theirs meanwhile")
        )
    with qtbot.waitSignal(window.watcher.reachable, timeout=5000):
        _sql(server_url, f"ALTER ROLE {role} LOGIN")
    assert window.saved_label.text() == "All changes saved"
    assert "Connected to the server again" in window.banner.text()
    qtbot.waitUntil(lambda: theirs.key in window.model.tasks, timeout=5000)
    titles = [t.title for t in ws.tasks(include_archived=True)]
    assert "While cut off" not in titles and "Theirs meanwhile" in titles
    window.close()
    stop_watching(ws)
    ws.close()


def test_an_edit_that_finds_the_connection_gone_before_the_window_heard_of_it(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    planner: tuple[str, str],
    server_url: str,
) -> None:
    """The store lets go of the dead connection itself: the window stops waiting on its socket
    at once (a Qt warning otherwise, as the event loop polls a closed socket)."""
    role, url = planner
    window = open_window(Workspace.open(url))
    stage = window.model.stages[0].key
    _sql(server_url, f"ALTER ROLE {role} NOLOGIN")
    _drop_connections(server_url, role)
    added = window.workspace_actions.add_task(
        Task(board_id=window.model.board_id, stage_id=stage, title="Straight after the cut")
    )
    assert added is None
    with qtbot.waitSignal(window.watcher.reachable, timeout=5000) as lost:
        pass
    assert lost.args == [False]
    assert window.saved_label.text() == "Not connected"
    _sql(server_url, f"ALTER ROLE {role} LOGIN")
    qtbot.waitUntil(lambda: window.saved_label.text() == "All changes saved", timeout=5000)
    window.close()
    stop_watching(window.workspace)
    window.workspace.close()


def test_a_role_that_may_only_read_gets_a_read_only_window(
    qtbot: QtBot, open_window: Callable[..., MainWindow], server_url: str
) -> None:
    Workspace.create(server_url).close()
    reader = f"looker_{server_url.rsplit('_', 1)[-1]}"
    _sql(server_url, f"DROP ROLE IF EXISTS {reader}")
    _sql(server_url, f"CREATE ROLE {reader} LOGIN")
    _sql(server_url, f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {reader}")
    try:
        window = open_window(Workspace.open(server_url.replace("postgres@", f"{reader}@")))
        assert window.workspace.read_only
        assert window.saved_label.text() == "Read-only"
        assert window.banner.isVisible()
        assert window.banner.text().startswith("Your role on the server may only read")
        assert not any(action.isEnabled() for action in window.write_actions)
        window.close()
        stop_watching(window.workspace)
        window.workspace.close()
    finally:
        _drop_connections(server_url, reader)
        _sql(server_url, f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {reader}")
        _sql(server_url, f"DROP ROLE {reader}")


def test_another_persons_move_shows_at_once_keeping_selection_and_scroll(
    qtbot: QtBot, open_window: Callable[..., MainWindow], server_url: str
) -> None:
    from tests.ui.shell.test_two_windows import column, task_id, titles_in

    with Workspace.create(server_url) as seeding:
        board = seeding.boards()[0].key
        stages = {s.name: s.key for s in seeding.stages(board)}
        seeding.add_tasks(
            [
                Task(board_id=board, stage_id=stages["Backlog"], title=f"Filler {n}")
                for n in range(40)
            ]
            + [Task(board_id=board, stage_id=stages["In progress"], title="Theirs to move")]
        )
    window = open_window(Workspace.open(server_url))
    backlog = column(window, "Backlog")
    window.board_view.select_task(task_id(window, "Filler 30"))
    bar = backlog.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    with Workspace.open(server_url) as theirs:
        moving = next(t for t in theirs.tasks() if t.title == "Theirs to move")
        theirs.move_tasks([moving.key], stages["Ready"])
    # Heard through LISTEN/NOTIFY on the connection's socket: nothing polls the tables.
    assert not window.watcher.polling
    qtbot.waitUntil(lambda: "Theirs to move" in titles_in(window, "Ready"), timeout=5000)
    assert backlog.selected_task_ids() == [task_id(window, "Filler 30")]
    assert bar.value() == scrolled
    window.close()
    stop_watching(window.workspace)
    window.workspace.close()
