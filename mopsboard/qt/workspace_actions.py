"""The actions a window holds: its one undo history over its workspace, with the board's task,
comment, board, link and time log actions on it (`actions.move_tasks`, `actions.post_comment`,
`actions.add_stage`, `actions.add_link`, `actions.log_time`, ...).

The other entities' actions (people, personas, campaigns) are made by the views that use them,
over the same history: `PeopleActions(actions)`. This module sits above the features, so no
feature's models depend on another's through it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from mopsboard.qt.board.board_actions import BoardActions
from mopsboard.qt.board.comment_actions import CommentActions
from mopsboard.qt.board.link_actions import LinkActions
from mopsboard.qt.board.task_actions import TaskActions
from mopsboard.qt.board.time_actions import TimeActions
from mopsboard.qt.common.actions import ActionHistory, EntityActions
from mopsboard.store.workspace import Workspace


class WorkspaceActions(
    TaskActions, CommentActions, BoardActions, LinkActions, TimeActions, ActionHistory
):
    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        ActionHistory.__init__(self, workspace, parent)
        EntityActions.__init__(self, self)
