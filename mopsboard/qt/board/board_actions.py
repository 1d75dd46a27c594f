"""Actions on boards and their stages: add, rename, delete (archive), reorder, edit."""

from __future__ import annotations

from collections.abc import Sequence

from mopsboard.domain.ids import BoardId, StageId
from mopsboard.domain.models import Board, Stage
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import Table, changed_fields
from mopsboard.store.moves import Placement


class BoardActions(EntityActions):
    @property
    def _boards(self) -> Table[Board]:
        ws = self.workspace
        return Table.one(ws, "boards", ws.board, ws.update_board)

    @property
    def _stages(self) -> Table[Stage]:
        ws = self.workspace
        return Table.one(ws, "stages", ws.stage, ws.update_stage)

    # -- boards ---------------------------------------------------------------------------------

    def add_board(self, name: str) -> Board | None:
        """A new board; undo hides it (archives it), redo shows it again."""
        board = self._attempt(lambda: self.workspace.add_board(name))
        if board is None:
            return None
        hidden = board.model_copy(update={"archived": True})
        self._push_fields(
            f"Add board '{board.name}'", self._boards, ["archived"], [hidden], [board]
        )
        return board

    def rename_board(self, board_id: BoardId, name: str) -> None:
        self._set_board(board_id, {"name": name}, f"Rename board to '{name}'")

    def archive_board(self, board_id: BoardId) -> None:
        self._set_board(board_id, {"archived": True}, "Delete board")

    def _set_board(self, board_id: BoardId, values: dict[str, object], text: str) -> None:
        done = self._attempt(lambda: self._boards.set_one(board_id, values))
        if done is not None:
            old, new = done
            self._push_fields(text, self._boards, list(values), [old], [new])

    def reorder_boards(self, old_order: Sequence[int], new_order: Sequence[int]) -> None:
        if self._succeeds(lambda: self.workspace.reorder_boards(new_order)):
            self._push(
                "Reorder boards",
                lambda: self.workspace.reorder_boards(new_order),
                lambda: self.workspace.reorder_boards(old_order),
            )

    # -- stages ---------------------------------------------------------------------------------

    def add_stage(self, stage: Stage) -> Stage | None:
        created = self._attempt(lambda: self.workspace.add_stage(stage))
        if created is None:
            return None
        state = {"stage": created}

        def undo() -> None:
            state["stage"] = self.workspace.stage(created.key)
            self.workspace.delete_stage(created.key, None)

        self._push(
            f"Add stage '{created.name}'",
            lambda: self.workspace.restore_stage(state["stage"]),
            undo,
        )
        return created

    def update_stage(self, edited: Stage) -> Stage | None:
        ws = self.workspace
        done = self._attempt(lambda: (ws.stage(edited.key), ws.update_stage(edited)))
        if done is None:
            return None
        old, new = done
        fields = [f for f in changed_fields(old, new) if f != "position"]
        self._push_fields(f"Edit stage '{new.name}'", self._stages, fields, [old], [new])
        return new

    def reorder_stages(self, board_id: BoardId, new_order: Sequence[int]) -> None:
        old_order = [s.key for s in self.workspace.stages(board_id)]
        if self._succeeds(lambda: self.workspace.reorder_stages(board_id, new_order)):
            self._push(
                "Reorder stages",
                lambda: self.workspace.reorder_stages(board_id, new_order),
                lambda: self.workspace.reorder_stages(board_id, old_order),
            )

    def delete_stage(self, stage_id: StageId, move_tasks_to: StageId | None) -> bool:
        """Deletes a stage, moving its tasks to `move_tasks_to`; undo puts both back."""
        ws = self.workspace

        def delete() -> tuple[Stage, list[Placement]]:
            stage = ws.stage(stage_id)
            placements = [
                Placement(t.key, t.stage_id, t.rank)
                for t in ws.tasks(stage.board_id, include_archived=True)
                if t.stage_id == stage_id
            ]
            ws.delete_stage(stage_id, move_tasks_to)
            return stage, placements

        done = self._attempt(delete)
        if done is None:
            return False
        stage, placements = done

        def undo() -> None:
            ws.restore_stage(stage)
            if placements:
                ws.place_tasks(placements)

        self._push(
            f"Delete stage '{stage.name}'", lambda: ws.delete_stage(stage_id, move_tasks_to), undo
        )
        return True
