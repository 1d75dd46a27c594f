"""What a page (capacity, campaigns, timeline, personas) may ask of the window it sits in.

Pages never hold the main window, and features never import each other: a need that crosses
features (the capacity map opening the task editor, the timeline editing a campaign) is a field
here, which the shell fills in (ui/shell/views.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QWidget

from mopsboard.domain.ids import BoardId, CampaignId, TaskId
from mopsboard.domain.models import Campaign
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.workspace_actions import WorkspaceActions


class CampaignEditor(Protocol):
    """Campaign dialogs and questions around each undoable campaign action."""

    campaigns: CampaignActions

    @property
    def read_only(self) -> bool: ...

    def edit(self, campaign_id: CampaignId) -> Campaign | None: ...

    def from_template(self) -> Campaign | None: ...

    def export_calendar(self) -> None: ...


@dataclass(frozen=True)
class PageContext:
    actions: WorkspaceActions
    # ("campaign" or "persona", id or None for "has none"): filter the board to it and show it.
    show_on_board: Callable[[str, int | None], None]
    current_board: Callable[[], BoardId | None]
    notify: Callable[[str], None]
    # The task editor, over the given widget, for a task on any board.
    edit_task: Callable[[QWidget, TaskId], None]
    open_teams: Callable[[QWidget], None]
    campaign_editor: Callable[[QWidget], CampaignEditor]
