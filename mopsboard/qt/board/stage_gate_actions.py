"""The action that turns a stage's predecessor gate on or off (qt/board/stage_gates.py): one
write of that stage's setting and one undo step."""

from __future__ import annotations

from mopsboard.domain.models import Stage
from mopsboard.qt.board.stage_gates import PredecessorGates, setting_key
from mopsboard.qt.common.actions import EntityActions


class StageGateActions(EntityActions):
    def needs_done_predecessors(self, stage: Stage) -> bool:
        return PredecessorGates.of(self.workspace).needs_done_predecessors(stage.key)

    def require_done_predecessors(self, stage: Stage, required: bool) -> bool:
        """Whether `stage` takes a task only once the tasks it waits for are done; on refusal
        emits `failed` with the reason and returns False."""
        if self.needs_done_predecessors(stage) == required:
            return True
        ws = self.workspace
        key = setting_key(stage.key)
        if not self._succeeds(lambda: ws.set_setting(key, "1" if required else "0")):
            return False
        text = (
            f"'{stage.name}' takes tasks only once their predecessors are done"
            if required
            else f"'{stage.name}' takes tasks whose predecessors are open"
        )
        self._push(
            text,
            lambda: ws.set_setting(key, "1" if required else "0"),
            lambda: ws.set_setting(key, "0" if required else "1"),
        )
        return True
