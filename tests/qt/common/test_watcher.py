"""One change watcher per workspace: one poll of data_version, told to every view."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from mopsboard.qt.common.follow import Follower
from mopsboard.qt.common.watcher import ChangeWatcher, watcher_for
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace


def _commit_elsewhere(path: Path, name: str) -> None:
    with Workspace.open(path) as other:
        other.add_board(name)


def test_one_watcher_per_workspace_tells_every_listener_once(qtbot: QtBot, tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "w.mopsboard")
    try:
        watcher = watcher_for(ws)
        assert watcher_for(ws) is watcher
        told: list[str] = []
        watcher.external.connect(lambda: told.append("first view"))
        watcher.external.connect(lambda: told.append("second view"))
        assert not watcher.poll_now()  # nothing happened yet
        _commit_elsewhere(ws.path, "From elsewhere")
        assert watcher.poll_now()
        assert told == ["first view", "second view"]
        assert not watcher.poll_now()  # the same commit is told once
        assert told == ["first view", "second view"]
        # The poll timer finds the next commit by itself.
        _commit_elsewhere(ws.path, "Later")
        qtbot.waitUntil(lambda: len(told) == 4, timeout=3000)
    finally:
        ws.close()


def test_own_commits_are_reported_with_their_rows_not_as_external(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ws = Workspace.create(tmp_path / "w.mopsboard")
    try:
        watcher = watcher_for(ws)
        changes: list[Change] = []
        external: list[None] = []
        watcher.changed.connect(changes.append)
        watcher.external.connect(lambda: external.append(None))
        board = ws.add_board("Here")
        assert ("boards", frozenset({board.id})) in [(c.table, c.ids) for c in changes]
        assert not watcher.poll_now()
        assert external == []
    finally:
        ws.close()


def test_followers_share_the_workspace_watcher_and_reload_when_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ws = Workspace.create(tmp_path / "w.mopsboard")
    try:
        reloads: dict[str, int] = {"campaigns": 0, "personas": 0}

        def reload(name: str) -> None:
            reloads[name] += 1
            followers[name].loaded()

        followers = {
            name: Follower(ws, [name], lambda n=name: reload(n))
            for name in ("campaigns", "personas")
        }
        assert {id(f.watcher) for f in followers.values()} == {id(watcher_for(ws))}
        for follower in followers.values():
            follower.loaded()
        followers["campaigns"].set_active(True)
        _commit_elsewhere(ws.path, "From elsewhere")
        assert watcher_for(ws).poll_now()
        qtbot.waitUntil(lambda: reloads["campaigns"] == 1, timeout=3000)
        assert reloads["personas"] == 0  # hidden: only marked stale
        assert followers["personas"].stale
        followers["personas"].set_active(True)
        assert reloads["personas"] == 1
    finally:
        ws.close()


def test_a_stopped_watcher_is_forgotten(qtbot: QtBot, tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "w.mopsboard")
    try:
        first: ChangeWatcher = watcher_for(ws)
        first.stop()
        assert watcher_for(ws) is not first
    finally:
        ws.close()
