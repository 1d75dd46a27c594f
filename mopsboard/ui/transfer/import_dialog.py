"""File ▸ Import…: a Trello board export or a CSV file, previewed as it will land, then brought in
as one undo step.

The file is read (and read again whenever an option changes) on a worker thread, with a busy bar
and Cancel; what it found is shown row by row as it will land (stage and whether it is new,
assignee, labels, dates, checklist), with each CSV column's field editable. Import writes it in
one transaction and one undo step, then says what came in and what was skipped, and why.
"""

from __future__ import annotations

import gc
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mopsboard.io.importers.csv_fields import FIELDS, IGNORE
from mopsboard.io.importers.reading import ImportOptions
from mopsboard.qt.common.actions import ActionHistory
from mopsboard.qt.transfer.import_actions import import_as_one_step, summary_text
from mopsboard.store.board_import import BoardImport, ImportResult
from mopsboard.store.open_files import is_open_here
from mopsboard.ui.common.file_dialogs import ask_open_path
from mopsboard.ui.common.screen_fit import resize_to_fit
from mopsboard.ui.transfer.import_reading import Preview, in_dialog_words, read_preview
from mopsboard.ui.transfer.workspace_from_file import make_workspace_from_file

IMPORT_FILTER = "Trello export or CSV (*.json *.csv *.tsv *.txt)"
NEW_BOARD = "A new board"
DATE_ORDERS = (
    ("Decide from the dates", None),
    ("Day first (05/06 is 5 June)", True),
    ("Month first (05/06 is May 6)", False),
)
PREVIEW_ROWS = 50
PREVIEW_COLUMNS = (
    "Title",
    "Stage",
    "Assignee",
    "Labels",
    "Start to due",
    "Estimate",
    "Checklist",
    "Description",
)
MAPPING_ROWS_SHOWN = 8
_ROW_HEIGHT = 26
# A description is one line of the preview, and at most a screenful in its tooltip.
_DESCRIPTION_SHOWN = 300
_DESCRIPTION_TIP = 2000
_POLL_MS = 50


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _read_without_collecting(path: Path, options: ImportOptions) -> Preview:
    """The file read on the worker thread with the cyclic collector held back: run there, it
    would destroy the window's Qt objects that wait in reference cycles on the wrong thread (Qt
    refuses to stop their timers, and it is unsafe). The window's thread collects them after."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return read_preview(path, options)
    finally:
        if collecting:
            gc.enable()


class ImportDialog(QDialog):
    def __init__(self, actions: ActionHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a board")
        self.setObjectName("importDialog")
        self._actions = actions
        self._path: Path | None = None
        self._preview: Preview | None = None
        self._mapping: dict[str, str] = {}
        self._pool = ThreadPoolExecutor(max_workers=1)
        self._pending: Future[Preview] | None = None
        self._timer = QTimer(self, interval=_POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.result_of_import: ImportResult | None = None
        self.made_workspace: Path | None = None
        self._build_fields()
        self._build_layout()
        self._connect_signals()
        resize_to_fit(self, QSize(980, 760))

    # -- building -------------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.file_line = QLineEdit(placeholderText="Type the file's path, or Browse\u2026")
        self.file_line.setObjectName("importFile")
        self.choose_button = QPushButton("Browse\u2026")
        self.format_label = QLabel("")
        self.target = QComboBox()
        self.target.addItem(NEW_BOARD, None)
        for board in self._actions.workspace.boards():
            self.target.addItem(board.name, board.name)
        self.archived = QCheckBox("Archived cards too (they come in archived)")
        self.dates = QComboBox()
        for text, value in DATE_ORDERS:
            self.dates.addItem(text, value)
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(["Column", "First value", "Field"])
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().hide()
        self.columns.verticalHeader().setDefaultSectionSize(_ROW_HEIGHT)
        # Eight columns in view and the header: a Jira export has dozens to look through.
        self.columns.setMinimumHeight(_ROW_HEIGHT * (MAPPING_ROWS_SHOWN + 1) + 6)
        self.preview = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.preview.setHorizontalHeaderLabels(list(PREVIEW_COLUMNS))
        header = self.preview.horizontalHeader()
        # The title and the description share what the short columns leave.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 120)
        header.setSectionResizeMode(len(PREVIEW_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.preview.verticalHeader().hide()
        self.preview.verticalHeader().setDefaultSectionSize(_ROW_HEIGHT)
        # A row per task: a long description is cut at the column's end, whole in its tooltip.
        self.preview.setWordWrap(False)
        self.preview.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.preview.setMinimumHeight(_ROW_HEIGHT * 3 + 6)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.message = QLabel("", wordWrap=True)
        self.message.setObjectName("importMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A busy bar: reading a file has no count of its own to show.
        self.progress = QProgressBar(minimum=0, maximum=0)
        self.stop_button = QPushButton("Cancel reading")
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.new_workspace_button = self.buttons.addButton(
            "Make a new workspace from this file\u2026", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.new_workspace_button.setObjectName("newWorkspaceFromFile")
        self.new_workspace_button.setVisible(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setEnabled(False)

    def _build_layout(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_line, 1)
        file_row.addWidget(self.choose_button)
        # Where it goes and how it is read, on one row: the tables below keep the height.
        options_row = QHBoxLayout()
        options_row.addWidget(self.target, 1)
        options_row.addWidget(QLabel("Dates"))
        options_row.addWidget(self.dates, 1)
        options_row.addWidget(self.archived)
        form = QFormLayout()
        form.addRow("File", file_row)
        form.addRow("Format", self.format_label)
        form.addRow("Into", options_row)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.columns_label = QLabel("Columns (change a field to map the column differently)")
        self.columns_box = _titled(self.columns_label, self.columns)
        preview_box = _titled(QLabel("As the tasks will land (the first rows)"), self.preview)
        # The mapping and the preview share the height; the user may give either more.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("importSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.columns_box)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(busy)
        layout.addWidget(self.buttons)
        self._show_columns(False)
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)

    def _connect_signals(self) -> None:
        self.choose_button.clicked.connect(self._choose)
        # Enter, or leaving the box: a typed path is read as a chosen one.
        self.file_line.editingFinished.connect(self._typed_path)
        self.target.currentIndexChanged.connect(self._reread)
        self.archived.toggled.connect(self._reread)
        self.dates.currentIndexChanged.connect(self._reread)
        self.stop_button.clicked.connect(self._stop)
        self.new_workspace_button.clicked.connect(self._make_workspace)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)

    # -- reading --------------------------------------------------------------------------------

    def _choose(self) -> None:
        start = self._path.parent if self._path else Path.home()
        path = ask_open_path(self, "Import a board", start, IMPORT_FILTER)
        if path is not None:
            self.open_file(path)

    def _typed_path(self) -> None:
        text = self.file_line.text().strip()
        if not text or (self._path is not None and text == str(self._path)):
            return
        path = Path(text).expanduser()
        if not path.is_file():
            self._stop()
            self._path = None
            self._show(Preview("", None, f"There is no file at {path}."))
            return
        self.open_file(path)

    def open_file(self, path: Path) -> None:
        if is_open_here(path):
            # Reading it would drop the SQLite locks its window holds (store/open_files.py).
            self._stop()
            self._path = None
            self.file_line.setText(str(path))
            self._show(
                Preview(
                    "",
                    None,
                    f"{path.name} is a workspace open in mopsboard: it is not a file to import. "
                    "To bring a workspace in, export it (File \u25b8 Export workspace\u2026) "
                    "and import that file.",
                )
            )
            return
        self._path = path
        self._mapping = {}
        self.file_line.setText(str(path))
        self._reread()

    def options(self) -> ImportOptions:
        return ImportOptions(
            archived=self.archived.isChecked(),
            dayfirst=self.dates.currentData(),
            mapping=dict(self._mapping),
        )

    def _reread(self) -> None:
        if self._path is None:
            return
        self._stop()
        self.import_button.setEnabled(False)
        self.message.setText("Reading the file…")
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)
        self._pending = self._pool.submit(_read_without_collecting, self._path, self.options())
        self._timer.start()

    def _stop(self) -> None:
        """Cancel: the reading's result is dropped when it comes."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
            self.message.setText("Reading cancelled.")
        self._timer.stop()
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)

    def wait_for_preview(self) -> None:
        """Blocks until the file is read (for scripts and tests)."""
        if self._pending is not None:
            self._pending.result()
            self._poll()

    def _poll(self) -> None:
        pending = self._pending
        if pending is None or not pending.done():
            return
        self._pending = None
        self._timer.stop()
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)
        self._show(pending.result())

    def _show(self, preview: Preview) -> None:
        self._preview = preview
        self.format_label.setText(preview.format_name)
        self.message.setText(preview.problem or preview.counts)
        self.import_button.setEnabled(preview.plan is not None)
        self.import_button.setVisible(not preview.workspace_file)
        self.new_workspace_button.setVisible(preview.workspace_file)
        self.target.setEnabled(not preview.workspace_file)
        self._fill_columns(preview)
        self._fill_preview(preview.plan)

    def _show_columns(self, shown: bool) -> None:
        self.columns_box.setVisible(shown)
        self.dates.setEnabled(shown)

    def _fill_columns(self, preview: Preview) -> None:
        self._show_columns(bool(preview.headers))
        self.columns.setRowCount(len(preview.headers))
        for row, (header, first, field) in enumerate(
            zip(preview.headers, preview.first_values, preview.fields, strict=True)
        ):
            self.columns.setItem(row, 0, _item(header))
            self.columns.setItem(row, 1, _item(first))
            choice = QComboBox()
            choice.addItems([IGNORE, *FIELDS])
            choice.setCurrentText(field)
            choice.currentTextChanged.connect(lambda chosen, h=header: self._map(h, chosen))
            self.columns.setCellWidget(row, 2, choice)

    def _map(self, header: str, field: str) -> None:
        self._mapping[header] = field
        self._reread()

    def _fill_preview(self, plan: BoardImport | None) -> None:
        tasks = plan.tasks[:PREVIEW_ROWS] if plan else ()
        existing = self._existing_stages()
        self.preview.setRowCount(len(tasks))
        for row, task in enumerate(tasks):
            stage = task.stage or "(the board's first stage)"
            if existing is not None and task.stage and task.stage.casefold() not in existing:
                stage += " (new stage)"
            dates = " to ".join(str(d) if d else "…" for d in (task.start, task.due))
            done = sum(1 for item in task.checklist if item.done)
            cells = [
                task.title,
                stage,
                task.assignee or "",
                ", ".join(task.labels),
                "" if not (task.start or task.due) else dates,
                "" if task.estimate is None else f"{task.estimate:g} h",
                f"{done}/{len(task.checklist)}" if task.checklist else "",
                " ".join(task.description.split())[:_DESCRIPTION_SHOWN],
            ]
            items = [_item(text) for text in cells]
            if task.description:
                items[-1].setToolTip(task.description[:_DESCRIPTION_TIP])
            for column, item in enumerate(items):
                self.preview.setItem(row, column, item)

    def _existing_stages(self) -> set[str] | None:
        name = self.target.currentData()
        if name is None:
            return None
        workspace = self._actions.workspace
        board = workspace.board_named(name)
        return {s.name.casefold() for s in workspace.stages(board.key)}

    # -- importing ------------------------------------------------------------------------------

    def _import(self) -> None:
        plan = self._preview.plan if self._preview else None
        if plan is None:
            return
        result = import_as_one_step(self._actions, plan, self.target.currentData())
        if result is not None:
            QMessageBox.information(self, "Imported", in_dialog_words(summary_text(result)))
            self.result_of_import = result
            self.accept()

    def _make_workspace(self) -> None:
        """A workspace file becomes a workspace of its own, opened the way File > Open opens
        one: through the window's openWorkspaceRequested (this dialog's parent window)."""
        if self._path is None:
            return
        made = make_workspace_from_file(self, self._path)
        if made is None:
            return
        self.made_workspace = made
        owner = self.parentWidget()
        opener = getattr(owner.window(), "openWorkspaceRequested", None) if owner else None
        if opener is None:
            QMessageBox.information(self, "Workspace made", f"The new workspace is {made}.")
        else:
            opener.emit(str(made))
        self.accept()

    def done(self, code: int) -> None:
        self._stop()
        self._pool.shutdown(wait=False, cancel_futures=True)
        super().done(code)


def _titled(title: QLabel, table: QTableWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(title)
    layout.addWidget(table, 1)
    return box


def open_import_dialog(parent: QWidget | None, workspace_actions: ActionHistory) -> None:
    """File ▸ Import…: the dialog, modal over `parent`; the import is one undo step on
    `workspace_actions` (the window's WorkspaceActions)."""
    dialog = ImportDialog(workspace_actions, parent)
    dialog.exec()
