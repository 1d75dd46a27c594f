"""What comparing and adopting scenarios read of the real plan.

- `plan_rows(changes) -> PlanRows`: the part of the real plan the changes may touch
  (domain/scenario_apply.py): the tasks they name, every task of a shifted campaign, every task
  after those along links and the links between them, which are done or on a deleted board,
  every campaign, person and team, and each team's working days. A row a change names that is
  gone is simply not there (applying reports it).
- `comparison_inputs(period, today=None) -> ComparisonInputs`: the real plan for every compared
  plan, read once: the capacity inputs of the period (`capacity_inputs`), the campaigns, the
  campaigns' open linked tasks and the links, the estimates and logged hours cost is priced
  from, each team's working days.
- `compare_scenarios(scenario_ids, period, today=None) -> Comparison`: the real plan and these
  scenarios side by side (domain/scenario_compare.py), each computed once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from mopsboard.domain.ids import CampaignId, MemberId, ScenarioId, TaskId, TeamId
from mopsboard.domain.kinds import StageKind
from mopsboard.domain.link_rules import Edge, LinkKind
from mopsboard.store.scenario_drafts import ScenarioDrafts
from mopsboard.store.task_rows import MAX_HOURS

if TYPE_CHECKING:
    # Loaded when a scenario is first applied or compared: a board window never needs the
    # capacity rules, nor the push and risk rules the comparison uses.
    from mopsboard.domain.calendar import Period
    from mopsboard.domain.scenario_apply import PlanRows
    from mopsboard.domain.scenario_compare import Comparison, ComparisonInputs, ScenarioPlan
    from mopsboard.domain.scenario_words import Names
    from mopsboard.domain.scenarios import ScenarioChange
    from mopsboard.domain.workdays import WorkCalendar

_CHUNK = 500


def _day(value: object) -> date | None:
    # A date another program wrote in another form counts as missing, as launch_chains reads it.
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _hours(value: object) -> float | None:
    if type(value) is int:
        value = float(value)
    return value if type(value) is float and 0 <= value <= MAX_HOURS else None


class ScenarioInputs(ScenarioDrafts):
    # -- the rows changes touch -----------------------------------------------------------------

    def _edges(self) -> list[Edge]:
        with self._read() as db:
            rows = db.execute(
                "SELECT predecessor_id, successor_id, kind, lag_days FROM task_links ORDER BY id"
            ).fetchall()
        return [Edge(int(a), int(b), LinkKind(kind), int(lag)) for a, b, kind, lag in rows]

    def _team_calendars_by_id(self) -> dict[TeamId, WorkCalendar]:
        by_name = self.team_calendars()
        return {
            team.key: by_name[team.name.casefold()]
            for team in self.teams(include_archived=True)
            if team.name.casefold() in by_name
        }

    def _on_deleted_board(self, task_ids: Sequence[int]) -> set[int]:
        found: set[int] = set()
        with self._read() as db:
            for start in range(0, len(task_ids), _CHUNK):
                chunk = list(task_ids[start : start + _CHUNK])
                marks = ", ".join("?" for _ in chunk)
                rows = db.execute(
                    f"SELECT t.id FROM tasks t JOIN boards b ON b.id = t.board_id "  # noqa: S608
                    f"WHERE t.id IN ({marks}) AND b.archived = 1",
                    chunk,
                ).fetchall()
                found.update(int(r[0]) for r in rows)
        return found

    def plan_rows(self, changes: Iterable[ScenarioChange]) -> PlanRows:
        """The part of the real plan `changes` may touch (the module's summary)."""
        from mopsboard.domain.scenario_apply import PlanRows
        from mopsboard.domain.scenario_base import touched_rows

        touched = [touched_rows(change) for change in changes]
        campaign_ids = sorted({c for t in touched for c in t.campaigns})
        campaign_tasks: dict[CampaignId, list[TaskId]] = {}
        with self._read() as db:
            for campaign_id in campaign_ids:
                campaign_tasks[campaign_id] = [
                    TaskId(int(r[0]))
                    for r in db.execute(
                        "SELECT id FROM tasks WHERE campaign_id = ? ORDER BY id", [campaign_id]
                    ).fetchall()
                ]
        seeds = {t for touch in touched for t in touch.tasks}
        seeds |= {t for ids in campaign_tasks.values() for t in ids}
        edges = self._edges() if seeds else []
        following: dict[int, list[int]] = {}
        for edge in edges:
            following.setdefault(edge.predecessor, []).append(edge.successor)
        reached: set[int] = set(seeds)
        frontier: list[int] = list(seeds)
        while frontier:
            ahead = [s for key in frontier for s in following.get(key, ()) if s not in reached]
            reached.update(ahead)
            frontier = ahead
        wanted = sorted(reached)
        tasks = {t.key: t for t in self.tasks_by_id(wanted)}
        return PlanRows(
            tasks=tasks,
            campaigns={c.key: c for c in self.campaigns(include_archived=True)},
            members={m.key: m for m in self.members()},
            teams={t.key: t for t in self.teams(include_archived=True)},
            campaign_tasks=campaign_tasks,
            edges=tuple(e for e in edges if e.predecessor in tasks and e.successor in tasks),
            done=frozenset(TaskId(t) for t in self.done_task_ids(wanted)),
            on_deleted_board=frozenset(TaskId(t) for t in self._on_deleted_board(wanted)),
            calendars=self._team_calendars_by_id(),
        )

    def change_names(self, changes: Iterable[ScenarioChange]) -> Names:
        """The names of the rows `changes` refer to, for saying them in words."""
        from mopsboard.domain.scenario_base import touched_rows
        from mopsboard.domain.scenario_words import Names

        task_ids = sorted({t for change in changes for t in touched_rows(change).tasks})
        return Names(
            tasks={t.key: t.title for t in self.tasks_by_id(task_ids)},
            campaigns={c.key: c.name for c in self.campaigns(include_archived=True)},
            members={m.key: m.name for m in self.members()},
            teams={t.key: t.name for t in self.teams(include_archived=True)},
        )

    # -- the real plan, for every compared plan -------------------------------------------------

    def comparison_inputs(self, period: Period, today: date | None = None) -> ComparisonInputs:
        """The real plan as every compared plan starts from it, read once."""
        from mopsboard.domain.scenario_compare import (
            ChainRow,
            ComparisonInputs,
            CostRow,
            LoggedRow,
            PeriodLog,
        )

        capacity = self.capacity_inputs(period, today)
        with self._read() as db:
            chain_rows = db.execute(
                "SELECT t.id, t.title, t.campaign_id, t.start_date, t.due_date, t.team_id "
                "FROM tasks t JOIN stages s ON s.id = t.stage_id "
                "WHERE t.campaign_id IS NOT NULL AND t.archived = 0 AND s.kind != ? AND t.id IN "
                "(SELECT predecessor_id FROM task_links UNION SELECT successor_id FROM task_links)",
                [StageKind.DONE.value],
            ).fetchall()
            cost_rows = db.execute(
                "SELECT id, campaign_id, estimate_hours, assignee_id, team_id FROM tasks "
                "WHERE campaign_id IS NOT NULL AND archived = 0 AND estimate_hours IS NOT NULL"
            ).fetchall()
            period_rows = db.execute(
                "SELECT l.task_id, l.member_id, l.day, SUM(l.hours), t.title FROM time_logs l "
                "JOIN tasks t ON t.id = l.task_id WHERE l.day BETWEEN ? AND ? "
                "GROUP BY l.task_id, l.member_id, l.day, t.title",
                [period.first.isoformat(), period.last.isoformat()],
            ).fetchall()
            logged_rows = db.execute(
                "SELECT t.id, t.campaign_id, l.member_id, l.hours, t.assignee_id, t.team_id "
                "FROM time_logs l JOIN tasks t ON t.id = l.task_id "
                "WHERE t.campaign_id IS NOT NULL AND t.archived = 0 ORDER BY l.id"
            ).fetchall()
        chains = [
            ChainRow(TaskId(r[0]), str(r[1]), CampaignId(r[2]), _day(r[3]), _day(r[4]), _team(r[5]))
            for r in chain_rows
        ]
        costs = [
            CostRow(TaskId(r[0]), CampaignId(r[1]), hours, _member(r[3]), _team(r[4]))
            for r in cost_rows
            if type(r[1]) is int and (hours := _hours(r[2])) is not None
        ]
        logged = [
            LoggedRow(
                TaskId(r[0]), CampaignId(r[1]), _member(r[2]), hours, _member(r[4]), _team(r[5])
            )
            for r in logged_rows
            if type(r[1]) is int and (hours := _hours(r[3])) is not None
        ]
        return ComparisonInputs(
            period,
            capacity,
            self.campaigns(),
            chains,
            self._edges() if chains else [],
            costs,
            logged,
            self._team_calendars_by_id(),
            [
                PeriodLog(TaskId(r[0]), _member(r[1]), day, float(r[3]), str(r[4]))
                for r in period_rows
                if (day := _day(r[2])) is not None
            ],
        )

    def scenario_plan(self, scenario_id: ScenarioId) -> ScenarioPlan:
        """A scenario's changes applied to the real plan as it stands (for a comparison)."""
        from mopsboard.domain.scenario_apply import apply_changes
        from mopsboard.domain.scenario_compare import ScenarioPlan

        scenario = self.scenario(scenario_id)
        changes = [drafted.change for drafted in self.changes(scenario_id)]
        plan = self.plan_rows(changes)
        return ScenarioPlan(scenario.name, scenario.key, plan, apply_changes(plan, changes))

    def compare_scenarios(
        self, scenario_ids: Sequence[ScenarioId], period: Period, today: date | None = None
    ) -> Comparison:
        """The real plan and these scenarios over `period`, each computed once."""
        from mopsboard.domain.scenario_compare import compare

        inputs = self.comparison_inputs(period, today)
        return compare(inputs, [self.scenario_plan(s) for s in scenario_ids])


def _member(value: object) -> MemberId | None:
    return MemberId(value) if type(value) is int else None


def _team(value: object) -> TeamId | None:
    return TeamId(value) if type(value) is int else None
