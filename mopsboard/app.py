"""The GUI composition root: open a workspace, build the window, run (or take a screenshot)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mopsboard import APP_NAME, __version__
from mopsboard.app_id import DESKTOP_APP_ID
from mopsboard.domain.errors import MopsboardError
from mopsboard.logfile import log_told
from mopsboard.paths import ORGANISATION, WORKSPACE_SUFFIX
from mopsboard.qt.common.watcher import stop_watching
from mopsboard.store.backups import make_daily_backup
from mopsboard.store.open_files import file_key
from mopsboard.store.server.failures import is_server_url
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import colour_scheme
from mopsboard.ui.common.icons import app_icon
from mopsboard.ui.shell.error_dialog import install as install_error_hook
from mopsboard.ui.shell.instance_server import InstanceServer
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.shell.recent import remember_recent
from mopsboard.ui.shell.window_state import DEFAULT_SIZE, GeometryKeeper

# How long opening a window waits for its first frame before it does what the frame does not
# need (a window that is never painted, opened minimised, is not waited for longer).
FIRST_PAINT_WAIT_MS = 1000

# A workspace file's path, or a server workspace's postgresql:// URL.
Location = Path | str


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
    colour_scheme.install(app)
    app.setWindowIcon(app_icon())
    # The desktop entry's name: what Wayland and the desktops match the window to (its icon).
    app.setDesktopFileName(DESKTOP_APP_ID)
    return app


class _FirstPaint(QObject):
    """Ends `loop` once `window` has been painted (the whole frame: the quit is queued behind
    the paint that starts it)."""

    def __init__(self, window: QWidget, loop: QEventLoop) -> None:
        super().__init__(window)
        self.painted = False
        self._window = window
        self._loop = loop
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self._loop.quit)
        return False


def paint_first(window: QWidget, wait_ms: int = FIRST_PAINT_WAIT_MS) -> bool:
    """Puts a shown window's first frame on screen now (the platform asks for it a moment after
    the window is shown), before work the frame does not need; True once it is painted. Input
    waits meanwhile, as it would during that work."""
    handle = window.windowHandle()
    if handle is not None and handle.isExposed():
        return True  # a platform that exposes a window as it shows it has painted it then
    loop = QEventLoop()
    watch = _FirstPaint(window, loop)
    limit = QTimer()
    limit.setSingleShot(True)
    limit.timeout.connect(loop.quit)
    limit.start(wait_ms)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    limit.stop()
    window.removeEventFilter(watch)
    watch.deleteLater()
    return watch.painted


class Windows:
    """Keeps the open windows alive and opens workspaces on request."""

    def __init__(self) -> None:
        self.windows: list[MainWindow] = []

    def window_for(self, location: Location) -> MainWindow | None:
        """The window that has this workspace open, whatever its spelling (a link, "./",
        another case; a URL with or without its password)."""
        if isinstance(location, str):
            from mopsboard.store.server.failures import shown

            wanted = shown(location)
            return next(
                (
                    w
                    for w in self.windows
                    if w.workspace.on_server and w.workspace.location == wanted
                ),
                None,
            )
        key = file_key(location)
        if key is None:
            return None
        return next((w for w in self.windows if file_key(w.workspace.path) == key), None)

    def open(
        self,
        location: Location,
        parent: QWidget | None = None,
        *,
        read_only: bool = False,
        view: str = "board",
    ) -> MainWindow | None:
        """Opens a window on the workspace at `location`, showing `view`; one that is open
        already is brought to the front instead (one window per workspace per process: a
        second connection would gain nothing, and its set-up must not touch a file this process
        holds locks on).

        The window is painted first; for a file, the day's backup and the check of the whole
        file follow (the backup before this returns), so the board shows without waiting."""
        existing = self.window_for(location)
        if existing is not None:
            existing.showNormal()
            existing.raise_()
            existing.activateWindow()
            return existing
        if isinstance(location, str):
            connected = connect_to_server(location, parent, read_only=read_only)
            if connected is None:
                return None
            workspace = connected
        else:
            try:
                workspace = Workspace.open(location, read_only=read_only)
            except MopsboardError as error:
                QMessageBox.critical(parent, "Cannot open workspace", str(error))
                return None
        try:
            window = self.show(workspace, view)
        except MopsboardError as error:
            # Damage deeper in the file shows only when the board is first read.
            workspace.close()
            QMessageBox.critical(parent, "Cannot open workspace", str(error))
            return None
        paint_first(window)
        # Painted: the collector the command line held off until now may run again.
        gc.enable()
        if workspace.on_server:
            # The server keeps its own backups, and checks its own pages.
            return window
        try:
            make_daily_backup(workspace)
        except MopsboardError as error:
            window.banner.show_message(str(error))
            log_told(workspace.path.name, str(error))
        # The whole-file check every first write makes anyway (30 ms at 50,000 tasks), done
        # after the first frame: a damaged file is told at once, not at the first drop.
        QTimer.singleShot(0, lambda: self._check_soundness(window))
        # Imported after the first frame, which needs none of it.
        from mopsboard.qt.capacity.holiday_warmup import warm_holidays

        warm_holidays(workspace, window)
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

    def show(self, workspace: Workspace, view: str = "board") -> MainWindow:
        window = MainWindow(workspace)
        window.show_view(view)
        window.openWorkspaceRequested.connect(lambda p, w=window: self._open_requested(w, p))
        window.newWorkspaceRequested.connect(lambda w=window: self._new_requested(w))
        window.openReadOnlyRequested.connect(
            lambda p, w=window: self.open(Path(p), w, read_only=True)
        )
        window.openServerRequested.connect(lambda w=window: self._open_server_requested(w))
        window.publishRequested.connect(lambda w=window: self._publish_requested(w))
        window.destroyed.connect(lambda *_, w=window: self._forget(w, workspace))
        # Only windows opened for the user keep their place: a screenshot's window must not.
        window.geometry_keeper = GeometryKeeper(window)
        window.geometry_keeper.restore()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.windows.append(window)
        window.show()
        remember_recent(workspace.location)
        return window

    def _forget(self, window: MainWindow, workspace: Workspace) -> None:
        # A closed window lets go of its workspace file (and its lock and journal files).
        if window in self.windows:
            self.windows.remove(window)
        stop_watching(workspace)
        workspace.close()

    def _open_requested(self, window: MainWindow, path: str) -> None:
        from mopsboard.ui.common.file_dialogs import ask_open_path

        chosen: Location | None
        if is_server_url(path):
            chosen = path  # from the recent list
        elif path:
            chosen = Path(path)
        else:
            folder = Path.home() if window.workspace.on_server else window.workspace.path.parent
            chosen = ask_open_path(window, "Open workspace", folder)
        if chosen is None:
            return
        self._open_instead(window, chosen)

    def _open_instead(self, window: MainWindow, location: Location) -> None:
        opened = self.open(location, window)
        if opened is not None and opened is not window:
            window.close()

    def _open_server_requested(self, window: MainWindow) -> None:
        from mopsboard.ui.shell.server_dialog import ask_server

        url = ask_server(window)
        if url is not None:
            self._open_instead(window, url)

    def _publish_requested(self, window: MainWindow) -> None:
        from mopsboard.ui.shell.publishing import publish_from

        url = publish_from(window)
        if url is not None:
            self._open_instead(window, url)

    def _new_requested(self, window: MainWindow) -> None:
        from mopsboard.ui.common.file_dialogs import WORKSPACE_FILTER, ask_save_path

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


def connect_to_server(
    url: str, parent: QWidget | None, *, read_only: bool = False
) -> Workspace | None:
    """The server workspace at `url`; refused, the address is asked again, with what the
    server said (None: the user gave up)."""
    while True:
        try:
            return Workspace.open(url, read_only=read_only)
        except MopsboardError as error:
            problem = str(error)
        from mopsboard.ui.shell.server_dialog import ask_server

        again = ask_server(parent, url=url, problem=problem)
        if again is None:
            return None
        url = again


def take_screenshot(path: Location, out: Path, view: str, size: tuple[int, int]) -> int:
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
    path: Location | None,
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
    if path is None:
        print("mopsboard: no workspace given", file=sys.stderr)
        return 2
    app = make_application()
    install_error_hook()
    windows = Windows()
    server = InstanceServer.start(app)
    if server is not None:
        server.openRequested.connect(lambda asked, shown: _open_asked(windows, asked, shown))
        app.aboutToQuit.connect(server.close)
    if open_first_window(windows, path, view) is None:
        return 1
    QTimer.singleShot(0, lambda: None)
    return app.exec()


def open_first_window(windows: Windows, path: Location, view: str = "board") -> MainWindow | None:
    """The app's first window on `path`. Then what start-up made (modules, the window, its
    board) is set aside from the collector's rounds: it lives as long as the app, and one full
    round over it cost 85-260 ms in the middle of a first capacity map or timeline at 50,000
    tasks. (Only cycles among those objects are never collected; freed objects still are.)"""
    window = windows.open(path, view=view)
    gc.enable()
    gc.freeze()
    return window


def _open_asked(windows: Windows, asked: str, view: str) -> None:
    """Another start of the app asked for this workspace: its window, opened or brought up."""
    window = windows.open(asked if is_server_url(asked) else Path(asked), view=view or "board")
    if window is not None and view:
        window.show_view(view)
