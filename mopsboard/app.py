"""The GUI composition root: open a workspace, build the window, run (or take a screenshot)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mopsboard import APP_NAME, __version__
from mopsboard.domain.errors import MopsboardError
from mopsboard.logfile import log_told
from mopsboard.paths import ORGANISATION, WORKSPACE_SUFFIX
from mopsboard.store.backups import make_daily_backup
from mopsboard.store.open_files import file_key
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common.file_dialogs import WORKSPACE_FILTER, ask_open_path, ask_save_path
from mopsboard.ui.common.icons import app_icon
from mopsboard.ui.common.theme import STYLE_SHEET
from mopsboard.ui.shell.error_dialog import install as install_error_hook
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.shell.recent import remember_recent
from mopsboard.ui.shell.window_state import DEFAULT_SIZE, GeometryKeeper


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    # Room for a few screens of card images (the default 10 MB holds about a hundred).
    QPixmapCache.setCacheLimit(64 * 1024)
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_NAME)
    return app


class Windows:
    """Keeps the open windows alive and opens workspaces on request."""

    def __init__(self) -> None:
        self.windows: list[MainWindow] = []

    def window_for(self, path: Path) -> MainWindow | None:
        """The window that has `path` open, whatever its spelling (a link, "./", another case)."""
        key = file_key(path)
        if key is None:
            return None
        return next((w for w in self.windows if file_key(w.workspace.path) == key), None)

    def open(
        self, path: Path, parent: QWidget | None = None, *, read_only: bool = False
    ) -> MainWindow | None:
        """Opens a window on `path`; one that is open already is brought to the front instead
        (one window per workspace per process: a second connection would gain nothing, and
        its set-up must not touch a file this process holds locks on)."""
        existing = self.window_for(path)
        if existing is not None:
            existing.showNormal()
            existing.raise_()
            existing.activateWindow()
            return existing
        try:
            workspace = Workspace.open(path, read_only=read_only)
        except MopsboardError as error:
            QMessageBox.critical(parent, "Cannot open workspace", str(error))
            return None
        try:
            window = self.show(workspace)
        except MopsboardError as error:
            # Damage deeper in the file shows only when the board is first read.
            workspace.close()
            QMessageBox.critical(parent, "Cannot open workspace", str(error))
            return None
        try:
            make_daily_backup(workspace)
        except MopsboardError as error:
            window.banner.show_message(str(error))
            log_told(workspace.path.name, str(error))
        # The whole-file check every first write makes anyway (30 ms at 50,000 tasks), done
        # once the window is painted: a damaged file is told at once, not at the first drop.
        QTimer.singleShot(0, lambda: self._check_soundness(window))
        return window

    def _check_soundness(self, window: MainWindow) -> None:
        workspace = window.workspace
        if window not in self.windows or workspace.read_only:
            return  # closed meanwhile, or never written to
        try:
            workspace.refuse_if_damaged()
        except MopsboardError as error:
            window.banner.show_message(str(error))
            log_told(workspace.path.name, str(error))

    def show(self, workspace: Workspace) -> MainWindow:
        window = MainWindow(workspace)
        window.openWorkspaceRequested.connect(lambda p, w=window: self._open_requested(w, p))
        window.newWorkspaceRequested.connect(lambda w=window: self._new_requested(w))
        window.openReadOnlyRequested.connect(
            lambda p, w=window: self.open(Path(p), w, read_only=True)
        )
        window.destroyed.connect(lambda *_, w=window: self._forget(w, workspace))
        # Only windows opened for the user keep their place: a screenshot's window must not.
        window.geometry_keeper = GeometryKeeper(window)
        window.geometry_keeper.restore()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.append(window)
        window.show()
        remember_recent(workspace.path)
        return window

    def _forget(self, window: MainWindow, workspace: Workspace) -> None:
        # A closed window lets go of its workspace file (and its lock and journal files).
        if window in self.windows:
            self.windows.remove(window)
        workspace.close()

    def _open_requested(self, window: MainWindow, path: str) -> None:
        chosen = (
            Path(path)
            if path
            else ask_open_path(window, "Open workspace", window.workspace.path.parent)
        )
        if chosen is None:
            return
        opened = self.open(chosen, window)
        if opened is not None and opened is not window:
            window.close()

    def _new_requested(self, window: MainWindow) -> None:
        target = ask_save_path(
            window,
            "New workspace",
            window.workspace.path.parent / f"Untitled{WORKSPACE_SUFFIX}",
            WORKSPACE_FILTER,
            WORKSPACE_SUFFIX,
        )
        if target is None:
            return
        if target.suffix != WORKSPACE_SUFFIX:
            target = target.with_suffix(WORKSPACE_SUFFIX)
        try:
            if target.exists():
                target.unlink()  # the save dialog already asked before replacing it
            workspace = Workspace.create(target)
        except (MopsboardError, OSError) as error:
            QMessageBox.critical(window, "Cannot create workspace", str(error))
            return
        self.show(workspace)
        window.close()


def take_screenshot(path: Path, out: Path, view: str, size: tuple[int, int]) -> int:
    try:
        workspace = Workspace.open(path)
    except MopsboardError as error:
        print(f"mopsboard: {error}", file=sys.stderr)
        return 1
    try:
        window = MainWindow(workspace)
    except MopsboardError as error:
        workspace.close()
        print(f"mopsboard: {error}", file=sys.stderr)
        return 1
    window.resize(QSize(*size))
    window.show()
    if not window.show_view(view):
        print(f"mopsboard: there is no {view} view yet; showing the board", file=sys.stderr)
    for _ in range(5):
        QApplication.processEvents()
    image = window.grab()
    saved = image.save(str(out))
    window.close()
    workspace.close()
    if not saved:
        print(f"mopsboard: could not write {out}", file=sys.stderr)
        return 1
    return 0


def run_gui(
    path: Path | None,
    *,
    screenshot: Path | None = None,
    view: str = "board",
    size: tuple[int, int] = (DEFAULT_SIZE.width(), DEFAULT_SIZE.height()),
) -> int:
    if screenshot is not None:
        app = make_application([sys.argv[0], "-platform", "offscreen"])
        if path is None:
            print("mopsboard: give a workspace FILE to take a screenshot of", file=sys.stderr)
            return 2
        return take_screenshot(path, screenshot, view, size)
    app = make_application()
    install_error_hook()
    windows = Windows()
    if path is None:
        print("mopsboard: no workspace given", file=sys.stderr)
        return 2
    window = windows.open(path)
    if window is None:
        return 1
    window.show_view(view)
    QTimer.singleShot(0, lambda: None)
    return app.exec()
