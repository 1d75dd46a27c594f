"""The campaign calendar as an iCalendar file, for Outlook, Google Calendar or Apple Calendar:
each campaign's span, its launch day, and the due dates of its open tasks, all as all-day events.

UIDs stay the same from one export to the next, so importing a newer export updates the events
instead of doubling them.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from mopsboard import __version__
from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.models import Campaign
from mopsboard.domain.planning import TaskBar
from mopsboard.store.workspace import Workspace

CALENDAR_SETTING = "calendar_uid"


@dataclass(frozen=True)
class CalendarSummary:
    campaigns: int
    launches: int
    due_dates: int

    @property
    def events(self) -> int:
        return self.campaigns + self.launches + self.due_dates


def _all_day(
    uid: str, summary: str, first: date, last: date, stamp: datetime, description: str = ""
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", first)
    # All-day events end the day after their last day.
    event.add("dtend", last + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    if description:
        event.add("description", description)
    return event


def _about(campaign: Campaign) -> str:
    lines = [campaign.objective.strip()] if campaign.objective.strip() else []
    for label, value in (
        ("Status", campaign.status.value),
        ("Owner", campaign.owner),
        ("Channel", campaign.channel),
        ("Audience", campaign.audience),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


def build_calendar(
    name: str,
    campaigns: Sequence[Campaign],
    bars: Iterable[TaskBar],
    domain: str,
    stamp: datetime | None = None,
) -> tuple[Calendar, CalendarSummary]:
    """Events for the campaigns given and the open tasks among `bars` that belong to them."""
    stamp = stamp or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//mopsboard {__version__}//campaign calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    by_id = {c.id: c for c in campaigns}
    spans = launches = dues = 0
    for campaign in campaigns:
        first = campaign.start_date or campaign.launch_date
        last = campaign.end_date or campaign.launch_date
        if first and last:
            calendar.add_component(
                _all_day(
                    f"campaign-{campaign.id}-span@{domain}",
                    campaign.name,
                    first,
                    max(first, last),
                    stamp,
                    _about(campaign),
                )
            )
            spans += 1
        if campaign.launch_date:
            calendar.add_component(
                _all_day(
                    f"campaign-{campaign.id}-launch@{domain}",
                    f"Launch: {campaign.name}",
                    campaign.launch_date,
                    campaign.launch_date,
                    stamp,
                    _about(campaign),
                )
            )
            launches += 1
    for bar in bars:
        owner = by_id.get(bar.campaign_id)
        if owner is None or bar.done or bar.due is None:
            continue
        hours = f"Estimate: {bar.estimate_hours:g} h" if bar.estimate_hours else ""
        calendar.add_component(
            _all_day(
                f"task-{bar.id}-due@{domain}",
                f"Due: {bar.title} ({owner.name})",
                bar.due,
                bar.due,
                stamp,
                hours,
            )
        )
        dues += 1
    return calendar, CalendarSummary(spans, launches, dues)


def calendar_domain(workspace: Workspace) -> str:
    """The part after the @ of every UID: one per workspace, kept in the file when it can be."""
    value = workspace.setting(CALENDAR_SETTING)
    if value is None:
        value = uuid.uuid4().hex
        if workspace.read_only:
            # Stable enough for a file nobody can write: the same file gives the same UIDs.
            value = uuid.uuid5(uuid.NAMESPACE_URL, workspace.path.resolve().as_uri()).hex
        else:
            workspace.set_setting(CALENDAR_SETTING, value)
    return f"{value}.mopsboard"


def workspace_calendar(workspace: Workspace) -> tuple[Calendar, CalendarSummary]:
    campaigns = workspace.campaigns()
    bars = workspace.task_bars([c.id or 0 for c in campaigns])
    name = f"{workspace.path.stem} campaigns"
    return build_calendar(name, campaigns, bars, calendar_domain(workspace))


def export_ics(workspace: Workspace, target: Path) -> CalendarSummary:
    """Writes the workspace's campaign calendar to `target`, replacing it whole or not at all."""
    calendar, summary = workspace_calendar(workspace)
    data = calendar.to_ical()
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise MopsboardError(
            f"{target}: could not write the calendar ({error.strerror or error})."
        ) from error
    return summary
