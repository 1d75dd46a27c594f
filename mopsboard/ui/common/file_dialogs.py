"""File dialogs that never read the files they list from this process.

Qt's own dialog, and a native one that runs inside this process (GTK's), open files to guess
their type and icon from their contents. Opening and closing an open workspace, its -wal or its
-shm from this process drops SQLite's locks on it (see mopsboard.store.open_files). So a dialog
here is the desktop's own only where the desktop shows it from another process (the XDG desktop
portal, which Qt uses under Flatpak and Snap or when its platform theme is xdgdesktopportal);
everywhere else it is Qt's widget dialog with an icon provider that looks at names only. Either
way an open workspace is never taken as a place to write: the chosen path is checked after the
dialog returns.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QFileInfo, QLibraryInfo, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QMessageBox,
    QStyle,
    QWidget,
)

from mopsboard.paths import WORKSPACE_SUFFIX
from mopsboard.store.open_files import is_open_here

WORKSPACE_FILTER = f"mopsboard workspace (*{WORKSPACE_SUFFIX})"

# What the dialog's Type column says, by file name ending; anything else is "File".
_TYPES = {
    WORKSPACE_SUFFIX: "mopsboard workspace",
    ".csv": "CSV table",
    ".pdf": "PDF document",
    ".ics": "iCalendar file",
    ".json": "JSON file",
    "-wal": "SQLite journal",
    "-shm": "SQLite journal index",
}


_Kind = QAbstractFileIconProvider.IconType
_Pixmap = QStyle.StandardPixmap
# The places in the dialog's side panel, drawn as what they are.
_PLACE_ICONS = {
    _Kind.Computer: _Pixmap.SP_ComputerIcon,
    _Kind.Desktop: _Pixmap.SP_DesktopIcon,
    _Kind.Trashcan: _Pixmap.SP_TrashIcon,
    _Kind.Network: _Pixmap.SP_DriveNetIcon,
    _Kind.Drive: _Pixmap.SP_DriveHDIcon,
    _Kind.Folder: _Pixmap.SP_DirIcon,
    _Kind.File: _Pixmap.SP_FileIcon,
}


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and types from the file name alone: folders look like folders, files like files."""

    def icon(self, what: object) -> QIcon:
        style = QApplication.style()
        pixmap = QStyle.StandardPixmap.SP_FileIcon
        if isinstance(what, QFileInfo):
            if what.isRoot():
                pixmap = QStyle.StandardPixmap.SP_DriveHDIcon
            elif what.isDir():  # a stat, which takes no descriptor
                pixmap = QStyle.StandardPixmap.SP_DirIcon
        else:
            pixmap = _PLACE_ICONS.get(what, pixmap)  # type: ignore[call-overload]
        return style.standardIcon(pixmap)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        name = info.fileName().lower()
        return next((kind for end, kind in _TYPES.items() if name.endswith(end)), "File")


# Where the last file was saved, so the next save dialog starts there.
LAST_SAVE_FOLDER_KEY = "files/lastSaveFolder"


def documents_folder() -> Path:
    """Where exports go unless the user picks another folder: the folder the user last saved a
    file to, while it is there, else the desktop's documents folder (as the user's desktop
    names it), else the home folder. Never the app's own data folder, which is hidden and
    holds the workspace."""
    last = QSettings().value(LAST_SAVE_FOLDER_KEY, "")
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else None
    return folder if folder is not None and folder.is_dir() else Path.home()


# The names Qt knows the portal's platform theme plugin by (QT_QPA_PLATFORMTHEME).
PORTAL_THEMES = frozenset({"xdgdesktopportal", "flatpak", "snap"})
PORTAL_SERVICE = "org.freedesktop.portal.Desktop"


@dataclass(frozen=True)
class DialogPlatform:
    """What decides whether the desktop's own file dialog may be shown."""

    system: str  # sys.platform
    platform_theme: str  # the first name in QT_QPA_PLATFORMTHEME, lower case
    sandboxed: bool  # in Flatpak or Snap, where Qt takes the portal's theme by itself
    portal_plugin: bool  # Qt's xdgdesktopportal theme plugin is installed beside Qt
    portal_running: bool  # the portal answers on the session bus


def native_dialog_allowed(platform: DialogPlatform) -> bool:
    """Whether the native dialog runs outside this process: only the portal's does. Without
    the plugin, or with no portal to answer it, Qt would fall back on a dialog of its own or
    of the desktop's toolkit, in this process."""
    if not platform.system.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    portal_theme = platform.sandboxed or platform.platform_theme in PORTAL_THEMES
    return portal_theme and platform.portal_plugin and platform.portal_running


def platform_theme_name(environment: Mapping[str, str]) -> str:
    chosen = environment.get("QT_QPA_PLATFORMTHEME", "")
    return chosen.replace(";", ":").split(":")[0].strip().lower()


def is_sandboxed(environment: Mapping[str, str]) -> bool:
    return Path("/.flatpak-info").exists() or "SNAP" in environment


@cache
def has_portal_plugin() -> bool:
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platformthemes"
    return any(plugins.glob("*qxdgdesktopportal*"))


def portal_running() -> bool:
    """Whether the desktop portal is on the session bus (asked each time: it may start late)."""
    try:
        from PySide6.QtDBus import QDBusConnection  # only a file dialog needs the bus
    except ImportError:  # a build of Qt without D-Bus has no portal either
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    interface = bus.interface()
    return interface is not None and bool(interface.isServiceRegistered(PORTAL_SERVICE).value())


def this_platform() -> DialogPlatform:
    environment = os.environ
    theme_name = platform_theme_name(environment)
    sandboxed = is_sandboxed(environment)
    wanted = sys.platform.startswith("linux") and (sandboxed or theme_name in PORTAL_THEMES)
    return DialogPlatform(
        system=sys.platform,
        platform_theme=theme_name,
        sandboxed=sandboxed,
        portal_plugin=wanted and has_portal_plugin(),
        portal_running=wanted and portal_running(),
    )


def _dialog(parent: QWidget | None, caption: str, start: Path, name_filter: str) -> QFileDialog:
    """A dialog showing `start` (a folder, or a file to preselect in its folder)."""
    folder = start if start.is_dir() else start.parent
    portal = _portal_dialog(parent, caption, folder, name_filter)
    dialog = portal if portal is not None else _widget_dialog(parent, caption, folder, name_filter)
    dialog.setObjectName("mopsboardFileDialog")
    if start != folder:
        dialog.selectFile(start.name)
    return dialog


def _portal_dialog(
    parent: QWidget | None, caption: str, folder: Path, name_filter: str
) -> QFileDialog | None:
    """The desktop portal's dialog, where it may be shown and Qt shows it; else None.

    Qt takes the portal's dialog only if the portal answered when the app started; otherwise it
    would give its widget dialog (or the desktop toolkit's) instead, without the name-only icon
    provider. So the dialog is first made in an empty folder, to see which one Qt gives."""
    if not native_dialog_allowed(this_platform()):
        return None
    with tempfile.TemporaryDirectory(prefix="mopsboard-dialog-") as empty:
        dialog = QFileDialog(parent, caption, empty, name_filter)
        if dialog.findChild(QFileSystemModel) is not None:  # Qt's own: it lists folders itself
            dialog.deleteLater()
            return None
    dialog.setDirectory(str(folder))
    return dialog


def _widget_dialog(
    parent: QWidget | None, caption: str, folder: Path, name_filter: str
) -> QFileDialog:
    """Qt's widget dialog, whose icons and types come from the files' names alone."""
    # Qt makes the platform's dialog as soon as a QFileDialog is made, and GTK's starts
    # reading the folder it is given: none is made at all.
    before = QApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    try:
        # Given a file, the constructor selects it at once, through Qt's own provider (which
        # reads it): start in the folder, and select the file once our provider is in place.
        dialog = QFileDialog(parent, caption, str(folder), name_filter)
    finally:
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, before)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    # The dialog keeps only a pointer to the provider; keep the Python object alive with it.
    dialog.setProperty("_mopsboard_icon_provider", provider)
    return dialog


def ask_open_path(
    parent: QWidget | None, caption: str, folder: Path, name_filter: str = WORKSPACE_FILTER
) -> Path | None:
    """The file the user picked to open, or None when they cancelled."""
    dialog = _dialog(parent, caption, folder, f"{name_filter};;All files (*)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_save_path(
    parent: QWidget | None, caption: str, suggested: Path, name_filter: str, suffix: str = ""
) -> Path | None:
    """Where the user wants a file written (with `suffix` added if they left it off), or None.

    A workspace this process has open (or one of its journal files) is never offered as a
    target: writing over it would destroy it under its window.
    """
    while True:
        dialog = _dialog(parent, caption, suggested, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        if suffix:
            dialog.setDefaultSuffix(suffix.lstrip("."))
        if not dialog.exec() or not dialog.selectedFiles():
            return None
        target = Path(dialog.selectedFiles()[0])
        if not is_open_here(target):
            QSettings().setValue(LAST_SAVE_FOLDER_KEY, str(target.parent))
            return target
        QMessageBox.warning(
            parent,
            caption,
            f"{target} is a workspace open in mopsboard (or one of its journal files), so it "
            "cannot be written over. Choose another name.",
        )
        suggested = target
