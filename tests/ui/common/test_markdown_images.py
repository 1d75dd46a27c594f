"""The Markdown preview reads no image of any kind: no file is even opened, wherever the text
points, and the alt text stands where the image would be."""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QTextBrowser, QToolTip
from pytestqt.qtbot import QtBot

from mopsboard.ui.common.markdown_view import InertMarkdownView

linux_only = pytest.mark.skipif(
    sys.platform != "linux", reason="watches file opens with Linux inotify"
)

_IN_ACCESS = 0x001
_IN_OPEN = 0x020
_EVENT = struct.Struct("iIII")


class OpenWatch:
    """Names of the files in one folder that anything opened or read since the last look."""

    def __init__(self, folder: Path) -> None:
        self._libc = ctypes.CDLL(None, use_errno=True)
        self._libc.inotify_add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        # IN_NONBLOCK has O_NONBLOCK's value by definition.
        self.fd = self._libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if (
            self.fd < 0
            or self._libc.inotify_add_watch(self.fd, os.fsencode(folder), _IN_OPEN | _IN_ACCESS) < 0
        ):
            raise OSError(ctypes.get_errno(), "inotify", str(folder))

    def touched(self) -> set[str]:
        names: set[str] = set()
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return names
            offset = 0
            while offset < len(data):
                _, _, _, length = _EVENT.unpack_from(data, offset)
                start = offset + _EVENT.size
                if name := data[start : start + length].rstrip(b"\0"):
                    names.add(os.fsdecode(name))
                offset = start + length

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture
def pictures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of real PNGs that is also the current directory, so relative names find them."""
    folder = tmp_path / "pictures"
    folder.mkdir()
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    for name in ("big.png", "absolute.png", "url.png", "ref.png", "linked.png", "cell.png"):
        assert image.save(str(folder / name))
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def watch(pictures: Path) -> Iterator[OpenWatch]:
    watcher = OpenWatch(pictures)
    yield watcher
    watcher.close()


@pytest.fixture
def view(qtbot: QtBot) -> InertMarkdownView:
    shown = InertMarkdownView()
    qtbot.addWidget(shown)
    shown.resize(700, 400)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _paint(view: QTextBrowser) -> None:
    # Laying out and painting an image is what reads it: make both happen now.
    view.document().adjustSize()
    view.viewport().repaint()
    QApplication.processEvents()


def _image_names(document: QTextDocument) -> list[str]:
    names: list[str] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fragments += 1
            if fragment.charFormat().isImageFormat():
                names.append(fragment.charFormat().toImageFormat().name())
        block = block.next()
    return names


def _assert_the_watch_works(watch: OpenWatch, path: Path) -> None:
    # Without this, a watch that saw nothing at all would pass every test here.
    path.read_bytes()
    assert path.name in watch.touched()


# How a description can name a local image, and the alt text each gives.
MARKDOWN: dict[str, tuple[str, Callable[[Path], str]]] = {
    "relative": ("relative", lambda folder: "![relative](big.png)"),
    "absolute": ("absolute", lambda folder: f"![absolute]({folder / 'absolute.png'})"),
    "file URL": ("url", lambda folder: f"![url]({(folder / 'url.png').as_uri()})"),
    "reference": ("ref", lambda folder: f"![ref][r]\n\n[r]: {folder / 'ref.png'}"),
    "in a link": (
        "linked",
        lambda folder: f"[![linked]({folder / 'linked.png'})](https://example.com)",
    ),
    "in a table": ("cell", lambda folder: f"| a |\n|---|\n| ![cell]({folder / 'cell.png'}) |"),
}


@linux_only
@pytest.mark.parametrize("form", list(MARKDOWN))
def test_a_local_image_file_is_never_opened(
    view: InertMarkdownView, pictures: Path, watch: OpenWatch, form: str
) -> None:
    alt, markdown = MARKDOWN[form]
    view.show_markdown(f"Before {markdown(pictures)}\n")
    _paint(view)
    assert not {p.name for p in pictures.iterdir()} & watch.touched()
    assert f"[image: {alt}]" in view.toPlainText()
    assert "\ufffc" not in view.toPlainText()
    assert _image_names(view.document()) == []
    assert view.requested_resources == []
    _assert_the_watch_works(watch, pictures / "big.png")


def test_no_image_of_any_kind_reaches_the_document(view: InertMarkdownView) -> None:
    view.show_markdown(
        "![web](https://example.invalid/pixel.png) "
        "![inline](data:image/png;base64,iVBORw0KGgo=) "
        "![resource](qrc:/qt-project.org/styles/commonstyle/images/file-16.png) "
        "![colon](:/qt-project.org/styles/commonstyle/images/file-16.png) "
        "![**bold** alt](elsewhere.png) ![](no-alt.png)\n\n"
        "# ![heading](h.png)\n\n- ![item](i.png)\n"
    )
    _paint(view)
    assert _image_names(view.document()) == []
    assert view.requested_resources == []
    text = view.toPlainText()
    for alt in ("web", "inline", "resource", "colon", "bold alt", "heading", "item"):
        assert f"[image: {alt}]" in text, alt
    assert "\ufffc" not in text
    cursor = view.document().find("[image: web]")
    assert cursor.charFormat().fontItalic()


@linux_only
def test_an_image_put_in_the_document_some_other_way_is_not_read(
    view: InertMarkdownView, pictures: Path, watch: OpenWatch
) -> None:
    # Only show_markdown removes images; anything else that fills the view's document gets a
    # blank pixel for every image it names, and no file is read for it.
    view.document().setMarkdown(f"![direct]({pictures / 'absolute.png'}) ![rel](big.png)")
    _paint(view)
    view.document().setHtml(f'<img src="{pictures / "url.png"}"> <img src="big.png">')
    _paint(view)
    assert not {p.name for p in pictures.iterdir()} & watch.touched()
    assert str(pictures / "absolute.png") in " ".join(view.requested_resources)
    _assert_the_watch_works(watch, pictures / "big.png")


@linux_only
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_link_title_is_shown_as_typed_and_loads_nothing(
    qtbot: QtBot, view: InertMarkdownView, pictures: Path, watch: OpenWatch
) -> None:
    title = f"<img src={pictures / 'absolute.png'}> & <b>bold</b>"
    view.show_markdown(f'[the brief](https://example.com/brief "{title}")')
    cursor = view.document().find("the brief")
    cursor.setPosition(cursor.selectionStart() + 2, QTextCursor.MoveMode.MoveAnchor)
    rect = view.cursorRect(cursor)
    point = QPoint(rect.center().x(), rect.center().y())
    QApplication.sendEvent(
        view.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)),
    )
    try:
        qtbot.waitUntil(QToolTip.isVisible)
        shown = QToolTip.text()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.repaint()
        QApplication.processEvents()
    finally:
        QToolTip.hideText()
    assert not {p.name for p in pictures.iterdir()} & watch.touched()
    as_read = QTextDocument()
    as_read.setHtml(shown)
    assert as_read.toPlainText() == title
    _assert_the_watch_works(watch, pictures / "big.png")


def test_markdown_without_images_renders_as_before(qtbot: QtBot) -> None:
    text = (
        "# Launch\n\nSome *emphasis*, **weight**, `code` and [a link](https://example.com).\n\n"
        "- [ ] legal sign-off\n- [x] brief\n  - nested\n\n1. one\n2. two\n\n> quoted\n\n"
        "```\nblock\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\nend\n"
    )
    plain = QTextBrowser()
    qtbot.addWidget(plain)
    plain.document().setMarkdown(
        text,
        QTextDocument.MarkdownFeature.MarkdownDialectGitHub
        | QTextDocument.MarkdownFeature.MarkdownNoHTML,
    )
    inert = InertMarkdownView()
    qtbot.addWidget(inert)
    inert.show_markdown(text)
    assert inert.toHtml() == plain.toHtml()
    assert inert.document().defaultFont() == plain.document().defaultFont()
    inert.show_markdown("replaced")
    assert inert.toPlainText() == "replaced"
