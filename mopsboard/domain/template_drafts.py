"""A saved template being edited task by task (ui/campaigns/template_editor.py): tasks added,
removed, renamed and re-linked before one save.

A template names the tasks its tasks wait for by title; the draft names them by a key of its
own, so renaming a task keeps what waits for it, and removing one takes the links to it away.
The template the draft gives back is validated as any template is (a loop, two tasks of one
title): `template()` raises the pydantic error, in words the editor shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.templates import CampaignTemplate, TemplatePredecessor, TemplateTask


@dataclass(frozen=True)
class DraftLink:
    """The draft task `predecessor` (a key) that a task waits for, and how."""

    predecessor: int
    kind: LinkKind = LinkKind.FINISH_TO_START
    lag_days: int = 0


@dataclass
class DraftTask:
    key: int
    # Its fields but `after`, which `links` holds by key.
    task: TemplateTask
    links: list[DraftLink] = field(default_factory=list)


class TemplateDraft:
    def __init__(self, template: CampaignTemplate) -> None:
        self.original = template
        self.tasks = [
            DraftTask(n, task.model_copy(update={"after": ()}))
            for n, task in enumerate(template.tasks)
        ]
        by_title = {task.title.casefold(): n for n, task in enumerate(template.tasks)}
        for draft, task in zip(self.tasks, template.tasks, strict=True):
            draft.links = [
                DraftLink(by_title[before.title.casefold()], before.kind, before.lag_days)
                for before in task.after
                if before.title.casefold() in by_title
            ]
        self._next_key = len(self.tasks)

    def task(self, key: int) -> DraftTask:
        return next(t for t in self.tasks if t.key == key)

    def title(self, key: int) -> str:
        return self.task(key).task.title

    def add_task(self, title: str) -> DraftTask:
        """A new task at the end, in the first stage, due on the launch."""
        added = DraftTask(self._next_key, TemplateTask(title=title))
        self._next_key += 1
        self.tasks.append(added)
        return added

    def remove_task(self, key: int) -> None:
        """Removes the task and every link to it."""
        self.tasks = [t for t in self.tasks if t.key != key]
        for draft in self.tasks:
            draft.links = [link for link in draft.links if link.predecessor != key]

    def edit_task(self, key: int, **values: Any) -> None:
        """Sets some of a task's fields (validated: a bad value raises, nothing is set)."""
        draft = self.task(key)
        merged = draft.task.model_dump() | values
        draft.task = TemplateTask.model_validate(merged)

    def add_link(self, key: int, link: DraftLink) -> None:
        """Makes the task wait for `link.predecessor` (again: its kind and lag are replaced)."""
        draft = self.task(key)
        kept = [old for old in draft.links if old.predecessor != link.predecessor]
        draft.links = [*kept, link]

    def remove_link(self, key: int, predecessor: int) -> None:
        draft = self.task(key)
        draft.links = [link for link in draft.links if link.predecessor != predecessor]

    def template(self) -> CampaignTemplate:
        """The template as edited (its id and version kept); raises ValidationError when the
        edits make a template that cannot be (a loop, two tasks of one title)."""
        tasks = tuple(
            draft.task.model_copy(
                update={
                    "after": tuple(
                        TemplatePredecessor(
                            title=self.title(link.predecessor),
                            kind=link.kind,
                            lag_days=link.lag_days,
                        )
                        for link in draft.links
                    )
                }
            )
            for draft in self.tasks
        )
        return CampaignTemplate.model_validate(
            self.original.model_dump() | {"tasks": [t.model_dump() for t in tasks]}
        )

    def changed(self) -> bool:
        try:
            return self.template().tasks != self.original.tasks
        except ValueError:
            return True


__all__ = ["DraftLink", "DraftTask", "TemplateDraft"]
