"""The people's public holidays are loaded while the window is idle after it opens, a country
at a time, so the first capacity map does not wait for them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Member, Team
from mopsboard.qt.capacity import holiday_warmup
from mopsboard.store.workspace import Workspace


def test_each_active_persons_country_is_loaded_for_this_year_and_next(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[tuple[str, int]] = []
    monkeypatch.setattr(holiday_warmup, "holiday_ordinals", lambda c, y: loaded.append((c, y)))
    monkeypatch.setattr(holiday_warmup, "START_MS", 0)
    with Workspace.create(tmp_path / "w.mopsboard") as ws:
        team = ws.add_team(Team(name="Content"))
        for name, country, active in [
            ("Ana", "GB", True),
            ("Ben", "DE-BY", True),
            ("Cy", "GB", True),
            ("Dee", "FR", False),
            ("Eli", None, True),
        ]:
            ws.add_member(
                Member(team_id=team.key, name=name, holiday_country=country, active=active)
            )
        host = QWidget()
        qtbot.addWidget(host)
        holiday_warmup.warm_holidays(ws, host, today=date(2026, 12, 1))
        qtbot.waitUntil(lambda: len(loaded) == 4, timeout=2000)
        qtbot.wait(20)
    assert sorted(loaded) == [("DE-BY", 2026), ("DE-BY", 2027), ("GB", 2026), ("GB", 2027)]


def test_a_closed_workspace_is_left_alone(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[tuple[str, int]] = []
    monkeypatch.setattr(holiday_warmup, "holiday_ordinals", lambda c, y: loaded.append((c, y)))
    monkeypatch.setattr(holiday_warmup, "START_MS", 0)
    ws = Workspace.create(tmp_path / "w.mopsboard")
    host = QWidget()
    qtbot.addWidget(host)
    holiday_warmup.warm_holidays(ws, host)
    ws.close()
    del ws
    qtbot.wait(50)
    assert loaded == []
