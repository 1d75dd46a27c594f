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
from mopsboard.domain.campaign_work import TaskBar
from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.models import Campaign
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


def calendar_id(workspace: Workspace) -> tuple[str, bool]:
    """The id every UID ends with (one per workspace), and whether the file holds it already.

    A new id comes from the file's path, not at random: should keeping it fail after an export,
    the next export from the same file still gives the same UIDs.
    """
    value = workspace.setting(CALENDAR_SETTING)
    if value is not None:
        return value, True
    return uuid.uuid5(uuid.NAMESPACE_URL, workspace.path.resolve().as_uri()).hex, False


def workspace_calendar(
    workspace: Workspace, identity: str | None = None
) -> tuple[Calendar, CalendarSummary]:
    campaigns = workspace.campaigns()
    bars = workspace.task_bars([c.key for c in campaigns])
    name = f"{workspace.path.stem} campaigns"
    domain = f"{identity or calendar_id(workspace)[0]}.mopsboard"
    return build_calendar(name, campaigns, bars, domain)


def _write_whole(target: Path, data: bytes) -> None:
    """`data` into `target` through a temporary file beside it: all of it or nothing."""
    if not target.name:
        raise MopsboardError(f"{target}: could not write the calendar (not a file name).")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    created = False
    try:
        # O_EXCL: never write through a file (or a link) that someone else left under this name.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        created = True
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        if created:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise MopsboardError(
            f"{target}: could not write the calendar ({error.strerror or error})."
        ) from error


def export_ics(workspace: Workspace, target: Path) -> CalendarSummary:
    """Writes the workspace's campaign calendar to `target`, replacing it whole or not at all.

    The workspace is written to only after the calendar file is in place, and only to keep a
    new calendar id: a failed export leaves the workspace as it was.
    """
    identity, kept = calendar_id(workspace)
    calendar, summary = workspace_calendar(workspace, identity)
    _write_whole(target, calendar.to_ical())
    if not kept and not workspace.read_only:
        # The calendar is written; not keeping its id only means it is worked out again next
        # time, from the same path, so a locked or damaged workspace does not fail the export.
        with contextlib.suppress(MopsboardError):
            workspace.set_setting(CALENDAR_SETTING, identity)
    return summary
