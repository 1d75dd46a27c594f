"""Adopting a scenario: its changes written to the real plan in one unit of work, the scenario
deleted in the same unit, and what undo needs to put every row back as one step.

- `adoption_conflicts(scenario_id) -> list[ChangeConflict]`: what adopting now would be refused
  for, without writing (what to ask the user about, change by change).
- `adopt(scenario_id, decisions=None) -> Adoption`: first checks that every row each change
  was drafted against (its base) is as it was; when some changed or are gone, raises
  `ScenarioConflicts` naming each such change and what happened to its rows, in words, unless
  `decisions` says for that change `"apply"` (apply it to the rows as they are now) or `"skip"`.
  Then applies the changes in order with the same pure function the comparison uses
  (domain/scenario_apply.py) and writes the rows it changed through the store's ordinary writes
  (`update_campaign`, `update_task`, `update_member`, `add_member`, `add_time_off`), so board
  rules, change reports and task logs stay true. A change that cannot apply (its row is gone)
  and was decided on is left out, named in `Adoption.not_applied`. The successors a shift or a
  deferral pushes are not in its base: they are pushed from their dates as they are now.
- `undo_adoption(adoption, check=True)`: every row back as it was (only the fields the adoption
  changed are written back), the people and time off it added removed, the scenario back with
  its changes. With `check`, refuses (ConflictError) when someone changed those fields since.
- `redo_adoption(adoption, check=True)`: the adoption again, as it was first made (the people
  and time off it added keep their ids).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from mopsboard.domain.errors import ConflictError, MopsboardError
from mopsboard.domain.ids import ScenarioChangeId, ScenarioId
from mopsboard.domain.models import Campaign, Member, Record, Task, TimeOff
from mopsboard.store.scenario_drafts import DeletedScenario
from mopsboard.store.scenario_inputs import ScenarioInputs

if TYPE_CHECKING:
    # Loaded when a scenario is first adopted (see store/scenario_inputs.py).
    from mopsboard.domain.scenario_apply import Applied, PlanRows
    from mopsboard.domain.scenario_base import Drift
    from mopsboard.domain.scenario_words import Names

Decision = Literal["apply", "skip"]
R = TypeVar("R", bound=Record[Any])

# What an adoption never writes back or compares: the store keeps them.
_BOOKKEEPING = frozenset(
    {"id", "version", "updated_at", "created_at", "completed_at", "rank", "problems"}
)


@dataclass(frozen=True)
class ChangeConflict:
    """A change whose rows moved since it was drafted: which change, and what happened."""

    change_id: ScenarioChangeId
    number: int  # its place in the scenario's order, from 1
    change_text: str
    drifts: tuple[Drift, ...] = ()
    problem: str | None = None  # the change cannot apply at all (its row is gone)

    @property
    def text(self) -> str:
        what = [d.text for d in self.drifts]
        if self.problem and not self.drifts:
            what.append(self.problem)
        return f"change {self.number} ({self.change_text}): {'; '.join(what)}"


class ScenarioConflicts(MopsboardError):
    """Adopting was refused: rows the changes were drafted against changed or are gone."""

    def __init__(self, scenario: str, conflicts: Sequence[ChangeConflict]) -> None:
        self.scenario = scenario
        self.conflicts = tuple(conflicts)
        lines = "; ".join(c.text for c in self.conflicts)
        super().__init__(
            f"The scenario '{scenario}' was not adopted: the real plan changed since it was "
            f"drafted: {lines}. Decide for each such change whether to apply it anyway or skip "
            "it."
        )


@dataclass(frozen=True)
class Edited(Generic[R]):
    """A row as it was before the adoption and as the adoption wrote it."""

    before: R
    after: R

    @property
    def fields(self) -> tuple[str, ...]:
        names = set(type(self.before).model_fields) - _BOOKKEEPING
        return tuple(sorted(n for n in names if getattr(self.before, n) != getattr(self.after, n)))


@dataclass(frozen=True)
class Adoption:
    """What an adoption wrote, and so what its undo puts back (one step)."""

    scenario: DeletedScenario
    tasks: tuple[Edited[Task], ...] = ()
    campaigns: tuple[Edited[Campaign], ...] = ()
    members: tuple[Edited[Member], ...] = ()
    added_members: tuple[Member, ...] = ()
    added_time_off: tuple[TimeOff, ...] = ()
    not_applied: tuple[ScenarioChangeId, ...] = ()

    @property
    def name(self) -> str:
        return self.scenario.scenario.name


@dataclass(frozen=True)
class _AdoptionPlan:
    name: str
    plan: PlanRows
    applied: Applied
    conflicts: list[ChangeConflict]
    not_applied: list[ScenarioChangeId]


class ScenarioAdoption(ScenarioInputs):
    def adoption_conflicts(self, scenario_id: ScenarioId) -> list[ChangeConflict]:
        """The changes adopting would be refused for now (their rows moved since they were
        drafted, or are gone), without writing anything: what to ask the user about."""
        with self._read():
            return self._adoption_plan(scenario_id, {}).conflicts

    def adopt(
        self,
        scenario_id: ScenarioId,
        decisions: Mapping[ScenarioChangeId, Decision] | None = None,
    ) -> Adoption:
        """Writes the scenario's changes to the real plan and deletes the scenario, in one unit
        of work (the module's rules)."""
        decided = dict(decisions or {})
        with self._write():
            planned = self._adoption_plan(scenario_id, decided)
            if planned.conflicts:
                raise ScenarioConflicts(planned.name, planned.conflicts)
            plan, applied = planned.plan, planned.applied
            adoption = self._write_adopted(
                self.delete_scenario(scenario_id),
                [Edited(plan.campaigns[k], c) for k, c in sorted(applied.campaigns.items())],
                [Edited(plan.members[k], m) for k, m in sorted(applied.members.items())],
                [Edited(plan.tasks[k], t) for k, t in sorted(applied.tasks.items())],
                applied.new_members,
                applied.new_time_off,
            )
        return _with_not_applied(adoption, planned.not_applied)

    def _adoption_plan(
        self, scenario_id: ScenarioId, decided: Mapping[ScenarioChangeId, Decision]
    ) -> _AdoptionPlan:
        from mopsboard.domain.scenario_apply import apply_changes
        from mopsboard.domain.scenario_base import Now, drifts
        from mopsboard.domain.scenario_words import change_text

        scenario = self.scenario(scenario_id)
        drafted = self.changes(scenario_id)
        plan = self.plan_rows([d.change for d in drafted])
        now = Now(plan.tasks, plan.campaigns, plan.members, plan.campaign_tasks, self._names(plan))
        kept = [d for d in drafted if decided.get(d.key) != "skip"]
        applied = apply_changes(plan, [d.change for d in kept])
        problems = {kept[p.index].key: p.text for p in applied.problems}
        conflicts = []
        names: Names | None = None
        for number, change in enumerate(drafted, start=1):
            moved = tuple(drifts(change.base, now))
            problem = problems.get(change.key)
            if (moved or problem) and change.key not in decided:
                names = names or self.change_names([d.change for d in drafted])
                text = change_text(change.change, names)
                conflicts.append(ChangeConflict(change.key, number, text, moved, problem))
        skipped = [d.key for d in drafted if decided.get(d.key) == "skip"]
        return _AdoptionPlan(scenario.name, plan, applied, conflicts, [*skipped, *problems])

    def _names(self, plan: PlanRows) -> dict[str, dict[int, str]]:
        """The names of the rows a conflict may name by id, per field."""
        with self._read() as db:
            stages = {int(k): str(n) for k, n in db.execute("SELECT id, name FROM stages")}
        teams = {int(k): t.name for k, t in plan.teams.items()}
        return {
            "assignee_id": {int(k): m.name for k, m in plan.members.items()},
            "team_id": teams,
            "campaign_id": {int(k): c.name for k, c in plan.campaigns.items()},
            "stage_id": stages,
        }

    def _write_adopted(
        self,
        scenario: DeletedScenario,
        campaigns: Sequence[Edited[Campaign]],
        members: Sequence[Edited[Member]],
        tasks: Sequence[Edited[Task]],
        new_members: Sequence[Member],
        new_time_off: Sequence[TimeOff],
    ) -> Adoption:
        written_campaigns = [Edited(e.before, self.update_campaign(e.after)) for e in campaigns]
        written_members = [Edited(e.before, self.update_member(e.after)) for e in members]
        # Tasks after people: a task handed to someone follows their team as it now is.
        written_tasks = [Edited(e.before, self.update_task(e.after)) for e in tasks]
        added = tuple(self.add_member(member) for member in new_members)
        time_off = tuple(self.add_time_off(entry) for entry in new_time_off)
        return Adoption(
            scenario,
            tuple(written_tasks),
            tuple(written_campaigns),
            tuple(written_members),
            added,
            time_off,
        )

    def undo_adoption(self, adoption: Adoption, *, check: bool = True) -> None:
        """Every row back as it was before the adoption, in one unit of work (see the module)."""
        with self._write():
            self._put_fields(adoption, to_before=True, check=check)
            for entry in adoption.added_time_off:
                self.delete_time_off(entry.key)
            for member in adoption.added_members:
                self.delete_member(member.key)
            self.restore_scenario(adoption.scenario)

    def redo_adoption(self, adoption: Adoption, *, check: bool = True) -> None:
        """The adoption made again as it was first made, in one unit of work."""
        with self._write():
            self.delete_scenario(adoption.scenario.scenario.key)
            self._put_fields(adoption, to_before=False, check=check)
            for member in adoption.added_members:
                self.restore_member(member)
            for entry in adoption.added_time_off:
                self._insert("time_off", entry)

    def _put_fields(self, adoption: Adoption, *, to_before: bool, check: bool) -> None:
        """The adopted fields of every row set to their values before (undo) or after (redo);
        with `check`, first refuses when someone changed any of them since."""
        campaigns = _planned(adoption.campaigns, self.campaign, to_before)
        members = _planned(adoption.members, self.member, to_before)
        tasks = _planned(adoption.tasks, self.task, to_before)
        if check:
            for table, planned in (
                ("campaigns", campaigns),
                ("members", members),
                ("tasks", tasks),
            ):
                stale = [row.current.key for row in planned if row.stale]
                if stale:
                    raise ConflictError("Changed elsewhere meanwhile.", table, stale[0], stale)
        for campaign in campaigns:
            self.update_campaign(campaign.written)
        for member in members:
            self.update_member(member.written)
        for task in tasks:
            self.update_task(task.written)


@dataclass(frozen=True)
class _Planned(Generic[R]):
    current: R
    written: R
    stale: bool


def _refuse_stale(table: str, planned: Sequence[_Planned[Any]]) -> None:
    stale = [row.current.key for row in planned if row.stale]
    if stale:
        raise ConflictError("Changed elsewhere meanwhile.", table, stale[0], stale)


def _planned(
    edits: Sequence[Edited[R]], read: Callable[[Any], R], to_before: bool
) -> list[_Planned[R]]:
    """Each row as it is now, as it is to be written, and whether someone else changed the
    fields the adoption wrote (they no longer hold what the other side of the step left)."""
    found = []
    for edit in edits:
        source, expected = (edit.before, edit.after) if to_before else (edit.after, edit.before)
        current = read(edit.before.key)
        fields = edit.fields
        stale = any(getattr(current, f) != getattr(expected, f) for f in fields)
        written = current.model_copy(update={f: getattr(source, f) for f in fields})
        found.append(_Planned(current, written, stale))
    return found


def _with_not_applied(adoption: Adoption, ids: Sequence[ScenarioChangeId]) -> Adoption:
    return Adoption(
        adoption.scenario,
        adoption.tasks,
        adoption.campaigns,
        adoption.members,
        adoption.added_members,
        adoption.added_time_off,
        tuple(dict.fromkeys(ids)),
    )


__all__ = [
    "Adoption",
    "ChangeConflict",
    "Decision",
    "Edited",
    "ScenarioAdoption",
    "ScenarioConflicts",
]
