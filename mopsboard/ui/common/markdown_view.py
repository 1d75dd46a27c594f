"""Markdown shown as inert rich text: no images, no HTML, nothing fetched; links open on a click."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QImage,
    Qt,  # QtGui's: QtCore's Qt plus convertFromPlainText
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from mopsboard.ui.common.colour_scheme import follow_scheme
from mopsboard.ui.common.theme import Scheme

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

_FEATURES = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)
_IMAGE_RESOURCE = int(QTextDocument.ResourceType.ImageResource)
_IMAGE_PROPERTIES = (
    QTextFormat.Property.ObjectType,
    QTextFormat.Property.ImageName,
    QTextFormat.Property.ImageAltText,
    QTextFormat.Property.ImageTitle,
    QTextFormat.Property.ImageWidth,
    QTextFormat.Property.ImageHeight,
    QTextFormat.Property.ImageMaxWidth,
    QTextFormat.Property.ImageQuality,
)


@dataclass
class _Image:
    start: int
    end: int
    name: str
    alt: str
    title: str
    format: QTextCharFormat


def inert_markdown(text: str) -> QTextDocument:
    """The Markdown as a document with every image replaced by its alt text, and tooltips that are
    plain text.

    Built in a document no view has laid out yet: laying out an image is what reads it, so the
    images must be gone before a view sees the document."""
    document = QTextDocument()
    document.setMarkdown(text, _FEATURES)
    _replace_images_with_alt_text(document)
    _make_tooltips_plain(document)
    return document


def _images(document: QTextDocument) -> list[_Image]:
    images: list[_Image] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fragments += 1
            if not fragment.charFormat().isImageFormat():
                continue
            image = fragment.charFormat().toImageFormat()
            alt = image.stringProperty(QTextFormat.Property.ImageAltText)
            title = image.stringProperty(QTextFormat.Property.ImageTitle)
            start, end = fragment.position(), fragment.position() + fragment.length()
            previous = images[-1] if images else None
            if previous and previous.end == start and previous.name == image.name():
                # Qt makes one image per piece of an alt text with emphasis (`![a *b*](p.png)`):
                # the pieces are one image.
                previous.end, previous.alt = start + 1, previous.alt + alt
                start += 1
            # Identical images side by side share one fragment, one character each.
            for position in range(start, end):
                images.append(_Image(position, position + 1, image.name(), alt, title, image))
        block = block.next()
    return images


def _replace_images_with_alt_text(document: QTextDocument) -> None:
    cursor = QTextCursor(document)
    # From the end, so the positions still to replace do not move.
    for image in reversed(_images(document)):
        text = QTextCharFormat(image.format)
        for prop in _IMAGE_PROPERTIES:
            text.clearProperty(int(prop))
        text.setFontItalic(True)
        if image.title:
            text.setToolTip(image.title)
        alt = " ".join(image.alt.split())
        cursor.setPosition(image.start)
        cursor.setPosition(image.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(f"[image: {alt}]" if alt else "[image]", text)


def _make_tooltips_plain(document: QTextDocument) -> None:
    # A tooltip is shown as rich text when it looks like HTML, and rich text loads images: a link
    # title of `<img src=/home/me/a.png>` would read that file on hover.
    tips: list[tuple[int, int, str]] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fragments += 1
            if tip := fragment.charFormat().toolTip():
                tips.append((fragment.position(), fragment.position() + fragment.length(), tip))
        block = block.next()
    cursor = QTextCursor(document)
    for start, end, tip in tips:
        escaped = QTextCharFormat()
        escaped.setToolTip(Qt.convertFromPlainText(tip, Qt.WhiteSpaceMode.WhiteSpaceNormal))
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(escaped)


class _BlankResources(QTextDocument):
    """The view's document, for text that reached it without going through `inert_markdown`.

    Qt reads an image file itself when it is given no image for it, so this document answers every
    image with a blank pixel rather than with nothing."""

    def __init__(self, requested: list[str], parent: QObject) -> None:
        super().__init__(parent)
        self._requested = requested
        self._blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        self._blank.fill(Qt.GlobalColor.transparent)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        self._requested.append(name.toString() if isinstance(name, QUrl) else name)
        return self._blank if type == _IMAGE_RESOURCE else QByteArray()


class InertMarkdownView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_clicked)
        self.requested_resources: list[str] = []
        document = _BlankResources(self.requested_resources, self)
        # The font is the one setting the view gave the document it came with.
        document.setDefaultFont(self.document().defaultFont())
        document.setUndoRedoEnabled(False)
        self.setDocument(document)
        self._markdown: str | None = None
        self._scheme: str | None = None
        follow_scheme(self, self._rescheme)

    def _rescheme(self, scheme: Scheme) -> None:
        # Links take their colour from the palette when the Markdown is read: read it again.
        if self._scheme not in (None, scheme.name) and self._markdown is not None:
            scrolled = self.verticalScrollBar().value()
            self.show_markdown(self._markdown)
            self.verticalScrollBar().setValue(scrolled)
        self._scheme = scheme.name

    def show_markdown(self, text: str) -> None:
        self._markdown = text
        document = self.document()
        document.clear()
        QTextCursor(document).insertFragment(QTextDocumentFragment(inert_markdown(text)))
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        # Qt asks the view only if it is given some other document than its own. Style sheets
        # and images named in a description are never fetched, local or remote: a description
        # must not reveal that it was read, nor read the user's files.
        self.requested_resources.append(name.toString() if isinstance(name, QUrl) else name)
        # Empty bytes, not None: on None, QTextDocument falls back to reading local files and
        # decoding data: URLs itself.
        return QByteArray()

    def _open_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in SAFE_SCHEMES:
            QDesktopServices.openUrl(url)
