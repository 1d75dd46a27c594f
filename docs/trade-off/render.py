"""Renders the pictures of the README's trade-off walk-through from a fresh demo workspace,
offscreen: approving a brief, what changed since, two scenarios compared, adopting one over an
edit someone made meanwhile, and the approved plan's ghost bars on the timeline.

    .venv/bin/python docs/trade-off/render.py                 # 1366x768, into docs/trade-off
    .venv/bin/python docs/trade-off/render.py --out /tmp/shots

Dialogs are modal, as in the app: each is grabbed from a timer once it is up, then answered."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
ATLAS = "Atlas 3.0 product launch"
PAGE = "Build launch landing page in the CMS"


def settle(rounds: int = 8) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def save(widget: object, out: Path) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    settle()
    if not widget.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    print(f"wrote {out}")


def when_dialog_is_up(answer: Callable[[object], None]) -> None:
    """Runs `answer` with the modal dialog that the next call opens, once it is shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(50, look)
            return
        answer(dialog)

    QTimer.singleShot(50, look)


def render(out: Path, size: tuple[int, int]) -> None:
    from PySide6.QtCore import QSize, Qt
    from PySide6.QtWidgets import QCheckBox, QDialog, QLineEdit, QPushButton, QRadioButton

    from mopsboard.app import make_application
    from mopsboard.io.demo import create_demo_file
    from mopsboard.store.workspace import Workspace
    from mopsboard.ui.campaigns.campaigns_view import CampaignsView
    from mopsboard.ui.common import colour_scheme
    from mopsboard.ui.scenarios.scenarios_view import ScenariosView
    from mopsboard.ui.shell.main_window import MainWindow
    from mopsboard.ui.timeline.timeline_view import TimelineView

    app = make_application([sys.argv[0], "-platform", "offscreen"])
    colour_scheme.install(app)
    folder = Path(tempfile.mkdtemp(prefix="mopsboard-trade-off-"))
    path = folder / "plan.mopsboard"
    create_demo_file(path, today=date.today())
    workspace = Workspace.open(path)
    window = MainWindow(workspace)
    window.resize(QSize(*size))
    window.show()

    # 1. Approve: the SaaS Connect booth's brief, by product and the requester.
    window.show_view("campaigns")
    campaigns = window.findChild(CampaignsView)
    assert campaigns is not None
    booth = workspace.campaign_named("SaaS Connect summit booth")
    campaigns.select(booth.key)

    def approve(dialog: object) -> None:
        assert isinstance(dialog, QDialog)
        for box in dialog.findChildren(QCheckBox):
            if box.text() in ("Product", "Requester"):
                box.setChecked(True)
        note = dialog.findChild(QLineEdit, "approveNote")
        assert note is not None
        note.setText("Booth plan v3, approved with the events team.")
        save(dialog, out / "approve.png")
        button = dialog.findChild(QPushButton, "approveButton")
        assert button is not None
        button.click()

    when_dialog_is_up(approve)
    campaigns.approve_selected()

    # 2. Since approval: the launch's (moved a week, the deck handed to the agency).
    atlas = workspace.campaign_named(ATLAS)
    campaigns.select(atlas.key)

    def since(dialog: object) -> None:
        assert isinstance(dialog, QDialog)
        dialog.resize(QSize(900, 640))
        save(dialog, out / "since-approval.png")
        dialog.reject()

    when_dialog_is_up(since)
    campaigns.since_approval_of_selected()

    # 3. Two scenarios compared with the real plan.
    window.show_view("scenarios")
    page = window.findChild(ScenariosView)
    assert page is not None
    for row in range(page.scenarios.rowCount()):
        page.scenarios.setData(
            page.scenarios.index(row, 0),
            Qt.CheckState.Checked.value,
            Qt.ItemDataRole.CheckStateRole,
        )
    settle(20)
    # The map of the delayed launch: its cells that differ from the real plan are marked.
    page.compare.show_plan(2)
    page.compare.summary.scrollToBottom()
    save(window, out / "scenarios-compare.png")

    # 4. Adopt the two weeks' delay, after someone raised the landing page's estimate in another
    # window: the shift moves that task too, so adopting asks about it.
    other = Workspace.open(path)
    task = next(t for t in other.campaign_tasks(atlas.key) if t.title == PAGE)
    other.update_task(task.model_copy(update={"estimate_hours": 30.0}))
    other.close()
    settle(20)
    later = workspace.scenario_named("Launch two weeks later")

    def adopt(dialog: object) -> None:
        assert isinstance(dialog, QDialog)
        save(dialog, out / "adopt.png")
        for choice in dialog.findChildren(QRadioButton):
            if choice.text() == "Apply anyway":
                choice.setChecked(True)
        dialog.accept()

    when_dialog_is_up(adopt)
    page.adopt(later.key)
    settle(20)

    # 5. The timeline, by weeks with the launch open: the approved plan's ghost bars two weeks
    # before the bars that moved.
    window.show_view("timeline")
    timeline = window.findChild(TimelineView)
    assert timeline is not None
    timeline.weeks.click()
    timeline.rows.set_expanded(atlas.key, True)
    settle(10)
    launch = workspace.campaign(atlas.key).launch_date
    assert launch is not None
    timeline.timeline.scroll_to_day(launch, 0.6)
    save(window, out / "timeline-approved.png")
    window.close()
    workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--size", default="1366x768")
    args = parser.parse_args()
    width, _, height = args.size.partition("x")
    args.out.mkdir(parents=True, exist_ok=True)
    render(args.out, (int(width), int(height)))


if __name__ == "__main__":
    main()
