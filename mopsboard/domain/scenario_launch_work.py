"""Launch work a scenario puts after the launch.

Launch at risk (domain/launch_risk.py) counts only the tasks due on or before the launch, so a
scenario that pushes such a task past the launch would take it out of the check and read as an
improvement. For a comparison, a campaign's launch work is what the real plan has due by the
launch:

- A campaign's launch work is its open tasks (not archived, not in a stage of kind done, not on
  a deleted board) that are due on or before its launch in the real plan. A shift moves the
  launch and all the campaign's tasks by the same calendar days, so it leaves this set as it
  is: the tasks due on or before the launch as shifted.
- A scenario puts launch work after the launch when it leaves such a task (not cut) due after
  the campaign's launch in the scenario. The campaign's launch is then at risk, whatever the
  chain of links says, and the reason names the task due latest (the lowest id among equals)
  and how many more there are. A campaign whose launch (in the scenario) is before today, as
  launch at risk reads it, is not checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from mopsboard.domain.ids import CampaignId, TaskId
from mopsboard.domain.models import Campaign, Task

LATE_WORK = "Launch work after the launch"


def launch_work_reason(title: str, due: date, launch: date, more: int) -> str:
    """The words for launch work a scenario puts after the launch."""
    others = ""
    if more:
        others = f" (and {more} more launch {'task' if more == 1 else 'tasks'})"
    return (
        f"{LATE_WORK}: '{title}'{others} is due on {due.isoformat()}, after "
        f"the launch on {launch.isoformat()}; the real plan has it due by the launch."
    )


def launch_work_after_launch(
    real_tasks: Mapping[TaskId, Task],
    scenario_tasks: Iterable[Task],
    real_campaigns: Mapping[CampaignId, Campaign],
    scenario_campaigns: Mapping[CampaignId, Campaign],
    closed: frozenset[TaskId],
    today: date,
) -> dict[CampaignId, str]:
    """Per campaign whose launch work the scenario puts after its launch, the reason (the
    module's rule). `real_tasks` are the real rows of the tasks the scenario changes,
    `scenario_tasks` those tasks as it leaves them, `closed` the tasks done or on a deleted
    board in the real plan."""
    late: dict[CampaignId, list[tuple[date, TaskId, str]]] = {}
    for task in scenario_tasks:
        real = real_tasks.get(task.key)
        if real is None or real.campaign_id is None or task.archived or real.archived:
            continue
        if task.key in closed or real.due_date is None or task.due_date is None:
            continue
        campaign_id = CampaignId(real.campaign_id)
        was = real_campaigns.get(campaign_id)
        now = scenario_campaigns.get(campaign_id, was)
        if was is None or now is None or was.launch_date is None or now.launch_date is None:
            continue
        if now.launch_date < today or real.due_date > was.launch_date:
            continue
        if task.due_date > now.launch_date:
            late.setdefault(campaign_id, []).append((task.due_date, task.key, task.title))
    found: dict[CampaignId, str] = {}
    for campaign_id, tasks in late.items():
        due, _key, title = min(tasks, key=lambda t: (-t[0].toordinal(), t[1]))
        launch = scenario_campaigns.get(campaign_id, real_campaigns[campaign_id]).launch_date
        assert launch is not None
        found[campaign_id] = launch_work_reason(title, due, launch, len(tasks) - 1)
    return found


__all__ = ["LATE_WORK", "launch_work_after_launch", "launch_work_reason"]
