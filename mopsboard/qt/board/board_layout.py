"""Where a board's cards go, worked out without the model: which cards the filter shows, which
cell (a swimlane x a stage) each one sits in, and what each stage's header says."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date

from mopsboard.domain.filtering import Grouping, TaskFilter, lane_key, matcher, search_texts
from mopsboard.domain.models import Stage, Task
from mopsboard.qt.board.board_parts import Lane, StageSummary
from mopsboard.store.board_outline import CardOutline


def fold_search_texts(
    task_ids: Sequence[int], tasks: Mapping[int, Task], search: dict[int, str]
) -> None:
    """Adds the folded search texts of these tasks to `search`."""
    if task_ids:
        search.update(zip(task_ids, search_texts([tasks[i] for i in task_ids]), strict=True))


def shown_ids(
    task_ids: Iterable[int],
    tasks: Mapping[int, Task],
    search: dict[int, str],
    wanted: TaskFilter,
    today: date,
    done_stage_ids: Collection[int],
) -> list[int]:
    """The tasks `wanted` lets through, in their order; a text filter folds the search text of
    each task once (kept in `search`). A task is finished when it is in one of `done_stage_ids`
    (whatever completion it was stamped with: a stage's kind can change under its cards)."""
    if not wanted.active:
        return list(task_ids)
    ids = list(task_ids)
    if wanted.text:
        fold_search_texts([i for i in ids if i not in search], tasks, search)
    words = wanted.text.casefold().split()
    if wanted == TaskFilter(text=wanted.text):
        # Words only, the filter a user types: one membership test per word and card.
        if len(words) == 1:
            word = words[0]
            return [i for i in ids if word in search[i]]
        return [i for i in ids if all(word in search[i] for word in words)]
    passes = matcher(wanted, today)
    if wanted.text:
        return [i for i in ids if passes(tasks[i], search[i], tasks[i].stage_id in done_stage_ids)]
    return [i for i in ids if passes(tasks[i], "", tasks[i].stage_id in done_stage_ids)]


def cells_for(
    stages: Sequence[Stage],
    lanes: Sequence[Lane],
    grouping: Grouping,
    stage_order: dict[int, list[int]],
    tasks: Mapping[int, Task],
    shown: Callable[[Iterable[int]], list[int]],
) -> list[list[int]]:
    """The cards of each cell, lane by lane and stage by stage: cell `lane * len(stages) +
    column`. A card whose lane is not among `lanes` goes to the last one."""
    stage_count = len(stages)
    cells: list[list[int]] = [[] for _ in range(stage_count * len(lanes))]
    lane_row = {lane.key: n for n, lane in enumerate(lanes)}
    for column, stage in enumerate(stages):
        visible = shown(stage_order.get(stage.key, []))
        if grouping is Grouping.NONE:
            cells[column] = visible
            continue
        for task_id in visible:
            row = lane_row.get(lane_key(tasks[task_id], grouping), len(lanes) - 1)
            cells[row * stage_count + column].append(task_id)
    return cells


def summaries_for(
    stages: Sequence[Stage],
    lane_count: int,
    cells: Sequence[Sequence[int]],
    stage_order: dict[int, list[int]],
    cards: Mapping[int, CardOutline],
    hours: dict[int, float],
) -> list[StageSummary]:
    """Each stage's header: cards shown and in all, estimated hours (summed once and kept in
    `hours`, per stage id) and whether it is over its WIP limit."""
    summaries = []
    for column, stage in enumerate(stages):
        ids = stage_order.get(stage.key, [])
        shown = sum(len(cells[lane * len(stages) + column]) for lane in range(lane_count))
        stage_hours = hours.get(stage.key)
        if stage_hours is None:
            stage_hours = sum(cards[i].estimate_hours or 0.0 for i in ids)
            hours[stage.key] = stage_hours
        over = stage.wip_limit is not None and len(ids) > stage.wip_limit
        summaries.append(StageSummary(stage, shown, len(ids), stage_hours, over))
    return summaries
