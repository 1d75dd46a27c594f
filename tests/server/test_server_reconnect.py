"""A lost connection to the server: an edit meanwhile is refused in words (never queued), and
the workspace connects again by itself; the watcher says so and tells the views to re-read."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from mopsboard.qt.common.watcher import ChangeWatcher, watcher_for
from mopsboard.store.database import WorkspaceError
from mopsboard.store.workspace import Workspace


def _sql(url: str, statement: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement.encode())


def _drop_connections(url: str, role: str) -> None:
    """What a server restart or a network cut does to every connection of `role`."""
    _sql(
        url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE usename = '{role}' AND pid <> pg_backend_pid()",
    )


@pytest.fixture
def planner(server_url: str) -> Iterator[tuple[str, str]]:
    """A role of its own (its connections can be cut and its logins refused), and its URL."""
    Workspace.create(server_url).close()
    role = f"planner_{server_url.rsplit('_', 1)[-1]}"
    _sql(server_url, f"DROP ROLE IF EXISTS {role}")
    _sql(server_url, f"CREATE ROLE {role} LOGIN")
    _sql(
        server_url, f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"
    )
    _sql(server_url, f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}")
    yield role, server_url.replace("postgres@", f"{role}@")
    _drop_connections(server_url, role)
    _sql(server_url, f"DROP OWNED BY {role}")
    _sql(server_url, f"DROP ROLE {role}")


def test_after_a_lost_connection_the_next_action_connects_again(
    planner: tuple[str, str], server_url: str
) -> None:
    role, url = planner
    with Workspace.open(url) as ws:
        _drop_connections(server_url, role)
        ws.add_board("After the cut")
        _drop_connections(server_url, role)
        assert [b.name for b in ws.boards()] == ["Campaign board", "After the cut"]


def test_an_edit_while_the_server_cannot_be_reached_is_refused_in_words_not_queued(
    planner: tuple[str, str], server_url: str
) -> None:
    role, url = planner
    with Workspace.open(url) as ws:
        _sql(server_url, f"ALTER ROLE {role} NOLOGIN")
        _drop_connections(server_url, role)
        with pytest.raises(WorkspaceError, match="cannot be reached"):
            ws.add_board("While cut off")
        _sql(server_url, f"ALTER ROLE {role} LOGIN")
        assert [b.name for b in ws.boards()] == ["Campaign board"]
        ws.add_board("Back")
        assert [b.name for b in ws.boards()] == ["Campaign board", "Back"]


@pytest.fixture
def watched(planner: tuple[str, str]) -> Iterator[tuple[Workspace, ChangeWatcher]]:
    ws = Workspace.open(planner[1])
    watcher = watcher_for(ws)
    yield ws, watcher
    watcher.stop()
    ws.close()


def test_the_watcher_says_the_connection_was_lost_and_back_and_hears_again(
    qtbot: QtBot,
    planner: tuple[str, str],
    server_url: str,
    watched: tuple[Workspace, ChangeWatcher],
) -> None:
    role, _url = planner
    ws, watcher = watched
    assert not watcher.polling
    _sql(server_url, f"ALTER ROLE {role} NOLOGIN")
    with qtbot.waitSignal(watcher.reachable, timeout=5000) as lost:
        _drop_connections(server_url, role)
    assert lost.args == [False]
    assert watcher.polling  # trying to connect again, once a second; no table is read
    news: list[bool] = []
    watcher.external.connect(lambda: news.append(True))
    _sql(server_url, f"ALTER ROLE {role} LOGIN")
    with qtbot.waitSignal(watcher.reachable, timeout=5000) as back:
        pass
    assert back.args == [True]
    assert news == [True]  # what changed while it was cut off is unknown: views re-read
    assert not watcher.polling
    with qtbot.waitSignal(watcher.external, timeout=5000), Workspace.open(server_url) as other:
        other.add_board("Theirs, after the cut")
    assert "Theirs, after the cut" in [b.name for b in ws.boards()]
