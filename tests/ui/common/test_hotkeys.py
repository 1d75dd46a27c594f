"""The F1 list (a dialog, opened with F1) says exactly what the window binds, every binding
comes from the hotkey table, and no key sequence is bound twice where both could fire."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import mopsboard
from mopsboard.domain.models import Task
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.stage_list import StageListView
from mopsboard.ui.common import hotkeys
from mopsboard.ui.common.hotkeys import Hotkey
from mopsboard.ui.common.shortcuts_dialog import ShortcutsDialog
from mopsboard.ui.people.team_dialog import TeamDialog
from mopsboard.ui.shell.main_window import MainWindow

PACKAGE = Path(mopsboard.__file__).parent
NATIVE = QKeySequence.SequenceFormat.NativeText
WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def key_texts(binding: QAction | QShortcut) -> list[str]:
    keys = binding.shortcuts() if isinstance(binding, QAction) else binding.keys()
    return [key.toString(NATIVE) for key in keys if not key.isEmpty()]


def bindings(root: QWidget) -> list[QAction | QShortcut]:
    """Every action and shortcut in `root` that has a key, found by walking its object tree."""
    found: list[QAction | QShortcut] = [*root.findChildren(QAction), *root.findChildren(QShortcut)]
    return [binding for binding in dict.fromkeys(found) if key_texts(binding)]


def open_f1(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    """Presses F1 in the window, as a user does, and returns the list it opened."""
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialogs = [d for d in window.findChildren(ShortcutsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def listed_keys(dialog: ShortcutsDialog) -> list[str]:
    """The keys the F1 list names for the window's bindings, one entry per key."""
    keys: list[str] = []
    for column, what in dialog.tables[0].rows():
        assert what.strip(), column
        keys.extend(column.split(", "))
    return keys


def test_the_f1_list_names_each_bound_key_once_and_nothing_else(
    qtbot: QtBot, window: MainWindow
) -> None:
    listed = listed_keys(open_f1(qtbot, window))
    assert [key for key, count in Counter(listed).items() if count > 1] == []
    bound = {key for binding in bindings(window) for key in key_texts(binding)}
    assert sorted(listed) == sorted(bound)
    # The keys the list used to show twice or not at all.
    assert listed.count("Ctrl+Shift+T") == 1
    assert {"Ctrl+N", "Ctrl+1", "Ctrl+5", "F1", "Del", "Ctrl+Left"} <= set(listed)


def test_the_f1_list_says_what_each_key_does(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_f1(qtbot, window)
    rows = dict(dialog.tables[0].rows())
    assert rows["Ctrl+Shift+T"].startswith("Teams and people")
    assert (rows["Ctrl+1"], rows["Ctrl+2"], rows["F1"]) == (
        "Show Board",
        "Show Capacity",
        "This list",
    )
    # The keys the views handle themselves, each view under its own title.
    notes = dialog.tables[1]
    titles = [notes.item(row, 0).text() for row in notes.headings()]
    assert titles == [title for title, _rows in hotkeys.NOTES]
    assert notes.rows() == [row for _title, rows in hotkeys.NOTES for row in rows]
    assert ("Drag a bar", "Move it sideways by whole days") in notes.rows()


def test_the_f1_list_fits_on_a_small_screen_and_closes_with_esc(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_f1(qtbot, window)
    rows = dialog.rows()
    assert len(rows) == len(set(rows)), "a line is listed twice"
    for table in dialog.tables:
        metrics = table.fontMetrics()
        bold = QFontMetrics(table.item(0, 0).font())
        titles = set(table.headings())
        for row in range(table.rowCount()):
            if row in titles:
                assert bold.horizontalAdvance(table.item(row, 0).text()) < table.viewport().width()
                continue
            keys, what = table.item(row, 0).text(), table.item(row, 1).text()
            # Each text on one line, whole, in its own column: the columns line up.
            assert bold.horizontalAdvance(keys) < table.columnWidth(0), keys
            assert metrics.horizontalAdvance(what) < table.columnWidth(1), what
            assert table.rowHeight(row) < 2 * metrics.height(), what
        # Every row in sight: nothing to scroll.
        assert table.verticalScrollBar().maximum() == 0
        assert table.horizontalHeader().length() <= table.viewport().width()
    assert dialog.height() <= 700 - 60 and dialog.width() <= 1024
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    # F1 again opens the list again, once.
    assert open_f1(qtbot, window) is not None


def test_every_binding_comes_from_the_table(window: MainWindow) -> None:
    for binding in bindings(window):
        assert isinstance(binding, QAction), f"a QShortcut outside the table: {key_texts(binding)}"
        hotkey = hotkeys.hotkey_of(binding)
        assert hotkey is not None, f"{binding.text()!r} has keys {key_texts(binding)} of its own"
        assert binding.shortcuts() == hotkey.sequences


def test_every_hotkey_in_the_table_is_bound_by_the_window(window: MainWindow) -> None:
    named = {hotkeys.hotkey_of(action) for action in window.findChildren(QAction)}
    assert set(Hotkey) - named == set()


def assert_no_key_twice(root: QWidget) -> None:
    """Window-wide keys are unique in the window; a widget's own keys are unique among
    themselves and the window-wide ones (when it has focus, both would fire: Qt fires neither)."""
    window_wide: list[str] = []
    per_widget: dict[QObject, list[str]] = {}
    for binding in bindings(root):
        keys = key_texts(binding)
        assert len(keys) == len(set(keys)), f"{keys} bound twice by one action"
        context = binding.shortcutContext() if isinstance(binding, QAction) else binding.context()
        if context in WINDOW_WIDE:
            window_wide.extend(keys)
            continue
        assert isinstance(binding, QAction)
        for widget in binding.associatedObjects():
            per_widget.setdefault(widget, []).extend(keys)
    assert [key for key, count in Counter(window_wide).items() if count > 1] == []
    for widget, keys in per_widget.items():
        both = Counter(window_wide + keys)
        assert [key for key, count in both.items() if count > 1] == [], widget.objectName()


def test_no_key_sequence_is_bound_twice_in_one_context(window: MainWindow) -> None:
    assert_no_key_twice(window)


def test_the_card_keys_belong_to_each_column(window: MainWindow) -> None:
    columns = window.board_view.findChildren(StageListView)
    assert len(columns) >= 2
    for column in columns:
        own = {hotkeys.hotkey_of(action) for action in column.actions()}
        assert {Hotkey.ARCHIVE_CARDS, Hotkey.CARD_TO_NEXT_STAGE, Hotkey.NEXT_COLUMN} <= own
        for action in column.actions():
            assert action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut


def test_the_team_dialog_binds_undo_and_redo_from_the_table(
    qtbot: QtBot,
    capacity_ws: Workspace,
    make_actions: Callable[[Workspace], WorkspaceActions],
) -> None:
    dialog = TeamDialog(make_actions(capacity_ws))
    qtbot.addWidget(dialog)
    named = {hotkeys.hotkey_of(b) for b in bindings(dialog) if isinstance(b, QAction)}
    assert named == {Hotkey.UNDO, Hotkey.REDO}
    assert_no_key_twice(dialog)


def test_keys_are_given_only_through_the_table() -> None:
    pattern = re.compile(r"\.setShortcuts?\(|\bQShortcut\(|\bsetShortcutContext\(")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PACKAGE / "ui" / "common" / "hotkeys.py"
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_redo_takes_ctrl_shift_z_as_well_as_ctrl_y(
    qtbot: QtBot, window: MainWindow, board_ws: Workspace
) -> None:
    """Ctrl+Shift+Z redoes wherever Ctrl+Z undoes, whichever of the platform's redo keys comes
    first (offscreen, Ctrl+Y), as in the editors people use beside this app."""
    board = board_ws.boards()[0].key
    stage = board_ws.stages(board)[0].key
    added = window.workspace_actions.add_task(Task(board_id=board, stage_id=stage, title="Brief"))
    assert added is not None
    window.activateWindow()
    control = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window, Qt.Key.Key_Z, control)
    assert "Brief" not in {t.title for t in board_ws.tasks()}
    qtbot.keyClick(window, Qt.Key.Key_Z, control | Qt.KeyboardModifier.ShiftModifier)
    assert "Brief" in {t.title for t in board_ws.tasks()}
    qtbot.keyClick(window, Qt.Key.Key_Z, control)
    qtbot.keyClick(window, Qt.Key.Key_Y, control)
    assert "Brief" in {t.title for t in board_ws.tasks()}
