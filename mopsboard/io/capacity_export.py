"""A capacity map as JSON (the `capacity --json` shape), as a text table and as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mopsboard.domain.capacity import CapacityMap, RowKind
from mopsboard.io.csv_safe import Value, write_rows
from mopsboard.io.text_table import printable


def hours_text(value: float) -> str:
    """Hours as a map shows them: at most one decimal, no trailing zero."""
    return f"{round(value, 1):g}"


def capacity_json(capacity: CapacityMap) -> dict[str, Any]:
    """`{"weeks": [...], "rows": [...], "uncounted": [...]}`; hours rounded to 2 decimals. Rows
    are members and Unassigned rows (team totals are their sums), one per week: its available
    hours, the hours still planned in it and the hours logged on its days."""
    weeks = [start.isoformat() for start in capacity.period.starts]
    rows = []
    for row in capacity.rows:
        if row.kind is RowKind.TOTAL:
            continue
        for week, start in enumerate(weeks):
            cell = capacity.cell(row, week)
            rows.append(
                {
                    "team": row.team.name,
                    "member": row.member.name if row.member else None,
                    "week": start,
                    "available_hours": round(cell.available, 2),
                    "planned_hours": round(cell.planned, 2),
                    "actual_hours": round(cell.actual, 2),
                }
            )
    uncounted = [
        {
            "task_id": entry.task_id,
            "title": entry.title,
            "team": team.name if team else None,
            "reason": entry.reason,
        }
        for team, entries in capacity.uncounted_by_team()
        for entry in entries
    ]
    return {"weeks": weeks, "rows": rows, "uncounted": uncounted}


def _label(capacity: CapacityMap, index: int) -> str:
    row = capacity.rows[index]
    if row.kind is RowKind.TOTAL:
        return printable(row.team.name)
    return f"  {printable(row.label)}"


def capacity_text(capacity: CapacityMap, wip: dict[int, int] | None = None) -> str:
    """The map as a table for a terminal: "planned/available" per week, an asterisk on cells
    over 100% and on members over their WIP limit, then what is not counted."""
    starts = capacity.period.starts
    labels = [_label(capacity, n) for n in range(len(capacity.rows))]
    name_width = min(32, max([len("TEAM / MEMBER"), *map(len, labels)]))
    cells: list[list[str]] = []
    for row in capacity.rows:
        texts = []
        for week in range(len(starts)):
            cell = capacity.cell(row, week)
            over = cell.hours > cell.available and round(cell.hours, 2) > 0
            texts.append(f"{hours_text(cell.hours)}/{hours_text(cell.available)}{'*' * over}")
        cells.append(texts)
    width = max([10, *(len(t) for texts in cells for t in texts)])
    header = "TEAM / MEMBER".ljust(name_width) + "".join(
        f"  {start.isoformat():>{width}}" for start in starts
    )
    lines = [header.rstrip()]
    for row, label, texts in zip(capacity.rows, labels, cells, strict=True):
        if row.kind is RowKind.TOTAL and len(lines) > 1:
            lines.append("")
        name = label if len(label) <= name_width else label[: name_width - 1] + "…"
        lines.append((name.ljust(name_width) + "".join(f"  {t:>{width}}" for t in texts)).rstrip())
    lines.append("")
    lines.append(
        "hours/available per week (hours: logged on the week's days plus still planned in it; "
        "past weeks hold logged hours only); * more than available"
    )
    over_limit = over_wip(capacity, wip or {})
    if over_limit:
        lines.append(
            "Over their WIP limit: "
            + ", ".join(
                f"{printable(name)} ({count} of {limit})" for name, count, limit in over_limit
            )
        )
    groups = capacity.uncounted_by_team()
    if groups:
        lines.append("")
        lines.append("NOT COUNTED")
        for team, entries in groups:
            lines.append(f"{printable(team.name) if team else 'No team'}:")
            for entry in entries:
                lines.append(f"  #{entry.task_id}  {printable(entry.title)}  ({entry.reason})")
    return "\n".join(lines)


def over_wip(capacity: CapacityMap, wip: dict[int, int]) -> list[tuple[str, int, int]]:
    """(name, tasks in active stages, limit) of the members on the map over their WIP limit."""
    found = []
    for row in capacity.rows:
        member = row.member
        if member is not None and member.wip_limit is not None:
            count = wip.get(member.key, 0)
            if count > member.wip_limit:
                found.append((member.name, count, member.wip_limit))
    return found


def capacity_rows(capacity: CapacityMap) -> list[list[Value]]:
    """The map as a table: team, row, then planned and available hours for each week."""
    header: list[Value] = ["Team", "Member"]
    for start in capacity.period.starts:
        header += [f"{start.isoformat()} planned", f"{start.isoformat()} available"]
    table: list[list[Value]] = [header]
    for row in capacity.rows:
        who = {RowKind.TOTAL: "Team total", RowKind.UNASSIGNED: "Unassigned"}.get(row.kind)
        line: list[Value] = [row.team.name, who or row.label]
        for week in range(capacity.period.weeks):
            cell = capacity.cell(row, week)
            line += [round(cell.planned, 2), round(cell.available, 2)]
        table.append(line)
    return table


def write_capacity_csv(capacity: CapacityMap, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_rows(handle, capacity_rows(capacity))
