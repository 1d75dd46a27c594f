"""Boards and their stages."""

from __future__ import annotations

from collections.abc import Sequence

from mopsboard.domain.errors import MopsboardError, NotFoundError
from mopsboard.domain.ids import BoardId, StageId
from mopsboard.domain.models import Board, Stage, StageKind
from mopsboard.store.base import StoreBase, now_text
from mopsboard.store.salvage import keep_unread

DEFAULT_STAGES: tuple[tuple[str, StageKind], ...] = (
    ("Backlog", StageKind.BACKLOG),
    ("Ready", StageKind.ACTIVE),
    ("In progress", StageKind.ACTIVE),
    ("Review", StageKind.REVIEW),
    ("Done", StageKind.DONE),
)


class BoardStore(StoreBase):
    def boards(self, *, include_archived: bool = False) -> list[Board]:
        where = "" if include_archived else "archived = 0"
        return self._all(Board, "boards", where, order="position, id")

    def board(self, board_id: BoardId) -> Board:
        return self._get(Board, "boards", board_id, "board")

    def board_named(self, name: str) -> Board:
        wanted = name.strip().casefold()
        for board in self.boards(include_archived=True):
            if board.name.casefold() == wanted:
                return board
        raise NotFoundError(f"There is no board named '{name}'.")

    def board_or_first(self, name: str | None) -> Board:
        """The board named `name`, or the first board when no name is given."""
        if name:
            return self.board_named(name)
        boards = self.boards()
        if not boards:
            raise NotFoundError(f"{self.path}: the workspace has no board.")
        return boards[0]

    def add_board(
        self, name: str, stages: Sequence[tuple[str, StageKind]] = DEFAULT_STAGES
    ) -> Board:
        board = Board(name=name)
        with self._write() as db:
            last = db.execute("SELECT COALESCE(MAX(position), -1) FROM boards").fetchone()[0]
            board = self._insert("boards", board.model_copy(update={"position": last + 1}))
            assert board.id is not None
            for position, (stage_name, kind) in enumerate(stages):
                self._insert(
                    "stages",
                    Stage(board_id=board.id, name=stage_name, position=position, kind=kind),
                )
        return board

    def update_board(self, board: Board) -> Board:
        with self._write() as db:
            return keep_unread(db, "boards", board, self._update("boards", board, "board"))

    def reorder_boards(self, board_ids: Sequence[int]) -> None:
        with self._write() as db:
            for position, board_id in enumerate(board_ids):
                db.execute(
                    "UPDATE boards SET position = ?, version = version + 1 WHERE id = ?",
                    [position, board_id],
                )
            self._changed("boards", board_ids)

    def delete_board(self, board_id: BoardId) -> None:
        """Removes the board with its stages and tasks for good (archive it to keep them)."""
        with self._write() as db:
            self._require("boards", board_id, "board")
            task_ids = [
                r[0]
                for r in db.execute(
                    "SELECT id FROM tasks WHERE board_id = ?", [board_id]
                ).fetchall()
            ]
            db.execute("DELETE FROM tasks WHERE board_id = ?", [board_id])
            db.execute("DELETE FROM stages WHERE board_id = ?", [board_id])
            db.execute("DELETE FROM boards WHERE id = ?", [board_id])
            self._changed("tasks", task_ids, "deleted")
            self._changed("boards", [board_id], "deleted")

    # -- stages ---------------------------------------------------------------------------------

    def stages(self, board_id: BoardId) -> list[Stage]:
        return self._all(Stage, "stages", "board_id = ?", [board_id], order="position, id")

    def stage(self, stage_id: StageId) -> Stage:
        return self._get(Stage, "stages", stage_id, "stage")

    def stage_named(self, board_id: BoardId, name: str) -> Stage:
        wanted = name.strip().casefold()
        for stage in self.stages(board_id):
            if stage.name.casefold() == wanted:
                return stage
        raise NotFoundError(f"The board has no stage named '{name}'.")

    def add_stage(self, stage: Stage) -> Stage:
        """Adds the stage at `stage.position`, shifting the stages from there one place right."""
        # Checked before the shift, so a refused stage is refused before anything is written.
        stage = Stage.model_validate(stage.model_dump())
        with self._write() as db:
            self._require("boards", stage.board_id, "board")
            count = db.execute(
                "SELECT COUNT(*) FROM stages WHERE board_id = ?", [stage.board_id]
            ).fetchone()[0]
            position = max(0, min(stage.position, count))
            self._shift_stages(stage.board_id, position, +1)
            created = self._insert("stages", stage.model_copy(update={"position": position}))
        return created

    def _shift_stages(self, board_id: int, from_position: int, step: int) -> None:
        """Moves the stages at and after a position one place, as versioned edits of their own."""
        comparison = ">=" if step > 0 else ">"
        rows = self.db.execute(
            f"SELECT id FROM stages WHERE board_id = ? AND position {comparison} ?",  # noqa: S608
            [board_id, from_position],
        ).fetchall()
        ids = [row[0] for row in rows]
        for stage_id in ids:
            self.db.execute(
                "UPDATE stages SET position = position + ?, version = version + 1, "
                "updated_at = ? WHERE id = ?",
                [step, now_text(), stage_id],
            )
        if ids:
            self._changed("stages", ids, fields={"position"})

    def update_stage(self, stage: Stage) -> Stage:
        with self._write() as db:
            return keep_unread(db, "stages", stage, self._update("stages", stage, "stage"))

    def reorder_stages(self, board_id: BoardId, stage_ids: Sequence[int]) -> None:
        with self._write() as db:
            current = {s.id for s in self.stages(board_id)}
            if set(stage_ids) != current:
                raise MopsboardError("The stage order must list every stage of the board once.")
            for position, stage_id in enumerate(stage_ids):
                db.execute(
                    "UPDATE stages SET position = ?, version = version + 1 WHERE id = ?",
                    [position, stage_id],
                )
            self._changed("stages", stage_ids)

    def restore_stage(self, stage: Stage) -> Stage:
        """Puts a deleted stage back with its id (undo of delete_stage)."""
        with self._write():
            self._shift_stages(stage.board_id, stage.position, +1)
            return self._insert("stages", stage)
