"""Run in a process of its own (with QT_QPA_PLATFORMTHEME and a session bus as the test sets
them): prints as JSON which file dialog Qt gives by itself and which one file_dialogs makes, and
whether the app's dialog reads names only (see test_file_dialog_choice.py)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

from mopsboard.ui.common import file_dialogs


def is_widget_dialog(dialog: QFileDialog) -> bool:
    """Whether `dialog` is Qt's widget dialog (it lists folders with a model of its own)."""
    return dialog.findChild(QFileSystemModel) is not None


def main(folder: Path) -> None:
    app = QApplication([sys.argv[0], "-platform", "offscreen"])
    # Qt asks the portal for its version when the app starts, and hears back in the event loop.
    started = time.monotonic()
    while time.monotonic() - started < 0.5:
        app.processEvents()
    ours = file_dialogs._dialog(None, "Export", folder / "report.pdf", "PDF (*.pdf)")
    provider = ours.iconProvider()
    print(
        json.dumps(
            {
                "platform": file_dialogs.this_platform().__dict__,
                "qt_alone_is_widget": is_widget_dialog(QFileDialog(None, "", str(folder))),
                "ours_is_widget": is_widget_dialog(ours),
                "ours_refuses_native": ours.testOption(QFileDialog.Option.DontUseNativeDialog),
                "names_only": isinstance(provider, file_dialogs.NameOnlyIconProvider),
                "folder": ours.directory().absolutePath(),
            }
        )
    )
    app.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
