"""The Scenarios page worked from the keyboard, as every page is (tests/ui/shell/
test_keyboard_focus.py): Tab walks through its controls and back round, the scenarios list and
the compared map are stops, every stop has a name a screen reader says and shows the focus; in
both colour schemes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mopsboard.domain.scenarios import ShiftCampaign
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common.colour_scheme import Appearance, ColourScheme
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.common.scheme_support import installed
from tests.ui.scenarios.scenario_driver import scenarios_page
from tests.ui.shell.test_keyboard_focus import spoken_name, walk

__all__ = ["installed"]  # the fixture, for pytest to find


@pytest.mark.parametrize("appearance", [Appearance.LIGHT, Appearance.DARK])
def test_tab_reaches_every_control_of_the_page(
    qtbot: QtBot,
    installed: ColourScheme,
    open_window,
    board_ws: Workspace,
    appearance: Appearance,
) -> None:
    plan = board_ws.add_scenario("Plan B")
    spring = board_ws.campaign_named("Spring launch")
    board_ws.add_change(plan.key, ShiftCampaign(campaign_id=spring.key, days=7))
    installed.set_appearance(appearance, save=False)
    window: MainWindow = open_window(board_ws)
    page = scenarios_page(window)
    page.scenarios.set_compared(plan.key, True)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    seen = walk(qtbot, window)
    names = [widget.objectName() for widget, _, _ in seen]
    for wanted in ("scenarioList", "scenarioChanges", "compareMap", "compareSummary"):
        assert wanted in names, names
    unnamed = [type(w).__name__ + ":" + w.objectName() for w, _, _ in seen if not spoken_name(w)]
    assert unnamed == []
    unseen = [spoken_name(w) for w, focused, left in seen if focused == left]
    assert unseen == [], "no sign of the focus on these"
