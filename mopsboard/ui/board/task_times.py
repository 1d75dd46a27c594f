"""When something happened to a task, as its editor says it: "3 Dec 14:02" in local time, with
the year when it is not this one."""

from __future__ import annotations

from datetime import datetime


def shown_time(at: datetime, now: datetime | None = None) -> str:
    local = at.astimezone()
    today = (now or datetime.now()).astimezone()
    day = f"{local.day} {local:%b}" if local.year == today.year else f"{local.day} {local:%b %Y}"
    return f"{day} {local:%H:%M}"
