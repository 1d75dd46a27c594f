"""The approved plans the timeline draws its ghost bars from: each approved campaign's latest
baseline (store/approvals.py), read when one of its rows is first painted or asked about.

Opening the timeline reads only which campaigns have been approved: a baseline holds every task
of its campaign as it was, and reading all of them (50,000 tasks in 200 baselines: a third of
a second) would hold up the first paint for rows that may never be on screen."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from mopsboard.domain.baselines import Baseline, BaselineTask
from mopsboard.domain.campaign_work import TaskBar
from mopsboard.domain.ids import CampaignId, TaskId
from mopsboard.store.workspace import Workspace


class ApprovedPlans:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        # The campaigns that have an approval; their baselines, once read.
        self.approved: frozenset[CampaignId] = frozenset()
        self.baselines: dict[CampaignId, Baseline] = {}
        self._asked: set[CampaignId] = set()
        self._tasks: dict[CampaignId, dict[TaskId, BaselineTask]] = {}

    def reload(self) -> None:
        self.approved = self.workspace.approved_campaign_ids()
        self.baselines = {}
        self._asked = set()
        self._tasks = {}

    def load(self, campaign_ids: Iterable[CampaignId]) -> None:
        """Reads the baselines of these campaigns not read yet, in one query (the painter asks
        for its visible rows' campaigns before it paints them)."""
        wanted = [c for c in set(campaign_ids) if c in self.approved and c not in self._asked]
        if wanted:
            # Asked once: a baseline the file holds unreadable is not asked for at every paint.
            self._asked.update(wanted)
            self.baselines.update(self.workspace.latest_baselines(wanted))

    def baseline(self, campaign_id: CampaignId) -> Baseline | None:
        if campaign_id not in self.approved:
            return None
        if campaign_id not in self._asked:
            self.load([campaign_id])
        return self.baselines.get(campaign_id)

    def task(self, campaign_id: CampaignId, task_id: TaskId) -> BaselineTask | None:
        """A task as the campaign's latest approved plan had it (None: not in it)."""
        baseline = self.baseline(campaign_id)
        if baseline is None:
            return None
        tasks = self._tasks.get(campaign_id)
        if tasks is None:
            tasks = self._tasks[campaign_id] = {t.id: t for t in baseline.tasks}
        return tasks.get(task_id)

    def span(self, campaign_id: CampaignId, bar: TaskBar | None) -> tuple[date, date] | None:
        """The days a bar covered in the latest approved plan: always for an approved
        campaign's own bar (`bar` None), for a task's only when its dates moved since."""
        baseline = self.baseline(campaign_id)
        if baseline is None:
            return None
        if bar is None:
            days = [d for d in (baseline.start_date, baseline.launch_date, baseline.end_date) if d]
            return (min(days), max(days)) if days else None
        approved = self.task(campaign_id, bar.id)
        if approved is None or (approved.start_date, approved.due_date) == (bar.start, bar.due):
            return None
        first = approved.start_date or approved.due_date
        last = approved.due_date or approved.start_date
        return (min(first, last), max(first, last)) if first and last else None
