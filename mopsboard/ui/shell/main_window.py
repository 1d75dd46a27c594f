"""The main window: sidebar, board, menus, toolbar and status bar around one workspace."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mopsboard import __version__
from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.ids import BoardId, StageId, TaskId
from mopsboard.domain.models import Task
from mopsboard.logfile import log_told
from mopsboard.qt.board.board_model import BoardModel
from mopsboard.qt.common.watcher import POLL_MS, watcher_for
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.board_view import BoardView
from mopsboard.ui.common import conflict_dialog
from mopsboard.ui.common.elided_label import ElidedLabel
from mopsboard.ui.common.hotkeys import Hotkey
from mopsboard.ui.common.icons import Icon, app_icon
from mopsboard.ui.shell import menus
from mopsboard.ui.shell.banner import Banner, LazyPages
from mopsboard.ui.shell.recent import recent_files
from mopsboard.ui.shell.sidebar import Sidebar
from mopsboard.ui.shell.views import VIEWS, page_context
from mopsboard.ui.shell.window_state import GeometryKeeper

# The editors, the stage dialog, the file dialogs and the other pages are imported where they
# are opened: the window's first paint needs none of them.
if TYPE_CHECKING:
    from mopsboard.ui.common.page_context import PageContext

# How soon a commit by another window or program shows (the watcher polls this often).
EXTERNAL_POLL_MS = POLL_MS


class MainWindow(QMainWindow):
    openWorkspaceRequested = Signal(str)
    newWorkspaceRequested = Signal()
    openReadOnlyRequested = Signal(str)
    openServerRequested = Signal()
    publishRequested = Signal()
    # File ▸ Open recent, filled each time it opens (made with the menus, ui/shell/menus.py).
    recent_menu: QMenu
    # Set on the windows opened for the user (app.py), which keep their size and place.
    geometry_keeper: GeometryKeeper | None = None

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.workspace = workspace
        self.setWindowIcon(app_icon())
        where = " (server)" if workspace.on_server else ""
        self.setWindowTitle(f"{workspace.path.stem}{where} \u2014 mopsboard")
        self.workspace_actions = WorkspaceActions(workspace, self)
        conflict_dialog.install(self, self.workspace_actions)
        self.model = BoardModel(workspace, self, task_actions=self.workspace_actions)
        self.board_view = BoardView(self.model, self.workspace_actions)
        self.board_view.openTask.connect(self.edit_task)
        self.board_view.newTaskRequested.connect(self.new_task)
        self.sidebar = Sidebar(self.workspace_actions)
        self.sidebar.boardSelected.connect(self.show_board)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        self.banner = Banner(page)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.board_view)
        # Other views are built the first time they are shown (or asked for), so opening a
        # workspace costs what the board costs.
        self._page_context: PageContext | None = None
        self.pages = LazyPages(self._make_page)
        self.pages["board"] = self.board_view
        for spec in VIEWS:
            self.sidebar.add_view(spec.key, spec.title, spec.icon)
        self.sidebar.viewSelected.connect(self.show_view)
        page_layout.addWidget(self.stack, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(page, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_status_bar()
        self.workspace_actions.failed.connect(self._show_failure)
        self.workspace_actions.wipExceeded.connect(
            lambda text: self.banner.show_message(text, warning=True)
        )
        self.workspace_actions.saved.connect(self._saved)
        workspace.subscribe(self._on_store_change)
        self.model.summaryChanged.connect(self._update_counts)

        # Other windows' and programs' commits, told once for every view of this workspace.
        self.watcher = watcher_for(workspace)
        self.watcher.external.connect(self._follow_external_changes)
        self.watcher.reachable.connect(self._server_reachable)
        self._following_others = True

        self._refresh_boards(self._initial_board())
        if workspace.read_only:
            self.banner.show_message(
                "Your role on the server may only read this workspace: you can look, but "
                "changes are turned off. Ask whoever runs the server for the mopsboard role."
                if workspace.on_server
                else "This workspace is read-only: you can look, but changes are turned off. "
                "Save a copy (File \u25b8 Save a copy) to edit it."
            )
            self.banner.keep()

    # -- building -------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: Hotkey | None,
        icon_name: Icon | None = None,
        name: str | None = None,
    ) -> QAction:
        return menus.action(self, text, slot, keys, icon_name, name)

    def _build_actions(self) -> None:
        acts = menus.make_actions(self)
        self.undo_action, self.redo_action = acts["undo"], acts["redo"]
        menus.build_menus(self, acts)
        menus.build_toolbar(self, acts)
        self.write_actions = [acts["new_task"], acts["edit_task"], acts["archive"], acts["stages"]]
        if self.workspace.read_only:
            for action in self.write_actions:
                action.setEnabled(False)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.path_label = ElidedLabel(self.workspace.location)
        self.path_label.setObjectName("statusPath")
        self.count_label = QLabel()
        self.count_label.setObjectName("statusCounts")
        # A read-only file is never written: "saved" would be a false comfort.
        self.saved_label = QLabel("Read-only" if self.workspace.read_only else "All changes saved")
        self.saved_label.setObjectName("statusSaved")

        bar.addWidget(self.path_label, 1)
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.saved_label)

    # -- boards ---------------------------------------------------------------------------------

    def _settings_key(self) -> str:
        # A server workspace is its address (no password); a file its resolved path.
        workspace = self.workspace
        return workspace.location if workspace.on_server else str(workspace.path.resolve())

    def _initial_board(self) -> BoardId | None:
        remembered = QSettings().value(f"lastBoard/{self._settings_key()}")
        boards = self.workspace.boards()
        ids = [b.id for b in boards]
        if remembered is not None and str(remembered).isdigit() and int(str(remembered)) in ids:
            return BoardId(int(str(remembered)))
        return boards[0].id if boards else None

    def _refresh_boards(self, current: BoardId | None) -> None:
        boards = self.workspace.boards()
        ids = [b.id for b in boards]
        if current not in ids:
            current = boards[0].id if boards else None
        self.sidebar.show_boards(boards, current)
        if current != self.model.board_id or current is None:
            self.show_board(current)

    def _make_page(self, key: str) -> QWidget | None:
        spec = next((s for s in VIEWS if s.key == key), None)
        if spec is None:
            return None
        if self._page_context is None:
            self._page_context = page_context(self)
        view = spec.make(self._page_context)
        view.setObjectName(f"{spec.key}View")
        self.stack.addWidget(view)
        return view

    def show_view(self, key: str) -> bool:
        """Shows the page of a view ("board", or a key from ui/views.py); False if unknown."""
        try:
            page = self.pages[key]
        except KeyError:
            return False
        self.stack.setCurrentWidget(page)
        self.sidebar.select_view(key)
        return True

    def show_board(self, board_id: BoardId | None) -> None:
        if board_id is not None and board_id == self.model.board_id:
            return
        self.model.load(board_id)
        self.sidebar.select_board(board_id)
        if board_id is not None:
            QSettings().setValue(f"lastBoard/{self._settings_key()}", board_id)
        self._update_counts()

    def _on_store_change(self, change: object) -> None:
        table = getattr(change, "table", "")
        if table == "boards":
            self._refresh_boards(self.model.board_id)

    def _check_external_changes(self) -> None:
        """Looks for other connections' commits now, instead of at the next poll."""
        self.watcher.poll_now()

    def _follow_external_changes(self) -> None:
        self._refresh_boards(self.model.board_id)
        self.model.sync_with_store()

    # -- tasks ----------------------------------------------------------------------------------

    def new_task(self, stage_id: StageId | None = None) -> None:
        """Opens the editor for a new task in `stage_id`, else in the column that has focus."""
        if self.model.board_id is None or not self.model.stages:
            self._show_failure("Add a board with at least one stage first.")
            return
        stage = self.model.stages[0]
        wanted = stage_id if stage_id is not None else self.board_view.focused_stage_id()
        stage = next((s for s in self.model.stages if s.id == wanted), stage)
        draft = Task.model_construct(
            board_id=self.model.board_id,
            stage_id=stage.key,
            title="",
            description="",
            rank="",
            labels=(),
            checklist=(),
        )
        from mopsboard.ui.board.task_dialog import TaskDialog

        dialog = TaskDialog(draft, self.model.stages, self.model.lookups, self)
        if dialog.exec() and dialog.result_task is not None:
            created = self.workspace_actions.add_task(dialog.result_task)
            if created is not None and created.id is not None:
                self.board_view.select_task(created.id)

    def edit_selected(self) -> None:
        ids = self.board_view.selected_task_ids()
        if ids:
            self.edit_task(ids[0])

    def edit_task(self, task_id: TaskId) -> None:
        from mopsboard.ui.board import task_editing

        task_editing.edit_task(self, self.workspace_actions, task_id, self.model.lookups)

    def _save_edit(self, original: Task, edited: Task) -> None:
        conflict_dialog.save_task_edit(
            self, self.workspace_actions, original, edited, self.edit_task
        )

    def archive_selected(self) -> None:
        # The board asks first when several cards are selected, as Delete does.
        self.board_view.archive_selected()

    def edit_stages(self) -> None:
        if self.model.board_id is None:
            return
        from mopsboard.ui.board.stage_dialog import StageDialog

        StageDialog(self.workspace_actions, self.model.board_id, self).exec()

    def open_teams(self) -> None:
        from mopsboard.ui.people.team_dialog import open_team_manager

        open_team_manager(self.workspace_actions, self)

    def focus_filter(self) -> None:
        self.board_view.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.board_view.filter_bar.search.selectAll()

    # -- files ----------------------------------------------------------------------------------

    def save_copy(self) -> None:
        from mopsboard.ui.common.file_dialogs import (
            WORKSPACE_FILTER,
            ask_save_path,
            documents_folder,
        )

        workspace = self.workspace
        name = f"{workspace.path.stem} copy.mopsboard"
        target = ask_save_path(
            self,
            "Save a copy",
            documents_folder() / name if workspace.on_server else workspace.path.with_name(name),
            WORKSPACE_FILTER,
            ".mopsboard",
        )
        if target is None:
            return
        try:
            if workspace.on_server:
                # A server workspace has no file to copy: the copy is a file of its own, to
                # take offline or keep as a backup.
                from mopsboard.io.server_copies import copy_into

                if target.exists():
                    target.unlink()  # the save dialog asked before replacing it
                copy_into(workspace, target)
            else:
                workspace.save_copy(target)
        except (MopsboardError, OSError) as error:
            self._show_failure(str(error))
            return
        self.statusBar().showMessage(f"Saved a copy to {target}", 5000)

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.openWorkspaceRequested.emit(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent workspaces").setEnabled(False)

    # -- feedback -------------------------------------------------------------------------------

    def _show_failure(self, text: str) -> None:
        self.banner.show_message(text)
        self.statusBar().showMessage(text, 8000)
        log_told(self.workspace.path.name, text)

    def _saved(self) -> None:
        # Every change is committed as it is made; the tooltip says when the file last changed.
        # (In the label, a time that changes its width laid the status bar out again after
        # every drop, and with it repainted the whole window.)
        self.saved_label.setToolTip(f"Last change saved at {datetime.now():%H:%M:%S}")
        # The poll's data_version is left alone: it moves only for other connections' commits,
        # and taking it here would swallow one made just before (an undo that kept theirs).

    def _server_reachable(self, reachable: bool) -> None:
        """A server workspace's connection lost or back (the watcher tries again each second):
        said until it is back, and the status bar says what a change would meet."""
        if not reachable:
            self.banner.show_message(
                "The server cannot be reached: changes are refused (nothing is kept to send "
                "later) until it is back. mopsboard connects again by itself.",
                warning=True,
            )
            self.banner.keep()
            self.saved_label.setText("Not connected")
            return
        self.banner.show_message(
            "Connected to the server again; the board shows what others changed meanwhile."
        )
        self.saved_label.setText("Read-only" if self.workspace.read_only else "All changes saved")

    def _update_counts(self) -> None:
        total = len(self.model.tasks)
        shown = self.model.shown_count()
        text = f"{total} tasks" if shown == total else f"{shown} of {total} tasks shown"
        self.count_label.setText(text)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About mopsboard",
            f"<b>mopsboard {__version__}</b><p>Kanban boards for marketing-operations teams: "
            "campaigns, personas and team capacity, in one local file you own.</p>"
            f"<p>Workspace: {self.workspace.location}</p><p>Icons: Lucide (ISC/MIT licence).</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._following_others:  # a window may be asked to close more than once
            self._following_others = False
            self.watcher.external.disconnect(self._follow_external_changes)
            self.watcher.reachable.disconnect(self._server_reachable)
        super().closeEvent(event)
