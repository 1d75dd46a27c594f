"""A comment's rules: it says something, it is signed, and its time is in UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from mopsboard.domain.errors import validation_messages
from mopsboard.domain.models import Comment


def test_a_comment_needs_words_and_an_author() -> None:
    with pytest.raises(ValidationError) as refused:
        Comment(task_id=1, author=" \u200b ", body=" \n\t ")
    assert validation_messages(refused.value) == {
        "author": "Author cannot be empty",
        "body": "Body cannot be empty",
    }


def test_markdown_and_its_new_lines_are_kept_and_control_characters_dropped() -> None:
    comment = Comment(task_id=1, author="Ana", body="**Done**\n\n- a\x07\n- b")
    assert comment.body == "**Done**\n\n- a\n- b"


def test_a_time_is_kept_in_utc_and_a_naive_one_is_utc() -> None:
    plus_two = timezone(timedelta(hours=2))
    assert Comment(
        task_id=1, author="A", body="x", at=datetime(2025, 6, 1, 12, 0, tzinfo=plus_two)
    ).at == datetime(2025, 6, 1, 10, 0, tzinfo=UTC)
    assert Comment(task_id=1, author="A", body="x", at=datetime(2025, 6, 1, 12, 0)).at == datetime(
        2025, 6, 1, 12, 0, tzinfo=UTC
    )
    assert Comment(task_id=1, author="A", body="x").at is None
