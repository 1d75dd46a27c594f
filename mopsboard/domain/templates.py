"""Campaign templates and the plan a template makes for a launch date.

A template names stages, personas and teams by name, not by id, so a built-in template (or one
saved in another workspace) fits any workspace: names are matched when the plan is applied, and
what does not match is left empty and said so in the preview.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from mopsboard.domain.fields import MAX_CHECKLIST, MAX_NAME, Colour, Hours, Name, Text
from mopsboard.domain.ids import BoardId, CampaignId, PersonaId, StageId, TeamId, TemplateId
from mopsboard.domain.link_rules import MAX_LAG_DAYS, Edge, LinkKind, cycle_through
from mopsboard.domain.link_schedule import Placement, schedule_along_links
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import (
    Campaign,
    ChecklistItem,
    Record,
    Stage,
    StageKind,
    Task,
)
from mopsboard.domain.scheduling import (
    MAX_SPAN,
    NO_HOLIDAYS,
    offset_and_duration,
    schedule_backwards,
)
from mopsboard.domain.workdays import WorkCalendar

MAX_TEMPLATE_TASKS = 500
ShortText = Annotated[str, AfterValidator(lambda v: v.strip()), Field(max_length=200)]
WorkingDays = Annotated[int, Field(ge=-MAX_SPAN, le=MAX_SPAN)]

# Stage names templates use, and the kind of stage each stands for on a board that names its
# stages differently.
STAGE_KINDS = {
    "backlog": StageKind.BACKLOG,
    "ready": StageKind.ACTIVE,
    "in progress": StageKind.ACTIVE,
    "review": StageKind.REVIEW,
    "done": StageKind.DONE,
}


class TemplatePredecessor(BaseModel):
    """A task of the same template that this one waits for, by its title (see domain/links)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    title: Name
    kind: LinkKind = LinkKind.FINISH_TO_START
    lag_days: Annotated[int, Field(ge=-MAX_LAG_DAYS, le=MAX_LAG_DAYS)] = 0


class TemplateTask(BaseModel):
    # Its validator is built when it first validates, as the records' are (domain/models.py).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    title: Name
    description: Text = ""
    stage: ShortText = "Backlog"
    persona: ShortText = ""
    team: ShortText = ""
    estimate_hours: Hours = None
    checklist: tuple[Name, ...] = ()
    labels: tuple[ShortText, ...] = ()
    # Working days from the launch to the due date: negative before the launch.
    offset: WorkingDays = 0
    duration: Annotated[int, Field(ge=1, le=MAX_SPAN)] = 1
    # The template's tasks this one waits for; a template saved before links had none.
    after: tuple[TemplatePredecessor, ...] = ()

    @field_validator("checklist")
    @classmethod
    def _bound_checklist(cls, items: tuple[str, ...]) -> tuple[str, ...]:
        if len(items) > MAX_CHECKLIST:
            raise ValueError(f"has {len(items)} items; at most {MAX_CHECKLIST}")
        return items


class CampaignTemplate(Record[TemplateId]):
    """A built-in template has a `builtin_key` and no id; a saved one has an id."""

    name: Name
    description: Text = ""
    channel: ShortText = ""
    audience: ShortText = ""
    colour: Colour = "#3b82f6"
    # Working days the campaign runs on after the launch (its end date).
    run_days: Annotated[int, Field(ge=0, le=MAX_SPAN)] = 0
    tasks: tuple[TemplateTask, ...] = ()
    builtin_key: str = ""
    archived: bool = False

    @field_validator("tasks")
    @classmethod
    def _bound_tasks(cls, tasks: tuple[TemplateTask, ...]) -> tuple[TemplateTask, ...]:
        if len(tasks) > MAX_TEMPLATE_TASKS:
            raise ValueError(f"has {len(tasks)} tasks; at most {MAX_TEMPLATE_TASKS}")
        return tasks

    @model_validator(mode="after")
    def _links_name_its_tasks(self) -> Self:
        titles = [t.title.casefold() for t in self.tasks]
        for task in self.tasks:
            for before in task.after:
                wanted = before.title.casefold()
                if wanted == task.title.casefold():
                    raise ValueError(f"the task '{task.title}' cannot wait for itself")
                if titles.count(wanted) != 1:
                    how = "no task" if wanted not in titles else "more than one task"
                    raise ValueError(
                        f"the task '{task.title}' waits for '{before.title}', and the template "
                        f"has {how} of that title"
                    )
        edges = [(p, s) for p, s, _kind, _lag in template_links(self)]
        for index, (waited_for, waiting) in enumerate(edges):
            loop = cycle_through(edges[:index], waited_for, waiting)
            if loop:
                names = loop_chain([self.tasks[i].title for i in loop])
                raise ValueError(f"its tasks wait for each other in a loop ({names})")
        return self

    @property
    def builtin(self) -> bool:
        return bool(self.builtin_key) and self.id is None

    @property
    def estimate_total(self) -> float:
        return sum(t.estimate_hours or 0.0 for t in self.tasks)


def loop_chain(titles: Sequence[str]) -> str:
    """A loop of tasks by title, each before the next, shown closing: 'A' → 'B' → 'A'."""
    return " \u2192 ".join(f"'{title}'" for title in [*titles, titles[0]])


def loop_refusal(path: Sequence[str]) -> str:
    """Why a template's task `path[0]` cannot wait for `path[-1]`, which waits for it along
    `path` (titles, as `cycle_through` gives the loop): the words of a link between tasks
    (domain/link_rules.py, `cycle_refusal`), by title, as a template's tasks have no ids."""
    waiting, awaited = path[0], path[-1]
    return (
        f"'{waiting}' cannot wait for '{awaited}': '{awaited}' already waits for it "
        f"({loop_chain(path)}), so neither could ever start. Remove one of those links first, "
        "or link the tasks the other way round."
    )


def template_links(template: CampaignTemplate) -> list[tuple[int, int, LinkKind, int]]:
    """The template's links as (predecessor, successor, kind, lag) by index in its tasks."""
    index = {t.title.casefold(): n for n, t in enumerate(template.tasks)}
    return [
        (index[before.title.casefold()], n, before.kind, before.lag_days)
        for n, task in enumerate(template.tasks)
        for before in task.after
        if before.title.casefold() in index
    ]


def slug(name: str) -> str:
    """A name as a command-line word: "Product launch" -> "product-launch"."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def find_template(templates: Sequence[CampaignTemplate], wanted: str) -> CampaignTemplate | None:
    """By name, ignoring case, or by its slug ("product-launch")."""
    text = wanted.strip().casefold()
    for template in templates:
        if template.name.casefold() == text or template.builtin_key == text:
            return template
    for template in templates:
        if slug(template.name) == slug(wanted):
            return template
    return None


@dataclass(frozen=True)
class PlannedTask:
    source: TemplateTask
    start: date
    due: date
    # The position of the task in its template (a plan lists its tasks by date).
    index: int = 0


@dataclass(frozen=True)
class CampaignPlan:
    template: CampaignTemplate
    name: str
    launch: date
    tasks: tuple[PlannedTask, ...]

    @property
    def start(self) -> date:
        return min([self.launch, *(t.start for t in self.tasks)])

    @property
    def end(self) -> date:
        return max([self.launch, *(t.due for t in self.tasks)])

    def in_past(self, today: date) -> list[PlannedTask]:
        return [t for t in self.tasks if t.start < today]


def plan_campaign(
    template: CampaignTemplate,
    name: str,
    launch: date,
    holidays: Collection[date] = NO_HOLIDAYS,
    calendars: Mapping[str, WorkCalendar] | None = None,
) -> CampaignPlan:
    """Every task's start and due date, counted backwards from the launch over working days.

    With `calendars` (a team's calendar by its case-folded name, domain/workdays.py), each task
    is placed on the working days of the team it names (weekends only for a team not there),
    and a task others wait for is due as late as its links allow (domain/link_schedule.py);
    without, on weekdays less `holidays`, each at its own offset."""
    if calendars is None:
        tasks = [
            PlannedTask(t, *schedule_backwards(launch, t.offset, t.duration, holidays), index=n)
            for n, t in enumerate(template.tasks)
        ]
    else:
        placements = {}
        for n, task in enumerate(template.tasks):
            calendar = calendars.get(task.team.strip().casefold(), WorkCalendar())
            # Where it is due when nothing waits for it: its offset, on its team's days.
            anchor = calendar.add_working_days(launch, task.offset)
            placements[n] = Placement(anchor, task.duration, calendar)
        edges = [Edge(*link) for link in template_links(template)]
        placed = schedule_along_links(placements, edges)
        tasks = [PlannedTask(t, *placed[n], index=n) for n, t in enumerate(template.tasks)]
    ordered = tuple(sorted(tasks, key=lambda p: (p.due, p.start)))
    return CampaignPlan(template, name, launch, ordered)


def plan_links(plan: CampaignPlan) -> list[tuple[int, int, LinkKind, int]]:
    """The template's links by position in `plan.tasks` (and so in `tasks_for`'s list)."""
    position = {planned.index: n for n, planned in enumerate(plan.tasks)}
    return [
        (position[before], position[after], kind, lag)
        for before, after, kind, lag in template_links(plan.template)
    ]


def plan_end(plan: CampaignPlan, holidays: Collection[date] = NO_HOLIDAYS) -> date:
    """The campaign's end: after its last task and after the template's run after launch."""
    run_end = schedule_backwards(plan.launch, plan.template.run_days, 1, holidays)[1]
    return max(plan.end, run_end)


def stage_for(name: str, stages: Sequence[Stage]) -> Stage:
    """The board's stage a template's stage name means: the same name, else the first stage of
    the same kind, else the first stage."""
    if not stages:
        raise ValueError("the board has no stages")
    wanted = name.strip().casefold()
    for stage in stages:
        if stage.name.casefold() == wanted:
            return stage
    kind = STAGE_KINDS.get(wanted)
    if kind is not None:
        for stage in stages:
            if stage.kind is kind:
                return stage
    return stages[0]


@dataclass(frozen=True)
class Names:
    """Ids of the workspace's personas and teams by case-folded name."""

    personas: Mapping[str, PersonaId]
    teams: Mapping[str, TeamId]

    def persona(self, name: str) -> PersonaId | None:
        return self.personas.get(name.strip().casefold()) if name else None

    def team(self, name: str) -> TeamId | None:
        return self.teams.get(name.strip().casefold()) if name else None


def unmatched(plan: CampaignPlan, names: Names) -> list[str]:
    """Personas and teams the template names that this workspace lacks, for the preview."""
    missing: list[str] = []
    for planned in plan.tasks:
        source = planned.source
        if source.persona and names.persona(source.persona) is None:
            text = f"persona '{source.persona}'"
            if text not in missing:
                missing.append(text)
        if source.team and names.team(source.team) is None:
            text = f"team '{source.team}'"
            if text not in missing:
                missing.append(text)
    return missing


def campaign_for(
    plan: CampaignPlan, owner: str = "", holidays: Collection[date] = NO_HOLIDAYS
) -> Campaign:
    template = plan.template
    return Campaign(
        name=plan.name,
        objective=template.description,
        channel=template.channel,
        audience=template.audience,
        owner=owner,
        start_date=plan.start,
        launch_date=plan.launch,
        end_date=plan_end(plan, holidays),
        colour=template.colour,
    )


def tasks_for(
    plan: CampaignPlan,
    board_id: BoardId,
    stages: Sequence[Stage],
    names: Names,
    campaign_id: CampaignId | None = None,
) -> list[Task]:
    """The plan as tasks of a board (not yet stored)."""
    tasks = []
    for planned in plan.tasks:
        source = planned.source
        stage = stage_for(source.stage, stages)
        tasks.append(
            Task(
                board_id=board_id,
                stage_id=stage.key,
                title=source.title,
                description=source.description,
                campaign_id=campaign_id,
                persona_id=names.persona(source.persona),
                team_id=names.team(source.team),
                estimate_hours=source.estimate_hours,
                start_date=planned.start,
                due_date=planned.due,
                labels=source.labels,
                checklist=tuple(ChecklistItem(text=text) for text in source.checklist),
            )
        )
    return tasks


def _start_stage_names(stages: Sequence[Stage]) -> dict[StageId, str]:
    """Each stage's name as a new campaign's task would start in: work that had moved on (in
    progress, in review, done) starts again in its board's first stage."""
    by_board: dict[int, list[Stage]] = {}
    for stage in sorted(stages, key=lambda s: (s.board_id, s.position, s.key)):
        by_board.setdefault(stage.board_id, []).append(stage)
    names = {}
    for board_stages in by_board.values():
        first_active = next((s for s in board_stages if s.kind is StageKind.ACTIVE), None)
        for stage in board_stages:
            keep = stage.kind is StageKind.BACKLOG or stage is first_active
            names[stage.key] = stage.name if keep else board_stages[0].name
    return names


def _unique_titles(titles: Sequence[str]) -> list[str]:
    """The titles with each repeat (ignoring case) numbered: the first keeps its title, the next
    gets the first " (N)" from 2 that no task has, so that a link names one task."""
    taken = {title.casefold() for title in titles}
    seen: set[str] = set()
    unique = []
    for title in titles:
        if title.casefold() in seen:
            number = 2
            while True:
                suffix = f" ({number})"
                candidate = title[: MAX_NAME - len(suffix)].rstrip() + suffix
                if candidate.casefold() not in taken:
                    break
                number += 1
            taken.add(candidate.casefold())
            title = candidate
        seen.add(title.casefold())
        unique.append(title)
    return unique


def template_from_campaign(
    campaign: Campaign,
    tasks: Sequence[Task],
    stages: Sequence[Stage],
    persona_names: Mapping[int, str],
    team_names: Mapping[int, str],
    name: str,
    holidays: Collection[date] = NO_HOLIDAYS,
    *,
    links: Iterable[TaskLink] = (),
) -> CampaignTemplate:
    """A template that plans a campaign like this one: offsets from its launch date (or, with
    none, from its last due date), checklists unticked, no assignees.

    Each task waits, under `after`, for what it waits for in `links` (kind and lag kept); a link
    with a task outside `tasks` (another campaign's, or none) is left out, as a template only
    names its own tasks. A template's titles name its tasks, so two tasks of one title (ignoring
    case) are told apart: in the template's order, the first keeps its title and each next one
    gets " (2)", " (3)", ... (the first number no task has)."""
    dues = [t.due_date or t.start_date for t in tasks if t.due_date or t.start_date]
    launch = campaign.launch_date or (max(d for d in dues if d) if dues else date.today())
    stage_names = _start_stage_names(stages)
    placed = []
    for task in tasks:
        offset, duration = offset_and_duration(launch, task.start_date, task.due_date, holidays)
        placed.append((offset, duration, task))
    placed.sort(key=lambda p: (p[0], -p[1], p[2].title.casefold()))
    titles = _unique_titles([task.title for _offset, _duration, task in placed])
    title_of = {task.id: title for (_o, _d, task), title in zip(placed, titles, strict=True)}
    waits_for: dict[int, list[TemplatePredecessor]] = {}
    for link in links:
        before = title_of.get(link.predecessor_id)
        if before is not None and link.successor_id in title_of:
            waits_for.setdefault(link.successor_id, []).append(
                TemplatePredecessor(title=before, kind=link.kind, lag_days=link.lag_days)
            )
    template_tasks = [
        TemplateTask(
            title=title,
            description=task.description,
            stage=stage_names.get(task.stage_id, "Backlog"),
            persona=persona_names.get(task.persona_id, "") if task.persona_id else "",
            team=team_names.get(task.team_id, "") if task.team_id else "",
            estimate_hours=task.estimate_hours,
            checklist=tuple(item.text for item in task.checklist),
            labels=tuple(label for label in task.labels if len(label) <= 200),
            offset=offset,
            duration=duration,
            after=tuple(waits_for.get(task.id, ())) if task.id is not None else (),
        )
        for (offset, duration, task), title in zip(placed, titles, strict=True)
    ]
    run_days = 0
    if campaign.launch_date and campaign.end_date and campaign.end_date > campaign.launch_date:
        run_days = max(0, offset_and_duration(launch, None, campaign.end_date, holidays)[0])
    return CampaignTemplate(
        name=name,
        description=campaign.objective,
        channel=campaign.channel,
        audience=campaign.audience,
        colour=campaign.colour,
        run_days=run_days,
        tasks=tuple(template_tasks),
    )
