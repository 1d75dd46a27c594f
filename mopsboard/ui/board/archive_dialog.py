"""A board's archived cards, to find and restore: a filter box (title, description, labels),
the cards with the stage each returns to, and Restore, one undoable step for all selected.

It stays open beside the board (not modal), so the restored cards can be seen arriving in
their stages; Undo and Redo work in it as in the window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.ids import BoardId, TaskId
from mopsboard.qt.board.archive_model import (
    ARCHIVED,
    CAMPAIGN,
    CARD,
    ArchiveFilter,
    ArchiveModel,
    TaskIdRole,
)
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.common.hotkeys import Hotkey, bind
from mopsboard.ui.common.icons import Icon, icon

CAMPAIGN_WIDTH = 190


class ArchiveDialog(QDialog):
    def __init__(
        self, actions: WorkspaceActions, board_id: BoardId, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("archiveDialog")
        self.workspace_actions = actions
        self.workspace = actions.workspace
        self.board_id = board_id
        board = self.workspace.board(board_id)
        self.setWindowTitle(f"Archived cards: {board.name}")
        self.model = ArchiveModel(self.workspace, self)
        self.proxy = ArchiveFilter(self)
        self.proxy.setSourceModel(self.model)
        self.model.set_board(board_id)

        self.search = QLineEdit()
        self.search.setObjectName("archiveFilter")
        self.search.setAccessibleName("Find archived cards")
        self.search.setPlaceholderText("Find archived cards (title, description, labels)")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon(Icon.SEARCH), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._filter)
        self.table = self._build_table()
        self.count = QLabel()
        self.count.setObjectName("archiveCount")
        self.message = QLabel()
        self.message.setObjectName("archiveMessage")
        self.message.setWordWrap(True)
        self.restore_button = QPushButton(icon(Icon.ROTATE_CCW), "&Restore")
        self.restore_button.setObjectName("archiveRestore")
        self.restore_button.setToolTip("Put the selected cards back in their stages")
        self.restore_button.clicked.connect(self.restore_selected)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(self._build_footer())
        self.model.modelReset.connect(self._update)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.resize(900, 480)
        self._update()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("archiveTable")
        table.setAccessibleName("Archived cards")
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.sortByColumn(ARCHIVED, Qt.SortOrder.DescendingOrder)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CARD, QHeaderView.ResizeMode.Stretch)
        # A long campaign name gives way to the card's title (whole in its tooltip).
        header.setSectionResizeMode(CAMPAIGN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CAMPAIGN, CAMPAIGN_WIDTH)
        return table

    def _build_footer(self) -> QHBoxLayout:
        stack = self.workspace_actions.undo_stack
        undo = bind(stack.createUndoAction(self, "Undo"), Hotkey.UNDO)
        undo.setIcon(icon(Icon.UNDO_2))
        redo = bind(stack.createRedoAction(self, "Redo"), Hotkey.REDO)
        redo.setIcon(icon(Icon.REDO_2))
        footer = QHBoxLayout()
        for action, name in ((undo, "archiveUndo"), (redo, "archiveRedo")):
            # Icon only: the actions' text names the step, and grows long.
            tool = QToolButton()
            tool.setObjectName(name)
            tool.setDefaultAction(action)
            footer.addWidget(tool)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo
        footer.addWidget(self.message, 1)
        footer.addWidget(self.restore_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        footer.addWidget(close)
        return footer

    # -- following --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.model.set_active(True)

    def hideEvent(self, event: QHideEvent) -> None:
        self.model.set_active(False)
        super().hideEvent(event)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update()

    def _update(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            self.count.setText("This board has no archived cards.")
        elif shown == total:
            self.count.setText(f"{total} archived card{'s' if total != 1 else ''}")
        elif shown == 0:
            self.count.setText(
                f"No archived card matches \u201c{self.search.text().strip()}\u201d."
            )
        else:
            verb = "matches" if shown == 1 else "match"
            self.count.setText(f"{shown} of {total} archived cards {verb}")
        read_only = self.workspace.read_only
        self.restore_button.setEnabled(bool(self.selected_ids()) and not read_only)
        if read_only:
            self.restore_button.setToolTip("The workspace is open read-only.")

    # -- restoring --------------------------------------------------------------------------

    def selected_ids(self) -> list[TaskId]:
        rows = self.table.selectionModel().selectedRows()
        return [
            TaskId(int(index.data(TaskIdRole))) for index in sorted(rows, key=lambda i: i.row())
        ]

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.workspace.read_only:
            return
        before = self.model.rowCount()
        self.workspace_actions.archive_tasks(ids, archived=False)
        self.model.reload()
        restored = before - self.model.rowCount()
        if restored == 1:
            self.message.setText("Restored 1 card to its stage. Undo puts it back.")
        elif restored > 1:
            self.message.setText(f"Restored {restored} cards to their stages. Undo puts them back.")


def show_archive(
    parent: QWidget, actions: WorkspaceActions, board_id: BoardId | None
) -> ArchiveDialog | None:
    """Shows the archived cards of `board_id` beside `parent`'s window (one dialog per board,
    brought forward when it is already open); None when no board is shown."""
    if board_id is None:
        return None
    window = parent.window()
    for dialog in window.findChildren(ArchiveDialog):
        if dialog.board_id == board_id and dialog.isVisible():
            break
    else:
        dialog = ArchiveDialog(actions, board_id, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
