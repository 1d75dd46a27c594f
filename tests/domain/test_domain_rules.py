"""Board rules: hard WIP limits and review gates."""

from __future__ import annotations

import pytest

from mopsboard.domain.errors import RuleError
from mopsboard.domain.models import ChecklistItem, Stage, StageKind, Task
from mopsboard.domain.rules import (
    PredecessorGate,
    check_gate,
    check_wip,
    gates_passed,
    predecessor_stop,
)

BACKLOG = Stage(id=1, board_id=1, name="Backlog", position=0, kind=StageKind.BACKLOG)
DOING = Stage(id=2, board_id=1, name="In progress", position=1)
REVIEW = Stage(
    id=3, board_id=1, name="Legal review", position=2, kind=StageKind.REVIEW, is_gate=True
)
DONE = Stage(id=4, board_id=1, name="Done", position=3, kind=StageKind.DONE)
STAGES = [BACKLOG, DOING, REVIEW, DONE]


def task(stage: Stage, *items: tuple[str, bool], title: str = "Launch email") -> Task:
    return Task(
        id=9,
        board_id=1,
        stage_id=stage.key,
        title=title,
        checklist=tuple(ChecklistItem(text=text, done=done) for text, done in items),
    )


OPEN = (("GDPR consent wording", False), ("CAN-SPAM footer", True), ("CCPA link", False))


@pytest.mark.parametrize("source", [REVIEW, BACKLOG, DOING])
def test_gate_refuses_open_checklist_and_lists_the_open_items(source: Stage) -> None:
    with pytest.raises(RuleError) as caught:
        check_gate(STAGES, [task(source, *OPEN)], DONE)
    message = str(caught.value)
    assert "'Launch email' cannot pass the review gate 'Legal review' into 'Done'" in message
    assert "2 open items: GDPR consent wording; CCPA link." in message
    assert "CAN-SPAM footer" not in message


def test_gate_message_for_one_open_item_is_singular() -> None:
    with pytest.raises(RuleError, match=r"1 open item: CCPA link\.$"):
        check_gate(STAGES, [task(REVIEW, ("CCPA link", False))], DONE)


def test_gate_message_shortens_a_long_list() -> None:
    items = [(f"item {n}", False) for n in range(12)]
    with pytest.raises(RuleError) as caught:
        check_gate(STAGES, [task(REVIEW, *items)], DONE)
    message = str(caught.value)
    assert "12 open items" in message
    assert "item 7; ..." in message
    assert "item 8" not in message


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (BACKLOG, DOING),  # not across the gate
        (DOING, REVIEW),  # into the gate is fine
        (DONE, BACKLOG),  # backwards
        (REVIEW, DOING),  # backwards out of the gate
        (REVIEW, REVIEW),  # reorder inside the gate
    ],
)
def test_gate_lets_moves_that_do_not_cross_it(source: Stage, target: Stage) -> None:
    check_gate(STAGES, [task(source, *OPEN)], target)


def test_gate_lets_a_finished_checklist_through() -> None:
    check_gate(STAGES, [task(REVIEW, ("GDPR", True), ("CCPA", True))], DONE)
    check_gate(STAGES, [task(BACKLOG)], DONE)


def test_gate_checks_every_moving_task() -> None:
    ready = task(REVIEW, ("GDPR", True), title="Ready one")
    blocked = task(REVIEW, ("Consent", False), title="Blocked one")
    with pytest.raises(RuleError, match="'Blocked one'"):
        check_gate(STAGES, [ready, blocked], DONE)


def test_review_stage_that_is_not_a_gate_does_not_block() -> None:
    soft = REVIEW.model_copy(update={"is_gate": False})
    check_gate([BACKLOG, DOING, soft, DONE], [task(soft, *OPEN)], DONE)


def test_gates_passed() -> None:
    assert gates_passed(STAGES, BACKLOG, DONE) == [REVIEW]
    assert gates_passed(STAGES, REVIEW, DONE) == [REVIEW]
    assert gates_passed(STAGES, BACKLOG, REVIEW) == []
    assert gates_passed(STAGES, DONE, BACKLOG) == []


def limited(limit: int | None, hard: bool) -> Stage:
    return DOING.model_copy(update={"wip_limit": limit, "wip_hard": hard})


def test_wip_without_limit_is_never_over() -> None:
    assert check_wip(limited(None, True), 500, 10) is False


@pytest.mark.parametrize("hard", [False, True])
def test_wip_up_to_the_limit_is_fine(hard: bool) -> None:
    assert check_wip(limited(3, hard), 2, 1) is False
    assert check_wip(limited(3, hard), 5, 0) is False  # a reorder inside never counts


def test_soft_wip_limit_warns() -> None:
    assert check_wip(limited(3, False), 3, 1) is True
    assert check_wip(limited(3, False), 0, 4) is True


def test_hard_wip_limit_refuses_and_says_the_limit() -> None:
    with pytest.raises(RuleError) as caught:
        check_wip(limited(3, True), 3, 1)
    message = str(caught.value)
    assert "'In progress' has a hard WIP limit of 3" in message
    assert "holds 3 tasks already" in message
    assert "raise the limit" in message


def test_hard_wip_limit_message_singular() -> None:
    with pytest.raises(RuleError, match="holds 1 task already"):
        check_wip(limited(1, True), 1, 1)


# -- a stage that takes a task only once its predecessors are done ---------------------------

WRITE_COPY, BRIEF = 21, 22
LEGAL = Task(id=30, board_id=1, stage_id=DOING.key, title="Legal review")
GATED_REVIEW = PredecessorGate(stage_ids={REVIEW.key}, waiting_for={30: (WRITE_COPY,)})


def test_a_task_waiting_for_an_open_one_is_kept_out_of_the_gated_stage_in_words() -> None:
    stop = predecessor_stop(STAGES, [LEGAL], REVIEW, GATED_REVIEW)
    assert stop is not None
    assert (stop.task.title, stop.gate.name, stop.waiting_for) == (
        "Legal review",
        "Legal review",
        (WRITE_COPY,),
    )
    assert stop.words({WRITE_COPY: "Write copy"}) == (
        "'Legal review' waits for 'Write copy', which is not done: 'Legal review' takes a "
        "task only once the tasks it waits for are done."
    )


def test_the_gate_names_every_open_predecessor_and_by_id_one_it_has_no_title_for() -> None:
    gate = PredecessorGate({REVIEW.key}, {30: (WRITE_COPY, BRIEF, 23)})
    stop = predecessor_stop(STAGES, [LEGAL], DONE, gate)
    assert stop is not None
    assert stop.words({WRITE_COPY: "Write copy", BRIEF: "Brief"}).startswith(
        "'Legal review' waits for 'Write copy', 'Brief' and task 23, which are not done:"
    )


@pytest.mark.parametrize(
    ("source", "target", "stopped"),
    [
        (BACKLOG, DOING, False),  # not yet at the gate
        (DOING, REVIEW, True),  # into it
        (BACKLOG, DONE, True),  # past it from before it
        (REVIEW, DONE, False),  # already through it
        (DONE, DOING, False),  # moving back
        (REVIEW, REVIEW, False),  # reordered inside it
    ],
)
def test_the_gate_stops_only_a_task_arriving_at_it_or_going_past_it(
    source: Stage, target: Stage, stopped: bool
) -> None:
    moved = LEGAL.model_copy(update={"stage_id": source.key})
    assert (predecessor_stop(STAGES, [moved], target, GATED_REVIEW) is not None) is stopped


def test_the_gate_lets_in_a_task_that_waits_for_nothing_open_and_any_task_elsewhere() -> None:
    other = LEGAL.model_copy(update={"id": 31, "title": "Send"})
    assert predecessor_stop(STAGES, [other], REVIEW, GATED_REVIEW) is None
    ungated = PredecessorGate(stage_ids={DONE.key}, waiting_for={30: (WRITE_COPY,)})
    assert predecessor_stop(STAGES, [LEGAL], REVIEW, ungated) is None
    # Of several moved together, the one that waits is named.
    stop = predecessor_stop(STAGES, [other, LEGAL], REVIEW, GATED_REVIEW)
    assert stop is not None and stop.task.title == "Legal review"
