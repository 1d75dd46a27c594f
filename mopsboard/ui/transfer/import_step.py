"""An import as one undo step: undo takes out exactly what came in (its tasks, the board or
stages it added, the people, teams, campaigns and personas it created); redo brings it in again.

(An action of its own kind: its place is a qt/transfer/import_actions.py, which this feature may
not create; see the import dialog's notes.)"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from mopsboard.qt.common.actions import ActionHistory, attempt
from mopsboard.store.board_import import BoardImport, ImportResult, import_board, remove_import


def summary_text(result: ImportResult) -> str:
    summary = result.summary()
    lines = [
        f"'{summary['board']}': {summary['tasks']} tasks in {summary['stages']} stages, "
        f"{summary['people']} people ({summary['people_added']} new), {summary['labels']} "
        f"labels, {summary['checklist_items']} checklist items, {summary['comments']} comments."
    ]
    if result.skipped:
        lines.append(f"\nSkipped ({len(result.skipped)}):")
        lines += [f"• {s.item}: {s.reason}" for s in result.skipped[:20]]
        if len(result.skipped) > 20:
            lines.append(f"… and {len(result.skipped) - 20} more.")
    if result.notes:
        lines.append(f"\nChanged to fit ({len(result.notes)}):")
        lines += [f"• {n.item}: {n.reason}" for n in result.notes[:10]]
    return "\n".join(lines)


def import_as_one_step(
    actions: ActionHistory, plan: BoardImport, into: str | None, parent: QWidget | None
) -> ImportResult | None:
    """Writes the plan (one transaction) and pushes its undo step; says what came in. A refusal
    is reported through the history's `failed`, and None returned."""
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
    QMessageBox.information(parent, "Imported", summary_text(result))
    return result
