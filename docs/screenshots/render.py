"""Renders the screenshots in this folder: every view, and the task editor, in the light and the
dark scheme, from a fresh demo workspace.

    .venv/bin/python docs/screenshots/render.py                  # 1366x768, into docs/screenshots
    QT_SCALE_FACTOR=1.5 .venv/bin/python docs/screenshots/render.py --out /tmp/shots

Each scheme runs in its own process (the scheme is chosen once, as the app does at start, through
MOPSBOARD_APPEARANCE), offscreen."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

VIEWS = ("board", "capacity", "campaigns", "timeline", "personas")
SCHEMES = ("light", "dark")
HERE = Path(__file__).resolve().parent
# A description that shows what the preview does: emphasis, a list, a link, code, an image
# that is never fetched.
DESCRIPTION = """Draft the **launch email** for the _Atlas 3.0_ release.

- subject line: test two versions
- legal: GDPR consent wording, CAN-SPAM footer
- link the [release notes](https://example.com/atlas-3)

Use the `{{first_name}}` token. ![hero image](https://example.com/hero.png)
"""


def render_scheme(workspace: Path, out: Path, scheme: str, size: tuple[int, int]) -> None:
    from PySide6.QtWidgets import QApplication

    from mopsboard.app import make_application, take_screenshot
    from mopsboard.ui.common import colour_scheme

    app = make_application([sys.argv[0], "-platform", "offscreen"])
    colour_scheme.install(app)
    for view in VIEWS:
        if take_screenshot(workspace, out / f"{view}-{scheme}.png", view, size) != 0:
            raise SystemExit(f"could not render {view} in {scheme}")
    render_task_editor(workspace, out / f"task-editor-{scheme}.png")
    QApplication.processEvents()


def render_task_editor(workspace_path: Path, out: Path) -> None:
    """The editor of a task with a description, on its Preview tab, with an estimate typed
    wrong: the form, the Markdown preview and a field's error in one picture."""
    from PySide6.QtWidgets import QApplication, QTabWidget

    from mopsboard.qt.board.board_parts import Lookups
    from mopsboard.qt.workspace_actions import WorkspaceActions
    from mopsboard.store.workspace import Workspace
    from mopsboard.ui.board.task_dialog import TaskDialog

    with Workspace.open(workspace_path) as workspace:
        task = next(t for t in workspace.tasks() if t.checklist and t.campaign_id)
        task = task.model_copy(update={"description": DESCRIPTION})
        actions = WorkspaceActions(workspace)
        dialog = TaskDialog(
            task,
            workspace.stages(task.board_id),
            Lookups.load(workspace),
            comments=actions,
            activity=workspace.task_activity(task.key),
        )
        dialog.estimate.setText("a lot")
        tabs = dialog.findChild(QTabWidget, "taskTabs")
        assert tabs is not None
        tabs.setCurrentIndex(1)
        dialog.show()
        for _ in range(5):
            QApplication.processEvents()
        if not dialog.grab().save(str(out)):
            raise SystemExit(f"could not write {out}")
        dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--scheme", choices=SCHEMES, help="one scheme, in this process")
    parser.add_argument("--workspace", type=Path, help="a demo workspace to render")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    if args.scheme is not None:
        os.environ["MOPSBOARD_APPEARANCE"] = args.scheme
        render_scheme(args.workspace, args.out, args.scheme, (width, height))
        return 0
    out = args.out.resolve()
    with tempfile.TemporaryDirectory() as folder:
        # Run beside the workspace, so that the window's status bar names the file alone.
        python, workspace = sys.executable, "demo.mopsboard"
        subprocess.run([python, "-m", "mopsboard", "demo", workspace], check=True, cwd=folder)
        for scheme in SCHEMES:
            command = [python, str(Path(__file__).resolve()), "--scheme", scheme]
            command += ["--workspace", workspace, "--out", str(out), "--size", args.size]
            subprocess.run(command, check=True, cwd=folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
