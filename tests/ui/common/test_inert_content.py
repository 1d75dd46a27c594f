"""Untrusted text is inert: Markdown renders without remote loading, scripts or dangerous links;
new workspace files are private to their owner."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import markdown_view
from mopsboard.ui.common.markdown_view import InertMarkdownView
from mopsboard.ui.shell.main_window import MainWindow
from tests.values import present

HOSTILE = (
    "Hello <img src=http://example.invalid/pixel.png> and "
    "![tracker](http://example.invalid/a.png) ![local](file:///etc/hostname) "
    "![inline](data:image/png;base64,iVBORw0KGgo=)\n\n"
    "<script>alert(1)</script> <iframe src=http://example.invalid></iframe>\n\n"
    "[run me](javascript:alert(1)) [read a file](file:///etc/passwd) "
    "[the brief](https://example.com/brief)\n"
)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """URLs the desktop would have been asked to open."""
    urls: list[str] = []

    def record(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    monkeypatch.setattr(markdown_view.QDesktopServices, "openUrl", record)
    return urls


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[InertMarkdownView]:
    shown = InertMarkdownView()
    qtbot.addWidget(shown)
    shown.resize(700, 300)
    shown.show_markdown(HOSTILE)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown


def test_raw_html_is_shown_as_text_not_run(view: InertMarkdownView) -> None:
    html = view.toHtml().lower()
    assert "<script" not in html and "<iframe" not in html
    assert "<img src=http" not in html
    text = view.toPlainText()
    # The tags are there to read, as typed: nothing of them was interpreted.
    assert "<script>alert(1)</script>" in text
    assert "<img src=http://example.invalid/pixel.png>" in text


def test_images_are_never_fetched_remote_local_or_inline(view: InertMarkdownView) -> None:
    view.repaint()
    # No image reaches the document, so none is asked for: not from the network, not from a local
    # file, not decoded from a data: URL. Each one's alt text stands in its place.
    assert view.requested_resources == []
    text = view.toPlainText()
    for alt in ("tracker", "local", "inline"):
        assert f"[image: {alt}]" in text, alt
    assert "\ufffc" not in text
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            assert not fragments.fragment().charFormat().isImageFormat()
            fragments += 1
        block = block.next()


def _click_link(qtbot: QtBot, view: InertMarkdownView, text: str) -> None:
    cursor = view.document().find(text)
    assert not cursor.isNull(), text
    cursor.setPosition(cursor.selectionStart() + 1, QTextCursor.MoveMode.MoveAnchor)
    rect = view.cursorRect(cursor)
    point = QPoint(rect.center().x() + 2, rect.center().y())
    assert view.anchorAt(point), f"no link under {text!r}"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_clicking_a_javascript_or_file_link_opens_nothing(
    qtbot: QtBot, view: InertMarkdownView, opened: list[str]
) -> None:
    clicked: list[str] = []
    view.anchorClicked.connect(lambda url: clicked.append(url.toString()))
    _click_link(qtbot, view, "run me")
    _click_link(qtbot, view, "read a file")
    assert [url.split(":")[0] for url in clicked] == ["javascript", "file"]
    assert opened == []
    # The view itself did not follow the link either: it still shows the description.
    assert "run me" in view.toPlainText()
    # An ordinary web link is opened, by the user's own browser, only on a click.
    _click_link(qtbot, view, "the brief")
    assert opened == ["https://example.com/brief"]


def test_new_workspace_and_its_copies_are_readable_by_the_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "private.mopsboard"
    with Workspace.create(path) as ws:
        ws.save_copy(tmp_path / "copy.mopsboard")
    for made in (path, tmp_path / "copy.mopsboard"):
        assert stat.S_IMODE(made.stat().st_mode) == 0o600, made


def test_names_in_messages_are_shown_as_typed_not_as_markup(
    board_ws: Workspace, window: MainWindow
) -> None:
    board = present(window.model.board_id)
    ready = board_ws.stage_named(board, "Ready")
    name = '<img src="file:///etc/hostname"><b>Ready</b>'
    window.workspace_actions.update_stage(ready.model_copy(update={"name": name, "wip_limit": 1}))
    task = next(i for i, t in window.model.tasks.items() if t.title == "A")
    window.workspace_actions.move_tasks([task], ready.key, None)
    assert name in window.banner.text()
    assert window.banner.textFormat() == Qt.TextFormat.PlainText
