"""Shared by the UI tests: after every test, each open workspace must still hold its locks."""

from __future__ import annotations

from collections.abc import Generator

import pytest
from locks import assert_open_workspaces_keep_their_locks


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    # Checked after the test's own steps, while its windows and workspaces are still open: any
    # dialog or action that opened a workspace file behind SQLite's back fails here.
    result = yield
    assert_open_workspaces_keep_their_locks()
    return result
