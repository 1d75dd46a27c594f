"""The views the sidebar lists beside the board, and the context each page is given.

A page is a QWidget built from a `PageContext`: the window's undoable actions and the few
things a page may ask of the window (show something on the board, open the task editor, ...).
Pages never see the main window, and features never import each other: this module, in the
shell, is where they meet. To add a view, append a `ViewSpec` to `VIEWS`: nothing else in the
window changes. The key is what `mopsboard --view KEY` names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

from mopsboard.domain.ids import BoardId, CampaignId, TaskId
from mopsboard.ui.common.icons import Icon

if TYPE_CHECKING:
    from mopsboard.qt.board.board_model import BoardModel
    from mopsboard.qt.workspace_actions import WorkspaceActions
    from mopsboard.store.workspace import Workspace
    from mopsboard.ui.board.board_view import BoardView
    from mopsboard.ui.common.page_context import CampaignEditor, PageContext


class PageHost(Protocol):
    """What a page's context asks of the main window (which is one)."""

    workspace: Workspace
    workspace_actions: WorkspaceActions
    model: BoardModel
    board_view: BoardView

    def show_board(self, board_id: BoardId | None) -> None: ...
    def show_view(self, key: str) -> bool: ...
    def statusBar(self) -> QStatusBar: ...


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str
    icon: Icon
    make: Callable[[PageContext], QWidget]


def page_context(window: PageHost) -> PageContext:
    # Feature modules are imported when a page is first made, not when the window is; the
    # editors only when one is opened (the campaign editor loads icalendar, the task editor its
    # tabs: 60-130 ms a first page would wait for otherwise).
    from mopsboard.ui.common.page_context import PageContext

    def show_on_board(field: str, value: int | None) -> None:
        if field == "campaign" and value is not None:
            boards = [
                board for board, _count in window.workspace.campaign_boards(CampaignId(value))
            ]
            if boards and window.model.board_id not in boards:
                # The campaign's work is elsewhere: go to the board holding most of it.
                window.show_board(boards[0])
        bar = window.board_view.filter_bar
        bar.set_lookups(window.model.lookups)
        bar.set_field(field, value)
        window.show_view("board")

    def notify(text: str) -> None:
        window.statusBar().showMessage(text, 8000)

    context: PageContext

    def campaign_editor(parent: QWidget) -> CampaignEditor:
        from mopsboard.ui.campaigns.campaign_editing import CampaignEditing

        return CampaignEditing(window.workspace_actions, context, parent)

    def edit_task(parent: QWidget, task_id: TaskId) -> None:
        from mopsboard.ui.board.task_editing import edit_task as open_editor

        open_editor(parent, window.workspace_actions, task_id)

    def open_teams(parent: QWidget) -> None:
        from mopsboard.ui.people.team_dialog import open_team_manager

        open_team_manager(window.workspace_actions, parent)

    context = PageContext(
        actions=window.workspace_actions,
        show_on_board=show_on_board,
        current_board=lambda: window.model.board_id,
        notify=notify,
        edit_task=edit_task,
        open_teams=open_teams,
        campaign_editor=campaign_editor,
    )
    return context


def _capacity(context: PageContext) -> QWidget:
    from mopsboard.ui.capacity.capacity_view import make_capacity_view

    return make_capacity_view(context)


def _campaigns(context: PageContext) -> QWidget:
    from mopsboard.ui.campaigns.campaigns_view import CampaignsView

    return CampaignsView(context.actions, context)


def _timeline(context: PageContext) -> QWidget:
    from mopsboard.ui.timeline.timeline_view import TimelineView

    return TimelineView(context.actions, context)


def _personas(context: PageContext) -> QWidget:
    from mopsboard.ui.personas.persona_view import PersonasView

    return PersonasView(context.actions, context)


def _scenarios(context: PageContext) -> QWidget:
    from mopsboard.ui.scenarios.scenarios_view import make_scenarios_view

    return make_scenarios_view(context)


VIEWS: list[ViewSpec] = [
    ViewSpec("capacity", "Capacity", Icon.USERS, _capacity),
    ViewSpec("campaigns", "Campaigns", Icon.TARGET, _campaigns),
    ViewSpec("timeline", "Timeline", Icon.CALENDAR_DAYS, _timeline),
    ViewSpec("personas", "Personas", Icon.USER, _personas),
    # Last, so that the views before it keep their Ctrl+number.
    ViewSpec("scenarios", "Scenarios", Icon.LAYERS, _scenarios),
]
