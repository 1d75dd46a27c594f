"""The task editor's comment thread: a task's comments, oldest first, each with its author and
time, and a box to write the next one. Comments are Markdown shown inert, as descriptions are.

A comment is posted at once (one undoable action, as in Trello), whatever the editor's Save or
Cancel does later. It is signed with the workspace's user name, asked the first time one is
posted and changed with "Your name..." under the box."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.ids import TaskId
from mopsboard.domain.models import Comment
from mopsboard.qt.board.comment_actions import CommentActions
from mopsboard.ui.board.task_times import shown_time
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.markdown_view import InertMarkdownView
from mopsboard.ui.common.refusals import refusals_of

T = TypeVar("T")

NAME_QUESTION = "Your name, to sign the comments you write in this workspace:"


class CommentBody(InertMarkdownView):
    """A comment's Markdown, as tall as its text: the thread scrolls, not each comment."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        self.setStyleSheet("background: transparent;")
        self.show_markdown(text)
        self._fit(400)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(self.viewport().width())

    def _fit(self, width: int) -> None:
        document = self.document()
        document.setTextWidth(max(50, width))
        self.setFixedHeight(int(document.size().height()) + 2 * self.frameWidth() + 2)


class CommentCard(QFrame):
    """One comment: who and when above, the text below, and a button to delete it."""

    def __init__(self, comment: Comment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comment = comment
        self.setObjectName("commentCard")  # styled by the app's sheet
        author = QLabel(comment.author)
        author.setTextFormat(Qt.TextFormat.PlainText)
        font = author.font()
        font.setBold(True)
        author.setFont(font)
        when = QLabel(shown_time(comment.at) if comment.at else "")
        when.setProperty("tone", "muted")
        self.delete_button = QToolButton()
        self.delete_button.setIcon(icon(Icon.TRASH_2))
        self.delete_button.setAutoRaise(True)
        self.delete_button.setToolTip("Delete this comment")
        self.delete_button.setAccessibleName(f"Delete the comment by {comment.author}")
        header = QHBoxLayout()
        header.addWidget(author)
        header.addWidget(when)
        header.addStretch(1)
        header.addWidget(self.delete_button)
        self.body = CommentBody(comment.body)
        self.body.setAccessibleName(f"Comment by {comment.author}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.body)


class CommentBox(QPlainTextEdit):
    """Where the next comment is written; Ctrl+Enter posts it (Enter is a new line)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class CommentThread(QWidget):
    # The number of comments changed (the tab shows it).
    countChanged = Signal(int)

    def __init__(
        self,
        actions: CommentActions,
        task_id: TaskId,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self._task_id = task_id
        self._read_only = read_only
        self.cards: list[CommentCard] = []
        self._build()
        self.reload()

    # -- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(4, 4, 4, 4)
        self._list_layout.setSpacing(6)
        self.empty = QLabel("No comments yet.")
        self.empty.setProperty("tone", "muted")
        self._list_layout.addWidget(self.empty)
        self._list_layout.addStretch(1)
        self.comment_list = QScrollArea()
        self.comment_list.setObjectName("commentList")
        self.comment_list.setWidgetResizable(True)
        self.comment_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.comment_list.setWidget(self._list)
        self.draft = CommentBox()
        self.draft.setObjectName("commentDraft")
        self.draft.setAccessibleName("New comment (Markdown)")
        self.draft.setPlaceholderText("Write a comment (Markdown); Ctrl+Enter posts it")
        self.draft.setFixedHeight(self.draft.fontMetrics().lineSpacing() * 3 + 14)
        self.draft.textChanged.connect(self._update_buttons)
        self.draft.submitted.connect(self.post)
        self.signed = QLabel()
        self.signed.setTextFormat(Qt.TextFormat.PlainText)
        self.signed.setProperty("tone", "muted")
        self.rename = QPushButton("Your name\u2026")
        self.rename.setObjectName("commentName")
        self.rename.setAutoDefault(False)
        self.rename.setToolTip("The name your comments in this workspace are signed with")
        self.rename.clicked.connect(self.change_name)
        self.post_button = QPushButton("Post")
        self.post_button.setObjectName("postComment")
        self.post_button.setAutoDefault(False)
        self.post_button.clicked.connect(self.post)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.signed, 1)
        row.addWidget(self.rename)
        row.addWidget(self.post_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.comment_list, 1)
        layout.addWidget(self.draft)
        layout.addWidget(self.error)
        layout.addLayout(row)
        if self._read_only:
            self.draft.setReadOnly(True)
            self.draft.setPlaceholderText("The workspace is read-only: comments cannot be added")
            self.rename.setEnabled(False)
        self._show_name()
        self._update_buttons()

    # -- showing --------------------------------------------------------------------------------

    def reload(self) -> None:
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []
        for comment in self._actions.comments(self._task_id):
            card = CommentCard(comment, self._list)
            card.delete_button.setEnabled(not self._read_only)
            card.delete_button.clicked.connect(lambda _=False, c=comment: self.delete(c))
            self._list_layout.insertWidget(self._list_layout.count() - 1, card)
            card.show()  # now, not once the layout gets round to it
            self.cards.append(card)
        self.empty.setVisible(not self.cards)
        self.countChanged.emit(len(self.cards))
        # The newest is last, as in a conversation: show it, once the cards are laid out.
        QTimer.singleShot(0, self, self._to_newest)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Built while its tab was hidden, the list had no height to scroll in until now.
        QTimer.singleShot(0, self, self._to_newest)

    def _to_newest(self) -> None:
        bar = self.comment_list.verticalScrollBar()
        bar.setValue(bar.maximum())

    def count(self) -> int:
        return len(self.cards)

    def _show_name(self) -> None:
        name = self._actions.user_name()
        self.signed.setText(
            f"Signed as {name}" if name else "You will be asked your name when you post."
        )

    def _update_buttons(self) -> None:
        self.post_button.setEnabled(not self._read_only and bool(self.draft.toPlainText().strip()))

    # -- acting ---------------------------------------------------------------------------------

    def post(self) -> None:
        body = self.draft.toPlainText()
        if self._read_only or not body.strip():
            return
        name = self._actions.user_name() or self._ask_name("")
        if not name:
            return  # not posted; the text stays in the box
        posted = self._reporting(lambda: self._actions.post_comment(self._task_id, name, body))
        if posted is None:
            return
        self.draft.clear()
        self.reload()

    def delete(self, comment: Comment) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Delete comment")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Delete this comment by {comment.author}?")
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("Keep", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        if box.clickedButton() is not delete:
            return
        if self._reporting(lambda: self._actions.delete_comment(comment) or None):
            self.reload()

    def change_name(self) -> None:
        self._ask_name(self._actions.user_name() or "")

    def _ask_name(self, current: str) -> str | None:
        """Asks for the name comments are signed with and keeps it; None when not given."""
        name, given = QInputDialog.getText(self, "Your name", NAME_QUESTION, text=current)
        if not given or not name.strip():
            return None
        if not self._reporting(lambda: self._actions.set_user_name(name) or None):
            return None
        self._show_name()
        return self._actions.user_name()

    def _reporting(self, act: Callable[[], T | None]) -> T | None:
        """Runs an action; shows here why it was refused (the window shows it too)."""
        result, reasons = refusals_of(self._actions.history.failed, act)
        self.error.setText(reasons)
        self.error.setVisible(bool(reasons))
        return result
