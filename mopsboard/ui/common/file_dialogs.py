"""File dialogs that never read the files they list.

Qt's own dialog (and the platform's native one, which runs inside this process) opens files to
guess their type and icon from their contents. Opening and closing an open workspace, its -wal
or its -shm from this process drops SQLite's locks on it (see mopsboard.store.open_files), so
every dialog here is Qt's widget dialog with an icon provider that looks at names only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QStyle, QWidget

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


def documents_folder() -> Path:
    """Where exports go unless the user picks another folder: the desktop's documents folder
    (as the user's desktop names it), else the home folder. Never the app's own data folder,
    which is hidden and holds the workspace."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def _dialog(parent: QWidget | None, caption: str, start: Path, name_filter: str) -> QFileDialog:
    """A dialog showing `start` (a folder, or a file to preselect in its folder)."""
    folder = start if start.is_dir() else start.parent
    # Given a file, the constructor selects it at once, through Qt's own provider (which reads
    # it): start in the folder, and select the file once our provider is in place.
    dialog = QFileDialog(parent, caption, str(folder), name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    # The dialog keeps only a pointer to the provider; keep the Python object alive with it.
    dialog.setProperty("_mopsboard_icon_provider", provider)
    dialog.setObjectName("mopsboardFileDialog")
    if start != folder:
        dialog.selectFile(start.name)
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
            return target
        QMessageBox.warning(
            parent,
            caption,
            f"{target} is a workspace open in mopsboard (or one of its journal files), so it "
            "cannot be written over. Choose another name.",
        )
        suggested = target
