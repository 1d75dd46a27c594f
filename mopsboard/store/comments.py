"""Comments on tasks, and the name this workspace's comments are signed with.

The API other parts use (the task editor; importers and the JSON export):

- `add_comment(task_id, author, body, at=None) -> Comment`: one comment, one unit of work. `at`
  is when it was written (an imported comment keeps its date); None stamps it now. A naive
  datetime is taken as UTC.
- `add_comments(comments) -> list[Comment]`: many in one unit of work (within an import's own,
  if one is open). A comment with an `id` keeps it: undo puts a deleted comment back so.
- `comments(task_id=None) -> list[Comment]`: a task's comments, oldest first; with no task, every
  comment in the workspace, by task and then by date.
- `delete_comment(comment_id) -> Comment`: deletes it and returns it as it was (for undo).
- `user_name() -> str | None`, `set_user_name(name)`: the name comments made here are signed
  with, kept in the workspace's `settings` table (None: not set yet; setting None clears it).

The `comments` table: `id` (never reused), `task_id` (deleting a task deletes its comments),
`author`, `body` (Markdown), `at` (ISO 8601, UTC), `version`, `updated_at`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from pydantic import TypeAdapter, ValidationError

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.fields import Name
from mopsboard.domain.ids import CommentId, TaskId
from mopsboard.domain.models import Comment
from mopsboard.store.base import StoreBase, inserted_id, now_text

USER_NAME_SETTING = "user_name"
_NAME: TypeAdapter[str] = TypeAdapter(Name)


def stamp(moment: datetime) -> str:
    """A moment as the store writes timestamps (as now_text does), so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class CommentStore(StoreBase):
    def comments(self, task_id: TaskId | None = None) -> list[Comment]:
        if task_id is None:
            return self._all(Comment, "comments", order="task_id, at, id")
        return self._all(Comment, "comments", "task_id = ?", [task_id], order="at, id")

    def comment(self, comment_id: CommentId) -> Comment:
        return self._get(Comment, "comments", comment_id, "comment")

    def add_comment(
        self, task_id: TaskId, author: str, body: str, at: datetime | None = None
    ) -> Comment:
        (added,) = self.add_comments([Comment(task_id=task_id, author=author, body=body, at=at)])
        return added

    def add_comments(self, comments: Sequence[Comment]) -> list[Comment]:
        # Copies made with model_copy(update=...) skip validation: all are checked before any
        # is written, so one bad comment refuses the batch.
        checked = [Comment.model_validate(c.model_dump()) for c in comments]
        added: list[Comment] = []
        with self._write() as db:
            now = now_text()
            known_tasks: set[int] = set()
            for comment in checked:
                if comment.task_id not in known_tasks:
                    self._require("tasks", comment.task_id, "task")
                    known_tasks.add(comment.task_id)
                row = {
                    "task_id": comment.task_id,
                    "author": comment.author,
                    "body": comment.body,
                    "at": stamp(comment.at) if comment.at is not None else now,
                    "version": 1,
                    # A comment put back (undo of a delete) is as it was.
                    "updated_at": stamp(comment.updated_at) if comment.updated_at else now,
                }
                if comment.id is not None:
                    row = {"id": comment.id, **row}
                columns = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                cursor = db.execute(
                    f"INSERT INTO comments ({columns}) VALUES ({marks})",  # noqa: S608
                    list(row.values()),
                )
                new_id = CommentId(inserted_id(cursor, comment.id))
                written = {
                    "id": new_id,
                    "version": 1,
                    "at": datetime.fromisoformat(str(row["at"])),
                    "updated_at": datetime.fromisoformat(str(row["updated_at"])),
                }
                added.append(comment.model_copy(update=written))
            self._changed("comments", [c.key for c in added], "inserted")
        return added

    def delete_comment(self, comment_id: CommentId) -> Comment:
        with self._write() as db:
            comment = self.comment(comment_id)
            db.execute("DELETE FROM comments WHERE id = ?", [comment_id])
            self._changed("comments", [comment_id], "deleted")
        return comment

    # -- the name comments are signed with ------------------------------------------------------

    def _user_name_key(self) -> str:
        # On a server each person connects as their own role: each signs with their own name.
        role = self.db.role
        return USER_NAME_SETTING if role is None else f"{USER_NAME_SETTING}:{role}"

    def user_name(self) -> str | None:
        """The name comments made here are signed with; on a server, by default, the person's
        database role."""
        name = self.setting(self._user_name_key())
        if name is None or not name.strip():
            return self.db.role
        return name.strip()

    def set_user_name(self, name: str | None) -> None:
        """Sets the name (checked as every name is: not empty, at most 200 characters), or
        clears it with None."""
        if name is None:
            with self._write() as db:
                db.execute("DELETE FROM settings WHERE key = ?", [self._user_name_key()])
                self._changed("settings", [])
            return
        try:
            checked = _NAME.validate_python(name)
        except ValidationError as error:
            reason = str(error.errors(include_url=False)[0]["msg"]).removeprefix("Value error, ")
            raise MopsboardError(f"Your name {reason}.") from None
        self.set_setting(self._user_name_key(), checked)
