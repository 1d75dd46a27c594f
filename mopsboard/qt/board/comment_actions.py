"""Actions on a task's comments (post, delete) and on the name they are signed with: each one
transaction and one undo step. Undo of a post deletes the comment; redo puts it back with its
own id and date."""

from __future__ import annotations

from mopsboard.domain.ids import TaskId
from mopsboard.domain.models import Comment
from mopsboard.qt.common.actions import EntityActions


class CommentActions(EntityActions):
    def comments(self, task_id: TaskId) -> list[Comment]:
        return self.workspace.comments(task_id)

    def user_name(self) -> str | None:
        return self.workspace.user_name()

    def post_comment(self, task_id: TaskId, author: str, body: str) -> Comment | None:
        """Adds a comment now; on refusal emits `failed` with the reason and returns None."""
        ws = self.workspace
        posted = self._attempt(lambda: ws.add_comment(task_id, author, body))
        if posted is None:
            return None
        self._push(
            f"Comment on '{self._title(task_id)}'",
            lambda: ws.add_comments([posted]),
            lambda: ws.delete_comment(posted.key),
        )
        return posted

    def delete_comment(self, comment: Comment) -> bool:
        ws = self.workspace
        deleted = self._attempt(lambda: ws.delete_comment(comment.key))
        if deleted is None:
            return False
        self._push(
            f"Delete comment on '{self._title(deleted.task_id)}'",
            lambda: ws.delete_comment(deleted.key),
            lambda: ws.add_comments([deleted]),
        )
        return True

    def set_user_name(self, name: str) -> bool:
        """Sets the name comments are signed with (the ones made from now on)."""
        ws = self.workspace
        before = ws.user_name()
        if not self._succeeds(lambda: ws.set_user_name(name)):
            return False
        after = ws.user_name()
        if after != before:
            self._push(
                f"Set your name to '{after}'",
                lambda: ws.set_user_name(after),
                lambda: ws.set_user_name(before),
            )
        return True

    def _title(self, task_id: TaskId) -> str:
        return self.workspace.task(task_id).title
