"""A template edited task by task: renames keep the links, removals take them, the result is
validated as any template."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.template_drafts import DraftLink, TemplateDraft
from mopsboard.domain.templates import CampaignTemplate, TemplatePredecessor, TemplateTask

SEND = CampaignTemplate(
    id=4,
    version=3,
    name="Monthly send",
    tasks=(
        TemplateTask(title="Brief", offset=-8, duration=2),
        TemplateTask(
            title="Copy", team="Content", offset=-4, after=(TemplatePredecessor(title="Brief"),)
        ),
        TemplateTask(
            title="Legal review",
            offset=-2,
            after=(TemplatePredecessor(title="Copy", lag_days=1),),
        ),
        TemplateTask(title="Send", after=(TemplatePredecessor(title="Legal review"),)),
    ),
)


def afters(template: CampaignTemplate) -> dict[str, list[tuple[str, LinkKind, int]]]:
    return {t.title: [(p.title, p.kind, p.lag_days) for p in t.after] for t in template.tasks}


def test_an_untouched_draft_gives_the_template_back() -> None:
    draft = TemplateDraft(SEND)
    again = draft.template()
    assert (again.id, again.version, again.name) == (4, 3, "Monthly send")
    assert again.tasks == SEND.tasks and not draft.changed()


def test_a_link_named_in_another_case_is_named_as_its_task_is() -> None:
    lower = SEND.model_copy(
        update={
            "tasks": (
                *SEND.tasks[:2],
                SEND.tasks[2].model_copy(update={"after": (TemplatePredecessor(title="copy"),)}),
                SEND.tasks[3],
            )
        }
    )
    assert afters(TemplateDraft(lower).template())["Legal review"] == [
        ("Copy", LinkKind.FINISH_TO_START, 0)
    ]


def test_a_renamed_task_keeps_what_waits_for_it() -> None:
    draft = TemplateDraft(SEND)
    copy = draft.tasks[1].key
    draft.edit_task(copy, title="Email copy", estimate_hours=6, offset=-5, stage="Ready")
    edited = draft.template()
    assert afters(edited)["Legal review"] == [("Email copy", LinkKind.FINISH_TO_START, 1)]
    task = edited.tasks[1]
    assert (task.title, task.estimate_hours, task.offset, task.stage, task.team) == (
        "Email copy",
        6,
        -5,
        "Ready",
        "Content",
    )
    assert draft.changed()


def test_a_removed_task_takes_the_links_to_it_and_an_added_one_can_be_waited_for() -> None:
    draft = TemplateDraft(SEND)
    draft.remove_task(draft.tasks[2].key)  # Legal review
    added = draft.add_task("Compliance check")
    draft.add_link(added.key, DraftLink(draft.tasks[1].key))
    send = draft.tasks[2].key
    draft.add_link(send, DraftLink(added.key, LinkKind.START_TO_START, -2))
    edited = draft.template()
    assert [t.title for t in edited.tasks] == ["Brief", "Copy", "Send", "Compliance check"]
    assert afters(edited)["Send"] == [("Compliance check", LinkKind.START_TO_START, -2)]
    assert afters(edited)["Compliance check"] == [("Copy", LinkKind.FINISH_TO_START, 0)]
    # Linked again: the kind and lag are replaced, not doubled.
    draft.add_link(send, DraftLink(added.key, LinkKind.FINISH_TO_START, 3))
    assert afters(draft.template())["Send"] == [("Compliance check", LinkKind.FINISH_TO_START, 3)]
    draft.remove_link(send, added.key)
    assert afters(draft.template())["Send"] == []


def test_a_loop_or_two_tasks_of_one_title_are_refused_in_words() -> None:
    draft = TemplateDraft(SEND)
    brief, send = draft.tasks[0].key, draft.tasks[3].key
    draft.add_link(brief, DraftLink(send))
    with pytest.raises(ValidationError, match="wait for each other in a loop"):
        draft.template()
    draft.remove_link(brief, send)
    draft.add_task("copy")
    with pytest.raises(ValidationError, match="more than one task"):
        draft.template()


def test_a_bad_field_is_refused_and_nothing_is_set() -> None:
    draft = TemplateDraft(SEND)
    key = draft.tasks[0].key
    with pytest.raises(ValidationError):
        draft.edit_task(key, estimate_hours=-3)
    assert draft.task(key).task.estimate_hours is None
