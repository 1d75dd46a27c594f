"""Tasks read from their rows share one record of which fields are set (a card weighs half as
much): copying or editing one task must leave every other task as it was read."""

from __future__ import annotations

import pydantic
import pytest

from mopsboard.domain.models import Task
from mopsboard.store.workspace import Workspace


def test_editing_a_copy_of_one_task_leaves_the_others_as_read(board_ws: Workspace) -> None:
    first, second = board_ws.tasks()[:2]
    every_field = set(Task.model_fields)
    assert first.model_fields_set == second.model_fields_set == every_field
    edited = first.model_copy(update={"title": "Edited", "estimate_hours": 2.0})
    assert (edited.title, first.title == edited.title) == ("Edited", False)
    with pytest.raises(pydantic.ValidationError):
        first.title = "Assigned"  # type: ignore[misc]
    assert second.model_fields_set == every_field
    assert second.model_dump(exclude_unset=True) == second.model_dump()
    saved = board_ws.update_task(edited)
    assert board_ws.task(second.key) == second
    assert saved.title == "Edited" and board_ws.task(first.key).title == "Edited"
