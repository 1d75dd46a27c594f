"""A template whose tasks would wait for each other in a loop is refused in the words a link
between tasks is (domain/link_rules.py), by title: the loop shown closing."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mopsboard.domain.templates import (
    CampaignTemplate,
    TemplatePredecessor,
    TemplateTask,
    loop_refusal,
)


def test_the_refusal_names_the_loop_it_would_close() -> None:
    assert loop_refusal(["A", "B"]) == (
        "'A' cannot wait for 'B': 'B' already waits for it ('A' \u2192 'B' \u2192 'A'), so "
        "neither could ever start. Remove one of those links first, or link the tasks the "
        "other way round."
    )


def test_a_template_in_a_loop_is_refused_with_the_loop_closing() -> None:
    tasks = [
        TemplateTask(title="Copy", after=(TemplatePredecessor(title="Send"),)),
        TemplateTask(title="Review", after=(TemplatePredecessor(title="Copy"),)),
        TemplateTask(title="Send", after=(TemplatePredecessor(title="Review"),)),
    ]
    with pytest.raises(ValidationError) as refused:
        CampaignTemplate(name="Loop", tasks=tuple(tasks))
    assert "its tasks wait for each other in a loop" in str(refused.value)
    assert "('Send' \u2192 'Copy' \u2192 'Review' \u2192 'Send')" in str(refused.value)
