"""The independent check: a scenario's comparison equals what the store computes on a copy of the
workspace with the same changes made for real through its ordinary writes, and adopting the
scenario on the original gives the copy's rows. On demo data (with one link from a task of one
campaign to a task of another), four scenarios are drafted (one defers launch work past its
launch); the workspace file is closed and copied; on the copy each change of one scenario is made
with shift_campaign, update_task, add_member, update_member and add_time_off (pushes along broken
links made as the timeline makes them, domain/link_push.py); then the copy's capacity map, launches
at risk and costs are computed as the app computes them, and compared with the scenario's figures;
finally the scenario is adopted on the original and its rows compared with the copy's.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from mopsboard.domain.calendar import Period
from mopsboard.domain.campaign_work import CampaignCost, shifted
from mopsboard.domain.capacity import CapacityMap
from mopsboard.domain.ids import CampaignId, MemberId, TaskId, TeamId
from mopsboard.domain.kinds import TeamKind
from mopsboard.domain.launch_risk import ChainTask, launch_risk
from mopsboard.domain.link_push import push_successors
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Campaign, Member, Task, TimeOff
from mopsboard.domain.scenario_compare import Comparison, PlanFigures
from mopsboard.domain.scenario_launch_work import launch_work_reason
from mopsboard.domain.scenarios import (
    AddCapacity,
    ChangeAvailability,
    CutTask,
    DeferTask,
    ReassignTask,
    ScenarioChange,
    ShiftCampaign,
    TimeOffChange,
)
from mopsboard.domain.workdays import WEEKDAYS_ONLY
from mopsboard.domain.workload import RowKind
from mopsboard.io.demo import build_demo
from mopsboard.store.workspace import Workspace

TODAY = date(2026, 3, 2)
PERIOD = Period.of(TODAY, 8)


# -- the same changes, made for real -------------------------------------------------------------


def _open_tasks(ws: Workspace) -> dict[int, Task]:
    tasks = {t.key: t for t in ws.tasks()}
    done = ws.done_task_ids(tasks)
    return {key: t for key, t in tasks.items() if key not in done}


def _push_after(ws: Workspace, moved_ids: list[int], movable: Callable[[Task], bool]) -> None:
    """Pushes, for each moved task in turn, the open tasks `movable` allows along the links the
    move broke, as the timeline's push does, each written with update_task."""
    names = {team.key: team.name.casefold() for team in ws.teams(include_archived=True)}
    calendars = ws.team_calendars()
    edges = [link.edge for link in ws.links()]

    def chain_task(task: Task) -> ChainTask:
        name = names.get(task.team_id) if task.team_id is not None else None
        calendar = calendars.get(name or "", WEEKDAYS_ONLY)
        return ChainTask(task.key, task.title, task.start_date, task.due_date, calendar)

    for moved_id in moved_ids:
        tasks = _open_tasks(ws)
        chain = {key: chain_task(t) for key, t in tasks.items() if movable(t) and key != moved_id}
        for push in push_successors(chain_task(ws.task(TaskId(moved_id))), chain, edges):
            task = ws.task(TaskId(push.task_id))
            ws.update_task(
                task.model_copy(update={"start_date": push.start_date, "due_date": push.due_date})
            )


def make_for_real(ws: Workspace, change: ScenarioChange) -> None:
    if isinstance(change, ShiftCampaign):
        ws.shift_campaign(change.campaign_id, change.days)
        if change.days > 0:
            inside = sorted(
                t.key for t in _open_tasks(ws).values() if t.campaign_id == change.campaign_id
            )
            _push_after(ws, inside, lambda t: t.campaign_id != change.campaign_id)
    elif isinstance(change, DeferTask):
        task = ws.task(change.task_id)
        ws.update_task(
            task.model_copy(
                update={
                    "start_date": shifted(task.start_date, change.days),
                    "due_date": shifted(task.due_date, change.days),
                }
            )
        )
        _push_after(ws, [task.key], lambda _t: True)
    elif isinstance(change, CutTask):
        ws.archive_tasks([change.task_id])
    elif isinstance(change, ReassignTask):
        task = ws.task(change.task_id)
        ws.update_task(
            task.model_copy(update={"assignee_id": change.assignee_id, "team_id": change.team_id})
        )
    elif isinstance(change, AddCapacity):
        ws.add_member(
            Member(
                team_id=change.team_id,
                name=change.name,
                weekly_hours=change.weekly_hours,
                hourly_rate=change.hourly_rate,
                active_from=change.first,
                active_until=change.last,
            )
        )
    elif isinstance(change, ChangeAvailability):
        member = ws.member(change.member_id)
        ws.update_member(member.model_copy(update={"availability": change.availability}))
    elif isinstance(change, TimeOffChange):
        ws.add_time_off(
            TimeOff(member_id=change.member_id, start_date=change.first, end_date=change.last)
        )


# -- the demo and its scenarios ------------------------------------------------------------------


def _scenarios(ws: Workspace) -> dict[str, list[ScenarioChange]]:
    """Three scenarios made of the demo's own rows, chosen by what they hold."""
    chains = ws.launch_chains()
    busiest = max(chains, key=lambda c: (len(chains[c][1]), -c))
    campaigns = [c for c in ws.campaigns() if c.key != busiest]
    other = campaigns[0]
    open_tasks = _open_tasks(ws)
    dated = sorted(
        (t for t in open_tasks.values() if t.due_date and t.estimate_hours and t.assignee_id),
        key=lambda t: (t.due_date or TODAY, t.key),
    )
    in_period = [t for t in dated if PERIOD.first <= (t.due_date or TODAY) <= PERIOD.last]
    successors = {link.predecessor_id for link in ws.links()}
    deferred = next(t for t in in_period if t.key in successors and t.campaign_id != busiest)
    members = ws.members(include_inactive=False)
    agency = next(t for t in ws.teams() if t.kind is TeamKind.AGENCY)
    first, second, third = in_period[1], in_period[2], in_period[3]
    # Launch work: a task due by its campaign's launch, deferred past it (its successors too).
    launches = {
        c.key: c.launch_date for c in ws.campaigns() if c.launch_date and c.launch_date >= TODAY
    }
    launch_work = next(
        t
        for t in dated
        if t.key in successors
        and t.campaign_id in launches
        and (t.due_date or TODAY) <= launches[t.campaign_id]
    )
    past = (launches[launch_work.campaign_id or 0] - (launch_work.due_date or TODAY)).days + 3
    someone_else = next(m for m in members if m.key != second.assignee_id)
    return {
        "Launch later": [
            ShiftCampaign(campaign_id=CampaignId(busiest), days=14),
            DeferTask(task_id=deferred.key, days=5),
            ShiftCampaign(campaign_id=other.key, days=-3),
        ],
        "Hand to the agency": [
            ReassignTask(task_id=first.key, team_id=agency.key),
            ReassignTask(task_id=second.key, assignee_id=someone_else.key),
            AddCapacity(
                team_id=TeamId(members[0].team_id),
                name="Contractor",
                weekly_hours=30,
                first=PERIOD.first + timedelta(weeks=1),
                last=PERIOD.first + timedelta(weeks=4, days=-1),
                hourly_rate=95,
            ),
            ChangeAvailability(member_id=MemberId(members[1].key), availability=0.5),
        ],
        "Lean": [
            CutTask(task_id=third.key),
            TimeOffChange(
                member_id=MemberId(members[2].key),
                first=PERIOD.first + timedelta(weeks=2),
                last=PERIOD.first + timedelta(weeks=2, days=4),
            ),
            DeferTask(task_id=first.key, days=9),
        ],
        "Launch work later": [DeferTask(task_id=launch_work.key, days=past)],
    }


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "demo.mopsboard"
    with Workspace.create(path) as ws:
        build_demo(ws, today=TODAY)
        # A link from one campaign's task into another's, so a shift pushes across campaigns.
        chains = ws.launch_chains()
        busiest = max(chains, key=lambda c: (len(chains[c][1]), -c))
        mine = [t for t in _open_tasks(ws).values() if t.campaign_id == busiest and t.due_date]
        last = max(mine, key=lambda t: (t.due_date or TODAY, t.key))
        later = sorted(
            (
                t
                for t in _open_tasks(ws).values()
                if t.campaign_id not in (None, busiest)
                and t.start_date
                and last.due_date
                and t.start_date > last.due_date
            ),
            key=lambda t: (t.start_date or TODAY, t.key),
        )
        ws.add_link(TaskLink(predecessor_id=last.key, successor_id=later[0].key))
        for name, changes in _scenarios(ws).items():
            scenario = ws.add_scenario(name)
            for change in changes:
                ws.add_change(scenario.key, change)
        ws.fold_journal()
    yield path


def _copy(path: Path, name: str) -> Path:
    target = path.with_name(name)
    shutil.copyfile(path, target)
    return target


# -- what is compared ----------------------------------------------------------------------------


LaunchWork = dict[int, tuple[date, set[int]]]


def _launch_work(ws: Workspace) -> LaunchWork:
    """Per campaign with a launch: its launch and its open tasks due on or before it."""
    campaigns = {c.key: c.launch_date for c in ws.campaigns() if c.launch_date is not None}
    work: LaunchWork = {key: (launch, set()) for key, launch in campaigns.items()}
    for task in _open_tasks(ws).values():
        launch = campaigns.get(task.campaign_id or 0)
        if launch is not None and task.due_date is not None and task.due_date <= launch:
            work[task.campaign_id or 0][1].add(task.key)
    return work


def _late_work_reason(ws: Workspace, work: LaunchWork, campaign: Campaign) -> str | None:
    """Why the copy's launch is at risk for launch work it has after the launch, if it is."""
    launch = campaign.launch_date
    if launch is None or launch < TODAY or campaign.key not in work:
        return None
    late = [
        t
        for t in ws.tasks()  # not archived: a cut task is no longer work
        if t.key in work[campaign.key][1] and t.due_date is not None and t.due_date > launch
    ]
    if not late:
        return None
    last = min(late, key=lambda t: (-(t.due_date or TODAY).toordinal(), t.key))
    return launch_work_reason(last.title, last.due_date or TODAY, launch, len(late) - 1)


def _overload(capacity: CapacityMap, team_id: int, week: int) -> tuple[float, int]:
    """A team's week's overload from its people's cells: each person's hours beyond their own,
    the Unassigned hours beyond what the others have left."""
    over, people, left, unassigned = 0.0, 0, 0.0, 0.0
    for row in capacity.rows:
        if row.team.key != team_id or row.kind is RowKind.TOTAL:
            continue
        cell = capacity.cell(row, week)
        if row.kind is RowKind.UNASSIGNED:
            unassigned = cell.hours
        elif round(cell.hours, 2) > round(cell.available, 2):
            over, people = over + cell.hours - cell.available, people + 1
        else:
            left += cell.available - cell.hours
    # A member the map does not show (inactive, nothing planned) has nothing left either.
    if round(unassigned, 2) > round(left, 2):
        over += unassigned - left
    return over, people


def _assert_same_figures(
    figures: PlanFigures, ws: Workspace, work: LaunchWork | None = None
) -> None:
    """The plan's figures equal the capacity, launches at risk and costs the store computes;
    given the real plan's launch work, a launch is at risk too when the copy has some of it
    after the launch."""
    capacity = ws.capacity_inputs(PERIOD, TODAY).compute(PERIOD)
    teams = [row.team for row in capacity.rows if row.kind is RowKind.TOTAL]
    assert [t.team_id for t in figures.teams] == [t.key for t in teams]
    for load in figures.teams:
        for week, cell in enumerate(load.weeks):
            real = capacity.team_cell(load.team_id, week)
            # The figure the Capacity view shows: planned and logged hours.
            assert cell.hours == pytest.approx(real.hours, abs=1e-6), (load.name, week)
            assert cell.available == pytest.approx(real.available, abs=1e-6), (load.name, week)
            assert figures.capacity.team_cell(load.team_id, week).actual == pytest.approx(
                real.actual, abs=1e-6
            ), (load.name, week)
            over, people = _overload(capacity, load.team_id, week)
            assert cell.overload == pytest.approx(over, abs=0.011), (load.name, week)
            assert cell.people_over == people, (load.name, week)
            assert cell.over_booked is (round(over, 2) > 0)
    # Every person's row too: planned, available and logged hours (a person the scenario adds
    # has an id on its map only: found by name).
    drafted = {m.name: m for m in figures.capacity.members.values() if m.key < 0}
    rows = {row.member.key: row for row in figures.capacity.rows if row.member}
    for row in capacity.rows:
        if row.kind is not RowKind.MEMBER or row.member is None:
            continue
        own = drafted.get(row.member.name) if row.member.key not in rows else None
        theirs = rows.get(own.key if own else row.member.key)
        assert theirs is not None, row.member.name
        for week in range(PERIOD.weeks):
            mine, real = figures.capacity.cell(theirs, week), capacity.cell(row, week)
            assert (mine.planned, mine.available, mine.actual) == pytest.approx(
                (real.planned, real.available, real.actual), abs=1e-6
            ), (row.member.name if row.member else "", week)
    chains = ws.launch_chains()
    costs = ws.campaign_costs()
    campaigns = {c.key: c for c in ws.campaigns()}
    # Campaigns stay in the real plan's order (side by side), whatever their new launches.
    assert sorted(c.campaign_id for c in figures.campaigns) == sorted(campaigns)
    for outlook in figures.campaigns:
        campaign = campaigns[outlook.campaign_id]
        assert outlook.launch_date == campaign.launch_date
        tasks, edges = chains.get(campaign.key, ([], []))
        risk = launch_risk(campaign.launch_date, tasks, edges, TODAY)
        late = _late_work_reason(ws, work, campaign) if work is not None else None
        assert outlook.risk == (late or (risk.reason if risk else None)), campaign.name
        cost = costs.get(campaign.key, CampaignCost())
        for field in ("planned_cost", "actual_cost", "logged_hours", "unpriced_planned_hours"):
            assert getattr(outlook.cost, field) == pytest.approx(getattr(cost, field), abs=0.011)
        assert outlook.budget == campaign.budget


def _rows(ws: Workspace) -> dict[str, object]:
    return {
        "tasks": [
            t.model_dump(exclude={"version", "updated_at"}) for t in ws.tasks(include_archived=True)
        ],
        "members": [m.model_dump(exclude={"version", "updated_at"}) for m in ws.members()],
        "time_off": [(e.member_id, e.start_date, e.end_date, e.reason) for e in ws.time_off()],
        "campaigns": [
            c.model_dump(exclude={"version", "updated_at"})
            for c in ws.campaigns(include_archived=True)
        ],
    }


def _compared(path: Path) -> Comparison:
    with Workspace.open(path, read_only=True) as ws:
        return ws.compare_scenarios([s.key for s in ws.scenarios()], PERIOD, TODAY)


def test_the_real_plan_is_what_the_store_computes(demo: Path):
    comparison = _compared(demo)
    with Workspace.open(demo, read_only=True) as ws:
        _assert_same_figures(comparison.real, ws)


@pytest.mark.parametrize(
    "name", ["Launch later", "Hand to the agency", "Lean", "Launch work later"]
)
def test_a_scenario_equals_its_changes_made_for_real_on_a_copy(demo: Path, name: str):
    comparison = _compared(demo)
    figures = next(p for p in comparison.scenarios if p.name == name)
    assert figures.problems == ()
    copy = _copy(demo, "copy.mopsboard")
    with Workspace.open(demo, read_only=True) as original:
        changes = [c.change for c in original.changes(original.scenario_named(name).key)]
        work = _launch_work(original)
    with Workspace.open(copy) as ws:
        for change in changes:
            make_for_real(ws, change)
        _assert_same_figures(figures, ws, work)
        expected = _rows(ws)
    # The scenario differs from the real plan (else the check would prove little).
    assert comparison.differences_of(figures) != comparison.differences_of(comparison.real)
    differences = comparison.differences_of(figures)
    assert differences is not None and (differences.cells or differences.campaigns)
    with Workspace.open(demo) as ws:
        adoption = ws.adopt(ws.scenario_named(name).key)
        assert adoption.not_applied == ()
        assert _rows(ws) == expected
        assert name not in [s.name for s in ws.scenarios()]


def test_launch_work_deferred_past_the_launch_is_at_risk_as_on_the_copy(demo: Path):
    comparison = _compared(demo)
    figures = next(p for p in comparison.scenarios if p.name == "Launch work later")
    late = {c.name for c in figures.campaigns if c.risk and c.risk.startswith("Launch work after")}
    # The deferred task's campaign (and any its pushes reach): the copy agrees, as
    # test_a_scenario_equals_its_changes_made_for_real_on_a_copy checks.
    with Workspace.open(demo, read_only=True) as ws:
        (defer,) = [c.change for c in ws.changes(ws.scenario_named("Launch work later").key)]
        assert isinstance(defer, DeferTask)
        campaign = ws.campaign(CampaignId(ws.task(defer.task_id).campaign_id or 0))
    assert campaign.name in late


def test_the_shift_pushed_the_task_in_the_other_campaign(demo: Path):
    comparison = _compared(demo)
    figures = next(p for p in comparison.scenarios if p.name == "Launch later")
    assert figures.applied is not None
    with Workspace.open(demo, read_only=True) as ws:
        shift = ws.changes(ws.scenario_named("Launch later").key)[0].change
        assert isinstance(shift, ShiftCampaign)
        pushed = [ws.task(TaskId(p.task_id)) for p in figures.applied.pushes[0]]
    assert pushed and all(t.campaign_id != shift.campaign_id for t in pushed)
