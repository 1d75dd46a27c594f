"""The main window's commands: each one a QAction with its hotkey and icon, in the menus and
the toolbar."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QStatusBar, QToolBar, QWidget

from mopsboard.ui.board.archive_dialog import show_archive
from mopsboard.ui.common import theme
from mopsboard.ui.common.colour_scheme import appearance_menu, follow_scheme
from mopsboard.ui.common.hotkeys import Hotkey, bind
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.shortcuts_dialog import show_shortcuts
from mopsboard.ui.common.theme import Scheme
from mopsboard.ui.shell.backup_dialog import restore_from_backup
from mopsboard.ui.shell.views import VIEWS

if TYPE_CHECKING:
    from mopsboard.qt.board.board_model import BoardModel
    from mopsboard.qt.workspace_actions import WorkspaceActions
    from mopsboard.store.workspace import Workspace
    from mopsboard.ui.board.board_view import BoardView


class MenuHost(Protocol):
    """What the menus and the toolbar call on the main window (which is one); named here so the
    window can build its menus without the two modules importing each other."""

    workspace: Workspace
    workspace_actions: WorkspaceActions
    model: BoardModel
    board_view: BoardView
    recent_menu: QMenu

    @property
    def newWorkspaceRequested(self) -> SignalInstance: ...
    @property
    def openWorkspaceRequested(self) -> SignalInstance: ...
    @property
    def openReadOnlyRequested(self) -> SignalInstance: ...
    @property
    def openServerRequested(self) -> SignalInstance: ...
    @property
    def publishRequested(self) -> SignalInstance: ...
    def new_task(self) -> None: ...
    def edit_selected(self) -> None: ...
    def archive_selected(self) -> None: ...
    def focus_filter(self) -> None: ...
    def edit_stages(self) -> None: ...
    def open_teams(self) -> None: ...
    def save_copy(self) -> None: ...
    def show_about(self) -> None: ...
    def show_view(self, key: str) -> bool: ...
    def fill_recent(self) -> None: ...
    # ... and, being a QMainWindow:
    def window(self) -> QWidget: ...
    def menuBar(self) -> QMenuBar: ...
    def addToolBar(self, toolbar: QToolBar) -> None: ...
    def addAction(self, action: QAction) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def close(self) -> bool: ...


def action(
    window: MenuHost,
    text: str,
    slot: Callable[[], object],
    keys: Hotkey | None,
    icon_name: Icon | None = None,
    name: str | None = None,
) -> QAction:
    made = QAction(text, window.window())
    if icon_name:
        _set_icon(made, icon_name)
    if keys is not None:
        bind(made, keys)
    made.triggered.connect(lambda _checked=False: slot())
    if name:
        made.setObjectName(name)
    window.addAction(made)
    return made


# The icon an action of the window shows, by name: its colour is the scheme's, set again when
# the scheme changes.
ICON_PROPERTY = "mopsboardIcon"


def _set_icon(target: QAction | QMenu, icon_name: Icon) -> None:
    target.setIcon(icon(icon_name, theme.current().icon))
    target.setProperty(ICON_PROPERTY, icon_name.value)


def _recolour_icons(window: QWidget, scheme: Scheme) -> None:
    found: list[QAction | QMenu] = [*window.findChildren(QAction), *window.findChildren(QMenu)]
    for target in found:
        name = target.property(ICON_PROPERTY)
        if name:
            target.setIcon(icon(Icon(name), scheme.icon))


def _history_actions(window: MenuHost) -> tuple[QAction, QAction]:
    """Undo and redo, named after the step they would undo or redo."""
    stack = window.workspace_actions.undo_stack
    undo = bind(stack.createUndoAction(window.window(), "&Undo"), Hotkey.UNDO)
    _set_icon(undo, Icon.UNDO_2)
    undo.setObjectName("undoAction")
    redo = bind(stack.createRedoAction(window.window(), "&Redo"), Hotkey.REDO)
    _set_icon(redo, Icon.REDO_2)
    redo.setObjectName("redoAction")
    return undo, redo


def make_actions(window: MenuHost) -> dict[str, QAction]:
    """Every command of the menus and the toolbar, each with its hotkey and icon."""
    undo, redo = _history_actions(window)

    def a(
        text: str,
        slot: Callable[[], object],
        keys: Hotkey | None,
        icon_name: Icon | None = None,
        name: str | None = None,
    ) -> QAction:
        return action(window, text, slot, keys, icon_name, name)

    filters = window.board_view.filter_bar
    return {
        "undo": undo,
        "redo": redo,
        "new_task": a(
            "&New task\u2026", window.new_task, Hotkey.NEW_TASK, Icon.PLUS, "newTaskAction"
        ),
        "edit_task": a("&Edit task\u2026", window.edit_selected, Hotkey.EDIT_TASK, Icon.PENCIL),
        "archive": a("&Archive task", window.archive_selected, None, Icon.ARCHIVE),
        "find": a("&Find\u2026", window.focus_filter, Hotkey.FIND, Icon.SEARCH),
        "stages": a(
            "&Stages\u2026",
            window.edit_stages,
            Hotkey.EDIT_STAGES,
            Icon.SETTINGS_2,
            "stagesAction",
        ),
        "teams": a("&Teams\u2026", window.open_teams, Hotkey.TEAMS, Icon.USERS, "teamsAction"),
        "clear": a("&Clear filters", filters.reset, Hotkey.CLEAR_FILTERS, Icon.FUNNEL_X),
        "refresh": a("&Reload from file", window.model.reload, Hotkey.RELOAD, Icon.ROTATE_CCW),
        "archived": a(
            "&Archived cards\u2026",
            lambda: show_archive(window.window(), window.workspace_actions, window.model.board_id),
            None,
            Icon.ARCHIVE,
            "archivedCardsAction",
        ),
        **_file_actions(window),
        "keys": a(
            "&Keyboard shortcuts",
            lambda: show_shortcuts(window.window()),
            Hotkey.SHORTCUTS,
            Icon.KEYBOARD,
            "shortcutsAction",
        ),
        "about": a("&About mopsboard", window.show_about, None, Icon.INFO),
    }


def _file_actions(window: MenuHost) -> dict[str, QAction]:
    """The workspace's own commands: new, open, a copy, a backup back, quit."""
    acts = {
        "new_ws": action(
            window,
            "&New workspace\u2026",
            window.newWorkspaceRequested.emit,
            Hotkey.NEW_WORKSPACE,
            Icon.FILE_PLUS,
        ),
        "open_ws": action(
            window,
            "&Open\u2026",
            lambda: window.openWorkspaceRequested.emit(""),
            Hotkey.OPEN_WORKSPACE,
            Icon.FOLDER_OPEN,
        ),
        "open_server": action(
            window,
            "Open &server workspace\u2026",
            window.openServerRequested.emit,
            None,
            None,
            "openServerAction",
        ),
        "publish": action(
            window,
            "&Publish to server\u2026",
            window.publishRequested.emit,
            None,
            None,
            "publishAction",
        ),
        "save_copy": action(
            window, "Save a &copy\u2026", window.save_copy, Hotkey.SAVE_COPY, Icon.COPY
        ),
        "restore": action(
            window,
            "&Restore from backup\u2026",
            lambda: restore_from_backup(
                window.window(),
                window.workspace,
                window.workspace_actions.undo_stack,
                window.openReadOnlyRequested.emit,
                lambda text: window.statusBar().showMessage(text, 8000),
            ),
            None,
            Icon.FILE_DOWN,
            "restoreAction",
        ),
        "quit": action(window, "&Quit", window.close, Hotkey.QUIT, Icon.LOG_OUT),
        **_transfer_actions(window),
    }
    _off_when_read_only(
        window,
        acts["restore"],
        "a backup is put back over the file it is a backup of. Restore a backup from the "
        "window of the workspace it belongs to.",
    )
    if window.workspace.on_server:
        for key, why in (
            ("restore", "the server keeps its own backups; ask whoever runs it"),
            ("publish", "it is on a server already"),
        ):
            acts[key].setEnabled(False)
            said = f"This workspace is on a server: {why}."
            acts[key].setToolTip(said)
            acts[key].setStatusTip(said)
    _off_when_read_only(
        window,
        acts["import"],
        "Nothing can be imported into it. Save a copy (File \u25b8 Save a copy) and import into "
        "the copy.",
    )
    _off_when_read_only(
        window,
        acts["import_calendar"],
        "Nothing can be imported into it. Save a copy (File \u25b8 Save a copy) and import the "
        "calendar into the copy.",
    )
    return acts


def _off_when_read_only(window: MenuHost, made: QAction, why: str) -> None:
    """Greys out a command that would write, in a read-only window, saying why where it is
    greyed (its tooltip in the menu, and the status bar as the pointer rests on it)."""
    if not window.workspace.read_only:
        return
    made.setEnabled(False)
    said = f"This workspace is read-only: {why}"
    made.setToolTip(said)
    made.setStatusTip(said)


def _transfer_actions(window: MenuHost) -> dict[str, QAction]:
    """Work in from other tools, and the workspace or its tasks out (ui/transfer)."""

    def notify(text: str) -> None:
        window.statusBar().showMessage(text, 8000)

    # Imported when first used: the window's first paint does not pay for the importers.
    def import_() -> None:
        from mopsboard.ui.transfer.import_dialog import open_import_dialog

        open_import_dialog(window.window(), window.workspace_actions)

    def import_calendar() -> None:
        from mopsboard.ui.timeline.calendar_import import import_calendar as import_events

        import_events(window.window(), window.workspace_actions)

    def export_workspace() -> None:
        from mopsboard.ui.transfer.exporting import export_workspace_file

        export_workspace_file(window.window(), window.workspace, notify)

    def export_tasks(all_boards: bool) -> None:
        from mopsboard.ui.transfer.exporting import export_tasks as export

        board = None if all_boards else window.model.board_id
        export(window.window(), window.workspace, board, notify)

    return {
        "import": action(window, "&Import\u2026", import_, None, Icon.FILE_DOWN, "importAction"),
        "import_calendar": action(
            window,
            "Import &calendar\u2026",
            import_calendar,
            None,
            Icon.CALENDAR_DAYS,
            "importCalendarAction",
        ),
        "export_ws": action(
            window, "Export &workspace\u2026", export_workspace, None, None, "exportWorkspaceAction"
        ),
        # Which tasks is said in the entry itself: a CSV of one board, or of every board.
        "export_tasks": action(
            window,
            "Export this board's &tasks\u2026",
            lambda: export_tasks(all_boards=False),
            None,
            None,
            "exportTasksAction",
        ),
        "export_all_tasks": action(
            window,
            "Export &all tasks\u2026",
            lambda: export_tasks(all_boards=True),
            None,
            None,
            "exportAllTasksAction",
        ),
    }


def build_menus(window: MenuHost, acts: dict[str, QAction]) -> None:
    menu = window.menuBar()
    file_menu = menu.addMenu("&File")
    # A greyed entry's tooltip says why it is greyed (a read-only window's Import...).
    file_menu.setToolTipsVisible(True)
    file_menu.addActions([acts["new_ws"], acts["open_ws"], acts["open_server"]])
    window.recent_menu = file_menu.addMenu("Open &recent")
    _set_icon(window.recent_menu, Icon.CLOCK)
    window.recent_menu.aboutToShow.connect(window.fill_recent)
    file_menu.addActions([acts["save_copy"], acts["publish"], acts["restore"]])
    file_menu.addSeparator()
    file_menu.addActions(
        [
            acts["import"],
            acts["import_calendar"],
            acts["export_ws"],
            acts["export_tasks"],
            acts["export_all_tasks"],
        ]
    )
    file_menu.addSeparator()
    file_menu.addAction(acts["quit"])
    edit_menu = menu.addMenu("&Edit")
    edit_menu.addActions([acts["undo"], acts["redo"]])
    edit_menu.addSeparator()
    edit_menu.addActions([acts["new_task"], acts["edit_task"], acts["archive"]])
    edit_menu.addSeparator()
    edit_menu.addActions([acts["find"], acts["stages"], acts["teams"]])
    view_menu = menu.addMenu("&View")
    _build_view_menu(window, view_menu)
    view_menu.addSeparator()
    view_menu.addActions([acts["archived"], acts["clear"], acts["refresh"]])
    help_menu = menu.addMenu("&Help")
    help_menu.addActions([acts["keys"], acts["about"]])
    follow_scheme(window.window(), lambda scheme: _recolour_icons(window.window(), scheme))


def _build_view_menu(window: MenuHost, view_menu: QMenu) -> None:
    listed = [("board", "Board", Icon.KANBAN)] + [(v.key, v.title, v.icon) for v in VIEWS]
    for number, (key, title, icon_name) in enumerate(listed, start=1):
        show = functools.partial(window.show_view, key)
        go = action(window, f"&{title}", show, Hotkey.show_view(number), icon_name)
        go.setObjectName(f"show-{key}")
        view_menu.addAction(go)
    view_menu.addSeparator()
    _build_lanes_menu(window, view_menu.addMenu("S&wimlanes"))
    view_menu.addMenu(appearance_menu(window.window()))


class _ShortTwin(QAction):
    """The toolbar's Undo or Redo: one word, so a long step's name ("Undo Move task to board
    'Events 2027'") never pushes the buttons after it across; the name is its tooltip. It does
    what the Edit menu's action (named after the step) does, when that can."""

    def __init__(self, action: QAction, word: str, toolbar: QToolBar) -> None:
        super().__init__(word, toolbar)
        self._action = action
        self.setObjectName(f"{action.objectName()}Button")
        # Slots of this object: the connections go with it, whichever is deleted first.
        action.changed.connect(self.follow)
        self.triggered.connect(action.trigger)
        self.follow()

    def follow(self) -> None:
        action = self._action
        # The menu's action says it changed as its window takes it down: nothing to follow.
        with contextlib.suppress(RuntimeError):
            self.setEnabled(action.isEnabled())
            self.setIcon(action.icon())
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            named = action.text().replace("&", "")
            self.setToolTip(f"{named} ({keys})" if keys else named)


def build_toolbar(window: MenuHost, acts: dict[str, QAction]) -> None:
    toolbar = QToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions(
        [
            acts["new_task"],
            _ShortTwin(acts["undo"], "Undo", toolbar),
            _ShortTwin(acts["redo"], "Redo", toolbar),
        ]
    )
    toolbar.addSeparator()
    toolbar.addActions([acts["stages"], acts["find"]])
    window.addToolBar(toolbar)


def _build_lanes_menu(window: MenuHost, lanes: QMenu) -> None:
    """One checkable entry per grouping, the board's current one ticked, kept in step with the
    filter bar's picker (either may change it)."""
    grouping = window.board_view.filter_bar.grouping
    choices = QActionGroup(lanes)
    for row in range(grouping.count()):
        choice = lanes.addAction(grouping.itemText(row))
        choice.setCheckable(True)
        choice.setChecked(row == grouping.currentIndex())
        choice.triggered.connect(functools.partial(grouping.setCurrentIndex, row))
        choices.addAction(choice)

    def tick(row: int) -> None:
        if 0 <= row < len(choices.actions()):
            choices.actions()[row].setChecked(True)

    grouping.currentIndexChanged.connect(tick)
