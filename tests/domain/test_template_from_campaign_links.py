"""Saving a campaign as a template keeps the links between its tasks, as `after`: a campaign made
from that template has them again. Links to tasks outside the campaign are left out, and tasks
of one title are told apart so that every link still names one task."""

from __future__ import annotations

from datetime import date

from mopsboard.domain.builtin_templates import PRODUCT_LAUNCH
from mopsboard.domain.ids import BoardId, TaskId
from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Campaign, Stage, StageKind, Task
from mopsboard.domain.templates import (
    Names,
    campaign_for,
    plan_campaign,
    plan_links,
    tasks_for,
    template_from_campaign,
)

LAUNCH = date(2026, 6, 10)
STAGES = [
    Stage(id=1, board_id=1, name="Backlog", position=0, kind=StageKind.BACKLOG),
    Stage(id=2, board_id=1, name="Done", position=1, kind=StageKind.DONE),
]
SS = LinkKind.START_TO_START
FS = LinkKind.FINISH_TO_START


def _stored(tasks: list[Task]) -> list[Task]:
    return [t.model_copy(update={"id": n + 1}) for n, t in enumerate(tasks)]


def _links_by_title(tasks: list[Task], links: list[TaskLink]) -> set[tuple[str, str, str, int]]:
    title = {t.key: t.title for t in tasks}
    return {
        (title[k.predecessor_id], title[k.successor_id], k.kind.value, k.lag_days) for k in links
    }


def _as_links(tasks: list[Task], positions: list[tuple[int, int, LinkKind, int]]) -> list[TaskLink]:
    return [
        TaskLink(
            id=n + 1,
            predecessor_id=TaskId(tasks[p].key),
            successor_id=TaskId(tasks[s].key),
            kind=kind,
            lag_days=lag,
        )
        for n, (p, s, kind, lag) in enumerate(positions)
    ]


def test_a_campaign_from_the_product_launch_saved_as_a_template_keeps_its_18_links() -> None:
    plan = plan_campaign(PRODUCT_LAUNCH, "Spring launch", LAUNCH)
    campaign = campaign_for(plan).model_copy(update={"id": 1})
    tasks = _stored(tasks_for(plan, BoardId(1), STAGES, Names({}, {})))
    links = _as_links(tasks, plan_links(plan))
    assert len(links) == 18

    saved = template_from_campaign(campaign, tasks, STAGES, {}, {}, "Ours", links=links)

    assert sum(len(t.after) for t in saved.tasks) == 18
    again = plan_campaign(saved, "Autumn launch", LAUNCH)
    again_tasks = _stored(tasks_for(again, BoardId(1), STAGES, Names({}, {})))
    again_links = _as_links(again_tasks, plan_links(again))
    assert _links_by_title(again_tasks, again_links) == _links_by_title(tasks, links)


def test_links_leaving_the_campaign_are_left_out() -> None:
    campaign = Campaign(id=1, name="Nurture", launch_date=LAUNCH)
    tasks = [
        Task(id=1, board_id=1, stage_id=1, title="Copy", due_date=date(2026, 6, 5)),
        Task(id=2, board_id=1, stage_id=1, title="Send", due_date=LAUNCH),
    ]
    links = [
        TaskLink(id=1, predecessor_id=TaskId(1), successor_id=TaskId(2), kind=SS, lag_days=-2),
        # Task 9 is in another campaign: a template cannot name it.
        TaskLink(id=2, predecessor_id=TaskId(9), successor_id=TaskId(1)),
        TaskLink(id=3, predecessor_id=TaskId(2), successor_id=TaskId(9)),
    ]
    saved = template_from_campaign(campaign, tasks, STAGES, {}, {}, "Ours", links=links)
    after = {t.title: [(b.title, b.kind, b.lag_days) for b in t.after] for t in saved.tasks}
    assert after == {"Copy": [], "Send": [("Copy", SS, -2)]}


def test_tasks_of_one_title_are_numbered_and_their_links_follow_them() -> None:
    campaign = Campaign(id=1, name="Social", launch_date=LAUNCH)
    tasks = [
        Task(id=1, board_id=1, stage_id=1, title="Post", due_date=date(2026, 6, 3)),
        Task(id=2, board_id=1, stage_id=1, title="post", due_date=date(2026, 6, 5)),
        Task(id=3, board_id=1, stage_id=1, title="Post (2)", due_date=date(2026, 6, 8)),
        Task(id=4, board_id=1, stage_id=1, title="Report", due_date=LAUNCH),
    ]
    links = [
        TaskLink(id=1, predecessor_id=TaskId(1), successor_id=TaskId(2), lag_days=1),
        TaskLink(id=2, predecessor_id=TaskId(2), successor_id=TaskId(4)),
        TaskLink(id=3, predecessor_id=TaskId(3), successor_id=TaskId(4), kind=SS),
    ]
    saved = template_from_campaign(campaign, tasks, STAGES, {}, {}, "Ours", links=links)
    titles = [t.title for t in saved.tasks]
    # The first keeps its title; the next gets the first number no task has.
    assert titles == ["Post", "post (3)", "Post (2)", "Report"]
    after = {t.title: {(b.title, b.kind, b.lag_days) for b in t.after} for t in saved.tasks}
    assert after["post (3)"] == {("Post", FS, 1)}
    assert after["Report"] == {("post (3)", FS, 0), ("Post (2)", SS, 0)}
