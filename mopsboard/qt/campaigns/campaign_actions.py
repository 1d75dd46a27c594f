"""Actions on campaigns, their schedule and campaign templates.

Written as every action is (qt/common/actions.py): each writes first (one transaction) and
pushes its command only when the write succeeded, on the window's one undo history; a refusal is
reported through `ActionHistory.failed` and leaves no step in the history.
"""

from __future__ import annotations

from mopsboard.domain.campaign_work import shifted
from mopsboard.domain.ids import CampaignId, TaskId, TemplateId
from mopsboard.domain.models import Campaign, Task
from mopsboard.domain.templates import CampaignTemplate, plan_links
from mopsboard.io.campaign_plans import Prepared, template_of_campaign
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import Table, changed_fields, tasks_table

_CAMPAIGN_FIELDS = frozenset(Campaign.model_fields) - {"id", "version", "updated_at"}


class CampaignActions(EntityActions):
    @property
    def _campaigns(self) -> Table[Campaign]:
        ws = self.workspace
        return Table.one(ws, "campaigns", ws.campaign, ws.update_campaign)

    # -- campaigns ------------------------------------------------------------------------------

    def add_campaign(self, campaign: Campaign) -> Campaign | None:
        created = self._attempt(lambda: self.workspace.add_campaign(campaign))
        if created is None:
            return None
        self._push(
            f"Add campaign '{created.name}'",
            lambda: self.workspace.restore_campaign(created, []),
            lambda: self.workspace.delete_campaign(created.key),
        )
        return created

    def edit_campaign(
        self, original: Campaign, edited: Campaign, *, conflicts_to_caller: bool = False
    ) -> Campaign | None:
        """Saves `edited` (read as `original`); a change made elsewhere meanwhile is refused
        (or, with `conflicts_to_caller`, raised as ConflictError for the editor to ask)."""
        saved = self._attempt(
            lambda: self.workspace.update_campaign(edited),
            conflicts_to_caller=conflicts_to_caller,
        )
        if saved is None:
            return None
        fields = changed_fields(original, saved, _CAMPAIGN_FIELDS)
        text = f"Edit campaign '{saved.name}'"
        self._push_fields(text, self._campaigns, fields, [original], [saved])
        return saved

    def set_archived(self, campaign_id: CampaignId, archived: bool = True) -> bool:
        done = self._attempt(lambda: self._campaigns.set_one(campaign_id, {"archived": archived}))
        if done is None:
            return False
        _, saved = done
        word = "Archive" if archived else "Restore"
        before = saved.model_copy(update={"archived": not archived})
        text = f"{word} campaign '{saved.name}'"
        self._push_fields(text, self._campaigns, ["archived"], [before], [saved])
        return True

    def shift_campaign(self, campaign_id: CampaignId, days: int) -> bool:
        """Moves the campaign and all its tasks by `days`: one transaction, one undo step."""
        if days == 0:
            return True
        result = self._attempt(lambda: self.workspace.shift_campaign(campaign_id, days))
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

    def reschedule_task(self, task_id: TaskId, days: int) -> bool:
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

        done = self._attempt(move)
        if done is None:
            return False
        original, moved = done
        when = moved.due_date or moved.start_date
        text = f"Reschedule '{moved.title}'" + (f" to {when:%d %b}" if when else "")
        tasks = tasks_table(self.workspace)
        self._push_fields(text, tasks, ["start_date", "due_date"], [original], [moved])
        return True

    def new_from_template(self, prepared: Prepared) -> Campaign | None:
        """Creates the prepared campaign with all its tasks and the template's links between
        them: one transaction, one undo step (undo takes the links with the tasks, redo puts
        both back)."""
        links = plan_links(prepared.plan)
        result = self._attempt(
            lambda: self.workspace.add_campaign_with_tasks(prepared.campaign, prepared.tasks, links)
        )
        if result is None:
            return None
        campaign, tasks = result
        holder = {"tasks": tasks}

        def undo() -> None:
            holder["tasks"] = self.workspace.delete_campaign(campaign.key)[1]

        self._push(
            f"New campaign '{campaign.name}' from '{prepared.plan.template.name}'",
            lambda: self.workspace.restore_campaign(campaign, holder["tasks"]),
            undo,
        )
        return campaign

    # -- templates ------------------------------------------------------------------------------

    def add_template(self, template: CampaignTemplate, text: str) -> CampaignTemplate | None:
        saved = self._attempt(lambda: self.workspace.add_template(template))
        if saved is None:
            return None
        self._push(
            text,
            lambda: self.workspace.add_template(saved),
            lambda: self.workspace.delete_template(saved.key),
        )
        return saved

    def save_as_template(self, campaign_id: CampaignId, name: str) -> CampaignTemplate | None:
        template = self._attempt(lambda: template_of_campaign(self.workspace, campaign_id, name))
        if template is None:
            return None
        return self.add_template(template, f"Save template '{template.name}'")

    def duplicate_template(self, template: CampaignTemplate, name: str) -> CampaignTemplate | None:
        copy = template.model_copy(
            update={"id": None, "builtin_key": "", "name": name, "version": 1}
        )
        return self.add_template(copy, f"Duplicate template '{template.name}'")

    def delete_template(self, template_id: TemplateId) -> bool:
        removed = self._attempt(lambda: self.workspace.delete_template(template_id))
        if removed is None:
            return False
        self._push(
            f"Delete template '{removed.name}'",
            lambda: self.workspace.delete_template(template_id),
            lambda: self.workspace.add_template(removed),
        )
        return True
