"""Live changes across connections on a server workspace: the change watcher is told through
LISTEN/NOTIFY on the connection's socket, and polls nothing."""

from __future__ import annotations

import select
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Task
from mopsboard.qt.common.watcher import ChangeWatcher, watcher_for
from mopsboard.store.workspace import Workspace


@pytest.fixture
def two(server_url: str) -> Iterator[tuple[Workspace, Workspace]]:
    mine = Workspace.create(server_url)
    theirs = Workspace.open(server_url)
    yield mine, theirs
    theirs.close()
    mine.close()


@pytest.fixture
def watcher(two: tuple[Workspace, Workspace]) -> Iterator[ChangeWatcher]:
    made = watcher_for(two[0])
    yield made
    made.stop()


def test_another_connections_commit_is_heard_without_polling(
    qtbot: QtBot, two: tuple[Workspace, Workspace], watcher: ChangeWatcher
) -> None:
    mine, theirs = two
    assert not watcher.polling
    board = theirs.boards()[0]
    with qtbot.waitSignal(watcher.external, timeout=5000):
        theirs.add_task(
            Task(board_id=board.key, stage_id=theirs.stages(board.key)[0].key, title="A")
        )
    assert [t.title for t in mine.tasks(board.key)] == ["A"]


def test_news_that_came_in_during_a_statement_is_still_told(
    qtbot: QtBot, two: tuple[Workspace, Workspace], watcher: ChangeWatcher
) -> None:
    mine, theirs = two
    theirs.add_board("Theirs")
    socket = mine.notification_socket()
    assert socket is not None
    readable, _, _ = select.select([socket], [], [], 5)
    assert readable  # the news is waiting on the socket, and the event loop has not seen it:
    mine.boards()  # this statement reads it off the socket first
    with qtbot.waitSignal(watcher.external, timeout=5000):
        pass
    assert [b.name for b in mine.boards()] == ["Campaign board", "Theirs"]


def test_this_connections_own_commits_are_reports_not_news(
    qtbot: QtBot, two: tuple[Workspace, Workspace], watcher: ChangeWatcher
) -> None:
    mine, _theirs = two
    with qtbot.waitSignal(watcher.changed, timeout=1000):
        mine.add_board("Mine")
    with qtbot.assertNotEmitted(watcher.external, wait=300):
        pass
