"""The `scenario` command: what-if drafts over the real plan, compared, adopted or discarded.

    mopsboard scenario FILE new NAME
    mopsboard scenario FILE shift NAME --campaign C --days N
    mopsboard scenario FILE cut NAME --task T
    mopsboard scenario FILE defer NAME --task T --days N
    mopsboard scenario FILE reassign NAME --task T --to M        (a person's or a team's name)
    mopsboard scenario FILE add-capacity NAME --team T --name N --hours H --from D --until D
    mopsboard scenario FILE availability NAME --member M --share S   (0.4, 40 or 40%)
    mopsboard scenario FILE time-off NAME --member M --from D --until D
    mopsboard scenario FILE list [--json]
    mopsboard scenario FILE compare NAME [NAME...] [--from D] [--weeks N] [--json]
    mopsboard scenario FILE adopt NAME [--apply-anyway | --skip-changed]
    mopsboard scenario FILE discard NAME

Drafting never changes the real plan. Adopting refuses (status 1, naming each change whose rows
changed since it was drafted) unless told what to do with such changes.

Like every headless command it loads neither Qt nor the app, and imports the store only once the
arguments are parsed.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from mopsboard.cli.args import LAST_DAY, Parser, count, iso_day, task_id
from mopsboard.io.text_table import printable

if TYPE_CHECKING:
    from mopsboard.domain.ids import ScenarioChangeId
    from mopsboard.domain.scenarios import ScenarioChange
    from mopsboard.store.scenarios import Adoption, Decision
    from mopsboard.store.workspace import Workspace

Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], Parser]
DEFAULT_WEEKS = 8
MAX_COMPARED = 3
# As domain/scenarios.MAX_DAYS, which a usage error should not have to import.
MAX_DAYS = 3660


def _days(text: str) -> int:
    text = text.strip()
    sign = -1 if text.startswith("-") else 1
    number = count("days", 1, MAX_DAYS)(text.lstrip("+-"))
    return sign * number


def _hours(text: str) -> float:
    try:
        hours = float(text)
    except ValueError:
        hours = -1.0
    if not 0 < hours <= 168:
        raise argparse.ArgumentTypeError(
            f"not a number of weekly hours: {text[:40]!r} (more than 0, at most 168)"
        )
    return hours


def _share(text: str) -> float:
    """A share of the week: 0 to 1, or a percentage (with "%", or any number above 1, as the
    window gives it: 40 is 40%)."""
    try:
        number = float(text.strip().rstrip("%"))
    except ValueError:
        number = -1.0
    share = number / 100 if text.strip().endswith("%") or number > 1 else number
    if not 0 <= share <= 1:
        raise argparse.ArgumentTypeError(
            f"not a share of the week: {text[:40]!r} (0 to 1, such as 0.5, or a percentage "
            "from 0 to 100, such as 40 or 40%)"
        )
    return share


def _weeks(text: str) -> int:
    from mopsboard.domain.calendar import MAX_WEEKS

    return count("weeks", 1, MAX_WEEKS)(text)


def _period_problem(args: argparse.Namespace) -> str | None:
    from mopsboard.domain.calendar import week_start

    first = week_start(args.first or date.today())
    if first + timedelta(days=7 * args.weeks - 1) <= LAST_DAY:
        return None
    return f"argument --weeks: {args.weeks} weeks from {first.isoformat()} run past {LAST_DAY}"


def _span_problem(args: argparse.Namespace) -> str | None:
    if args.last < args.first:
        return f"argument --until: {args.last.isoformat()} is before --from {args.first}"
    return None


def _compared_problem(args: argparse.Namespace) -> str | None:
    if len(args.names) > MAX_COMPARED:
        return f"compare at most {MAX_COMPARED} scenarios at once, not {len(args.names)}"
    return None


def add_scenario_commands(command: AddCommand) -> None:
    """Registers `scenario` and its actions (its name is in cli.COMMANDS)."""
    scenario = command(
        "scenario",
        _no_action,
        "What-if scenarios: drafts over the real plan, compared side by side, adopted or "
        "discarded. Drafting never changes the real plan.",
    )
    actions = scenario.add_subparsers(title="actions", metavar="ACTION", required=True)

    def action(name: str, handler: Handler, text: str) -> Parser:
        sub: Parser = actions.add_parser(name, help=text, description=text)
        sub.set_defaults(handler=handler)
        if name != "list":
            sub.add_argument("name", metavar="NAME", help="the scenario's name")
        return sub

    action("new", _new, "Start an empty scenario.")
    shift = action("shift", _shift, "Move a campaign and its tasks N calendar days (- earlier).")
    shift.add_argument("--campaign", required=True, metavar="C", help="the campaign's name")
    shift.add_argument("--days", required=True, type=_days, metavar="N")
    cut = action("cut", _cut, "Cut a task from the plan (adopting archives it).")
    cut.add_argument("--task", required=True, type=task_id, metavar="T", help="the task's id")
    defer = action("defer", _defer, "Move a task N calendar days later, pushing what waits.")
    defer.add_argument("--task", required=True, type=task_id, metavar="T")
    defer.add_argument("--days", required=True, type=count("days", 1, MAX_DAYS), metavar="N")
    reassign = action("reassign", _reassign, "Hand a task to another person or team.")
    reassign.add_argument("--task", required=True, type=task_id, metavar="T")
    reassign.add_argument("--to", required=True, metavar="M", help="a person's or team's name")
    capacity = action("add-capacity", _add_capacity, "Add a contractor for some weeks.")
    capacity.add_argument("--team", required=True, metavar="T")
    capacity.add_argument("--name", dest="person", required=True, metavar="N")
    capacity.add_argument("--hours", required=True, type=_hours, metavar="H", help="a week")
    capacity.add_argument("--from", dest="first", required=True, type=iso_day, metavar="D")
    capacity.add_argument("--until", dest="last", required=True, type=iso_day, metavar="D")
    capacity.add_argument("--rate", type=float, metavar="R", help="what an hour costs")
    capacity.add_check(_span_problem)
    available = action("availability", _availability, "Change a person's share of the week.")
    available.add_argument("--member", required=True, metavar="M")
    available.add_argument(
        "--share",
        required=True,
        type=_share,
        metavar="S",
        help="their share of the week: 0 to 1 (0.4), or a percentage as the window shows it "
        "(40 or 40%%: a number above 1 is a percentage)",
    )
    off = action("time-off", _time_off, "Give a person days off.")
    off.add_argument("--member", required=True, metavar="M")
    off.add_argument("--from", dest="first", required=True, type=iso_day, metavar="D")
    off.add_argument("--until", dest="last", required=True, type=iso_day, metavar="D")
    off.add_check(_span_problem)
    listing = action("list", _list, "List the scenarios and their changes.")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    _add_compare(actions)
    adopt = action("adopt", _adopt, "Make the scenario's changes for real (the scenario goes).")
    either = adopt.add_mutually_exclusive_group()
    either.add_argument("--apply-anyway", action="store_true", help="apply changed ones too")
    either.add_argument("--skip-changed", action="store_true", help="leave changed ones out")
    action("discard", _discard, "Delete the scenario and its changes.")


def _add_compare(actions: Any) -> None:
    # Its names are a list (up to three), unlike the other actions' one name.
    compare = actions.add_parser(
        "compare",
        help="The real plan and up to three scenarios side by side.",
        description="The real plan and up to three scenarios side by side: overload per team, "
        "launches at risk, cost against budget, and how each scenario differs.",
    )
    compare.set_defaults(handler=_compare)
    compare.add_argument("names", nargs="+", metavar="NAME")
    compare.add_argument("--from", dest="first", type=iso_day, metavar="YYYY-MM-DD")
    compare.add_argument("--weeks", type=_weeks, default=DEFAULT_WEEKS, metavar="N")
    compare.add_argument("--json", action="store_true", help="print a JSON object")
    compare.add_check(_compared_problem)
    compare.add_check(_period_problem)


def _no_action(_args: argparse.Namespace) -> int:  # pragma: no cover - an action is required
    return 2


# -- drafting -----------------------------------------------------------------------------------


def _new(args: argparse.Namespace) -> int:
    from mopsboard.store.workspace import Workspace

    with Workspace.open_for_writing(args.file) as ws:
        made = ws.add_scenario(args.name)
    print(printable(f"Started scenario '{made.name}'."))
    return 0


def _draft(args: argparse.Namespace, make: Callable[[Workspace], ScenarioChange]) -> int:
    from mopsboard.domain.scenario_words import change_text
    from mopsboard.store.workspace import Workspace

    with Workspace.open_for_writing(args.file) as ws:
        scenario = ws.scenario_named(args.name)
        added = ws.add_change(scenario.key, make(ws))
        words = change_text(added.change, ws.change_names([added.change]))
        number = len(ws.changes(scenario.key))
    print(printable(f"Scenario '{scenario.name}', change {number}: {words}."))
    return 0


def _shift(args: argparse.Namespace) -> int:
    from mopsboard.domain.scenarios import ShiftCampaign

    return _draft(
        args,
        lambda ws: ShiftCampaign(campaign_id=ws.campaign_named(args.campaign).key, days=args.days),
    )


def _cut(args: argparse.Namespace) -> int:
    from mopsboard.domain.scenarios import CutTask

    return _draft(args, lambda _ws: CutTask(task_id=args.task))


def _defer(args: argparse.Namespace) -> int:
    from mopsboard.domain.scenarios import DeferTask

    return _draft(args, lambda _ws: DeferTask(task_id=args.task, days=args.days))


def _reassign(args: argparse.Namespace) -> int:
    from mopsboard.domain.errors import MopsboardError, NotFoundError
    from mopsboard.domain.scenarios import ReassignTask

    def change(ws: Workspace) -> ReassignTask:
        wanted = args.to.strip().casefold()
        people = [m for m in ws.members() if m.name.casefold() == wanted]
        teams = [t for t in ws.teams() if t.name.casefold() == wanted]
        if people and teams:
            raise MopsboardError(
                f"'{args.to}' is both a person and a team; rename one of them to tell them apart."
            )
        if people:
            return ReassignTask(task_id=args.task, assignee_id=people[0].key)
        if teams:
            return ReassignTask(task_id=args.task, team_id=teams[0].key)
        raise NotFoundError(f"There is no person or team named '{args.to}'.")

    return _draft(args, change)


def _add_capacity(args: argparse.Namespace) -> int:
    from mopsboard.domain.scenarios import AddCapacity

    return _draft(
        args,
        lambda ws: AddCapacity(
            team_id=ws.team_named(args.team).key,
            name=args.person,
            weekly_hours=args.hours,
            first=args.first,
            last=args.last,
            hourly_rate=args.rate,
        ),
    )


def _availability(args: argparse.Namespace) -> int:
    from mopsboard.domain.scenarios import ChangeAvailability

    return _draft(
        args,
        lambda ws: ChangeAvailability(
            member_id=ws.member_named(args.member).key, availability=args.share
        ),
    )


def _time_off(args: argparse.Namespace) -> int:
    from mopsboard.domain.scenarios import TimeOffChange

    return _draft(
        args,
        lambda ws: TimeOffChange(
            member_id=ws.member_named(args.member).key, first=args.first, last=args.last
        ),
    )


def _list(args: argparse.Namespace) -> int:
    from mopsboard.domain.scenario_words import change_text
    from mopsboard.domain.scenarios import change_payload
    from mopsboard.store.workspace import Workspace

    listed: list[dict[str, Any]] = []
    with Workspace.open(args.file, read_only=True) as ws:
        for scenario in ws.scenarios():
            drafted = ws.changes(scenario.key)
            names = ws.change_names([d.change for d in drafted])
            listed.append(
                {
                    "id": scenario.key,
                    "name": scenario.name,
                    "note": scenario.note,
                    "changes": [
                        {
                            "id": d.key,
                            "kind": d.change.kind,
                            "text": change_text(d.change, names),
                            "change": change_payload(d.change),
                        }
                        for d in drafted
                    ],
                }
            )
    if args.json:
        print(json.dumps(listed, indent=2, ensure_ascii=False))
        return 0
    if not listed:
        print("No scenarios.")
    for scenario_data in listed:
        changes = scenario_data["changes"]
        noun = "change" if len(changes) == 1 else "changes"
        print(printable(f"{scenario_data['name']} ({len(changes)} {noun})"))
        for number, change in enumerate(changes, start=1):
            print(printable(f"  {number}. {change['text']}"))
    return 0


# -- comparing, adopting, discarding -----------------------------------------------------------


def _compare(args: argparse.Namespace) -> int:
    from mopsboard.domain.calendar import Period
    from mopsboard.domain.scenario_report import comparison_data
    from mopsboard.store.workspace import Workspace

    period = Period.of(args.first or date.today(), args.weeks)
    with Workspace.open(args.file, read_only=True) as ws:
        ids = [ws.scenario_named(name).key for name in args.names]
        comparison = ws.compare_scenarios(ids, period)
    if args.json:
        print(json.dumps(comparison_data(comparison), indent=2, ensure_ascii=False))
    else:
        from mopsboard.cli.scenario_tables import comparison_text

        print(comparison_text(comparison))
    return 0


def _adopt(args: argparse.Namespace) -> int:
    import sys

    from mopsboard import APP_NAME
    from mopsboard.store.scenarios import ScenarioConflicts
    from mopsboard.store.workspace import Workspace

    with Workspace.open_for_writing(args.file) as ws:
        scenario = ws.scenario_named(args.name)
        decisions: dict[ScenarioChangeId, Decision] = {}
        if args.apply_anyway or args.skip_changed:
            decision: Decision = "apply" if args.apply_anyway else "skip"
            decisions = {c.change_id: decision for c in ws.adoption_conflicts(scenario.key)}
        try:
            adoption = ws.adopt(scenario.key, decisions)
        except ScenarioConflicts as refused:
            lines = "; ".join(c.text for c in refused.conflicts)
            print(
                printable(
                    f"{APP_NAME}: the scenario '{refused.scenario}' was not adopted: the real "
                    f"plan changed since it was drafted: {lines}. Adopt it with --apply-anyway "
                    "or --skip-changed to decide for those changes."
                ),
                file=sys.stderr,
            )
            return 1
    print(printable(_adopted_text(adoption)))
    return 0


def _adopted_text(adoption: Adoption) -> str:
    written = [
        (len(adoption.tasks), "task", "tasks"),
        (len(adoption.campaigns), "campaign", "campaigns"),
        (len(adoption.members) + len(adoption.added_members), "person", "people"),
        (len(adoption.added_time_off), "time off entry", "time off entries"),
    ]
    told = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in written if n)
    text = f"Adopted scenario '{adoption.name}': {told or 'nothing'} changed"
    text += "; the scenario was deleted."
    numbers = {c.key: n for n, c in enumerate(adoption.scenario.changes, start=1)}
    left = sorted(numbers[i] for i in adoption.not_applied if i in numbers)
    if left:
        text += f" Left out: change {', '.join(str(n) for n in left)}."
    return text


def _discard(args: argparse.Namespace) -> int:
    from mopsboard.store.workspace import Workspace

    with Workspace.open_for_writing(args.file) as ws:
        deleted = ws.delete_scenario(ws.scenario_named(args.name).key)
    count_ = len(deleted.changes)
    noun = "change" if count_ == 1 else "changes"
    print(printable(f"Discarded scenario '{deleted.scenario.name}' ({count_} {noun})."))
    return 0
