"""An import as one undo step: undo takes out exactly what came in (its tasks, the board or
stages it added, the people, teams, campaigns and personas it created); redo brings it in again."""

from __future__ import annotations

from mopsboard.qt.common.actions import ActionHistory, attempt
from mopsboard.store.board_import import BoardImport, ImportResult, import_board, remove_import


def import_as_one_step(
    actions: ActionHistory, plan: BoardImport, into: str | None
) -> ImportResult | None:
    """Writes the plan (one transaction) and pushes its undo step. A refusal is reported through
    the history's `failed`, and None returned."""
    workspace = actions.workspace
    result = attempt(lambda: import_board(workspace, plan, into=into), actions.failed.emit)
    if result is None:
        return None
    written = [result]

    def undo() -> None:
        remove_import(workspace, written[0])

    def redo() -> None:
        written[0] = import_board(workspace, plan, into=into)

    actions.push(f"Import '{result.board}'", redo, undo)
    return result


def summary_text(result: ImportResult) -> str:
    """What came in, what was skipped and why, and what was changed to fit: for the user."""
    summary = result.summary()
    lines = [
        f"'{summary['board']}': {summary['tasks']} tasks in {summary['stages']} stages, "
        f"{summary['people']} people ({summary['people_added']} new), {summary['labels']} "
        f"labels, {summary['checklist_items']} checklist items, {summary['comments']} comments."
    ]
    if result.skipped:
        lines.append(f"\nSkipped ({len(result.skipped)}):")
        lines += [f"\u2022 {s.item}: {s.reason}" for s in result.skipped[:20]]
        if len(result.skipped) > 20:
            lines.append(f"\u2026 and {len(result.skipped) - 20} more.")
    if result.notes:
        lines.append(f"\nChanged to fit ({len(result.notes)}):")
        lines += [f"\u2022 {n.item}: {n.reason}" for n in result.notes[:10]]
    return "\n".join(lines)
