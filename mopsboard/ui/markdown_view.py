"""Markdown shown as inert rich text: no remote loading, no HTML, links open only on a click."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


class InertMarkdownView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_clicked)
        self.requested_resources: list[str] = []

    def show_markdown(self, text: str) -> None:
        features = (
            QTextDocument.MarkdownFeature.MarkdownDialectGitHub
            | QTextDocument.MarkdownFeature.MarkdownNoHTML
        )
        self.document().setMarkdown(text, features)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # Images and style sheets named in a description are never fetched, local or remote:
        # a description must not reveal that it was read, nor read the user's files.
        self.requested_resources.append(name.toString() if isinstance(name, QUrl) else name)
        # Empty bytes, not None: on None, QTextDocument falls back to reading local files and
        # decoding data: URLs itself.
        return QByteArray()

    def _open_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in SAFE_SCHEMES:
            QDesktopServices.openUrl(url)
