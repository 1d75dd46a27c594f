"""Undoable changes to campaigns, their schedule and campaign templates.

Each action writes first (one transaction) and pushes its command only when the write succeeded,
on the window's one undo stack, as WorkspaceActions does; a refusal is reported through
`WorkspaceActions.failed` and leaves no step in the history.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import ValidationError

from mopsboard.domain.errors import MopsboardError, describe
from mopsboard.domain.models import Campaign, Task
from mopsboard.domain.planning import shifted
from mopsboard.domain.templates import CampaignTemplate
from mopsboard.io.campaign_plans import Prepared, template_of_campaign
from mopsboard.qt.common.commands import ActionGroup
from mopsboard.qt.common.conflicts import Swap, changed_fields, task_swap

T = TypeVar("T")
_CAMPAIGN_FIELDS = frozenset(Campaign.model_fields) - {"id", "version", "updated_at"}


class CampaignActions(ActionGroup):
    def _try(self, write: Callable[[], T]) -> T | None:
        try:
            return write()
        except MopsboardError as error:
            self.actions.failed.emit(str(error))
            return None
        except ValidationError as error:
            self.actions.failed.emit(describe(error))
            return None

    # -- campaigns ------------------------------------------------------------------------------

    def add_campaign(self, campaign: Campaign) -> Campaign | None:
        created = self._try(lambda: self.workspace.add_campaign(campaign))
        if created is None:
            return None
        self._push(
            f"Add campaign '{created.name}'",
            lambda: self.workspace.restore_campaign(created, []),
            lambda: self.workspace.delete_campaign(created.id or 0),
        )
        return created

    def _swap(self, fields: list[str]) -> Swap[Campaign]:
        ws = self.workspace
        return Swap.one(ws, "campaigns", ws.campaign, ws.update_campaign, fields)

    def edit_campaign(self, original: Campaign, edited: Campaign) -> Campaign | None:
        """Saves `edited` (read as `original`); a change made elsewhere meanwhile is refused."""
        saved = self._try(lambda: self.workspace.update_campaign(edited))
        if saved is None:
            return None
        swap = self._swap(changed_fields(original, saved, _CAMPAIGN_FIELDS))
        self._push(f"Edit campaign '{saved.name}'", swap.to([saved]), swap.to([original]))
        return saved

    def set_archived(self, campaign_id: int, archived: bool = True) -> bool:
        def write() -> Campaign:
            current = self.workspace.campaign(campaign_id)
            return self.workspace.update_campaign(current.model_copy(update={"archived": archived}))

        saved = self._try(write)
        if saved is None:
            return False
        word = "Archive" if archived else "Restore"
        swap = self._swap(["archived"])
        before = saved.model_copy(update={"archived": not archived})
        self._push(f"{word} campaign '{saved.name}'", swap.to([saved]), swap.to([before]))
        return True

    def shift_campaign(self, campaign_id: int, days: int) -> bool:
        """Moves the campaign and all its tasks by `days`: one transaction, one undo step."""
        if days == 0:
            return True
        result = self._try(lambda: self.workspace.shift_campaign(campaign_id, days))
        if result is None:
            return False
        word = "later" if days > 0 else "earlier"
        count = abs(days)
        self._push(
            f"Move '{result.campaign.name}' {count} day{'s' if count != 1 else ''} {word}",
            lambda: self.workspace.shift_campaign(campaign_id, days),
            lambda: self.workspace.shift_campaign(campaign_id, -days),
        )
        return True

    def reschedule_task(self, task_id: int, days: int) -> bool:
        """Moves a task's start and due dates by `days`."""
        if days == 0:
            return True

        def move() -> tuple[Task, Task]:
            task = self.workspace.task(task_id)
            dates = {
                "start_date": shifted(task.start_date, days),
                "due_date": shifted(task.due_date, days),
            }
            return task, self.workspace.update_task(task.model_copy(update=dates))

        done = self._try(move)
        if done is None:
            return False
        original, moved = done
        when = moved.due_date or moved.start_date
        text = f"Reschedule '{moved.title}'" + (f" to {when:%d %b}" if when else "")
        swap = task_swap(self.workspace, ["start_date", "due_date"])
        self._push(text, swap.to([moved]), swap.to([original]))
        return True

    def new_from_template(self, prepared: Prepared) -> Campaign | None:
        """Creates the prepared campaign with all its tasks: one transaction, one undo step."""
        result = self._try(
            lambda: self.workspace.add_campaign_with_tasks(prepared.campaign, prepared.tasks)
        )
        if result is None:
            return None
        campaign, tasks = result
        holder = {"tasks": tasks}

        def undo() -> None:
            holder["tasks"] = self.workspace.delete_campaign(campaign.id or 0)[1]

        self._push(
            f"New campaign '{campaign.name}' from '{prepared.plan.template.name}'",
            lambda: self.workspace.restore_campaign(campaign, holder["tasks"]),
            undo,
        )
        return campaign

    # -- templates ------------------------------------------------------------------------------

    def add_template(self, template: CampaignTemplate, text: str) -> CampaignTemplate | None:
        saved = self._try(lambda: self.workspace.add_template(template))
        if saved is None:
            return None
        self._push(
            text,
            lambda: self.workspace.add_template(saved),
            lambda: self.workspace.delete_template(saved.id or 0),
        )
        return saved

    def save_as_template(self, campaign_id: int, name: str) -> CampaignTemplate | None:
        template = self._try(lambda: template_of_campaign(self.workspace, campaign_id, name))
        if template is None:
            return None
        return self.add_template(template, f"Save template '{template.name}'")

    def duplicate_template(self, template: CampaignTemplate, name: str) -> CampaignTemplate | None:
        copy = template.model_copy(update={"id": None, "key": "", "name": name, "version": 1})
        return self.add_template(copy, f"Duplicate template '{template.name}'")

    def delete_template(self, template_id: int) -> bool:
        removed = self._try(lambda: self.workspace.delete_template(template_id))
        if removed is None:
            return False
        self._push(
            f"Delete template '{removed.name}'",
            lambda: self.workspace.delete_template(template_id),
            lambda: self.workspace.add_template(removed),
        )
        return True
