"""New campaign from a linked template, through the real dialog: its tasks placed along the
template's links on the working days of the team that owns them (no task on Christmas or New
Year's Day of its people's country), the links written with them, all in one undo step."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.models import Member, Team
from mopsboard.domain.templates import CampaignTemplate, TemplatePredecessor, TemplateTask
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.template_dialog import TemplateDialog

CHRISTMAS = date(2026, 12, 25)
NEW_YEAR = date(2027, 1, 1)

# Each task's own offset from the launch (Tuesday 5 January 2027) puts "Copy" due on
# Christmas Day and "Legal review" on New Year's Day when neither links nor holidays count.
YEAR_END = CampaignTemplate(
    name="Year-end send",
    tasks=(
        TemplateTask(title="Copy", team="Email", duration=5, offset=-7),
        TemplateTask(
            title="Legal review",
            team="Email",
            duration=2,
            offset=-2,
            after=(TemplatePredecessor(title="Copy"),),
        ),
        TemplateTask(
            title="Send",
            team="Email",
            after=(TemplatePredecessor(title="Legal review", lag_days=0),),
        ),
    ),
)


def _dates(path: Path, campaign_name: str) -> tuple[dict[str, tuple[date, date]], list[tuple]]:
    """Each task's (start, due) and the campaign's links by title, as the file holds them."""
    with Workspace.open(path) as fresh:
        campaign = fresh.campaign_named(campaign_name)
        tasks = fresh.campaign_tasks(campaign.key)
        titles = {t.key: t.title for t in tasks}
        dates = {t.title: (t.start_date, t.due_date) for t in tasks}
        links = [
            (titles[k.predecessor_id], titles[k.successor_id], k.kind, k.lag_days)
            for k in fresh.campaign_links(campaign.key)
        ]
    return dates, links  # type: ignore[return-value]


def _campaign_names(path: Path) -> list[str]:
    with Workspace.open(path) as fresh:
        return [c.name for c in fresh.campaigns()]


def test_a_linked_template_lands_on_its_teams_working_days_with_its_links(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions
) -> None:
    email = board_ws.add_team(Team(name="Email"))
    board_ws.add_member(Member(team_id=email.key, name="Ada Byron", holiday_country="US"))
    board_ws.add_template(YEAR_END)
    path = Path(board_ws.path)
    campaigns = CampaignActions(actions)
    dialog = TemplateDialog(campaigns, board_ws.boards()[0].id, today=date(2026, 11, 2))
    qtbot.addWidget(dialog)
    assert dialog.select_template("Year-end send")
    qtbot.keyClicks(dialog.name, "Year end")
    dialog.launch.setDate(QDate(2027, 1, 5))
    assert dialog.create_button.isEnabled()
    dialog.create_button.click()
    assert dialog.prepared is not None
    assert campaigns.new_from_template(dialog.prepared) is not None

    dates, links = _dates(path, "Year end")
    # Send on the launch. Legal review due the working day before (Monday 4 January), two
    # days over New Year's Day and the weekend: from Thursday 31 December. Copy due the working
    # day before that (Wednesday 30), five days back over Christmas: 30, 29, 28, 24, 23.
    assert dates == {
        "Send": (date(2027, 1, 5), date(2027, 1, 5)),
        "Legal review": (date(2026, 12, 31), date(2027, 1, 4)),
        "Copy": (date(2026, 12, 23), date(2026, 12, 30)),
    }
    assert not {CHRISTMAS, NEW_YEAR} & {day for span in dates.values() for day in span}
    assert sorted(links) == [
        ("Copy", "Legal review", LinkKind.FINISH_TO_START, 0),
        ("Legal review", "Send", LinkKind.FINISH_TO_START, 0),
    ]
    assert actions.undo_stack.count() == 1

    actions.undo_stack.undo()
    assert "Year end" not in _campaign_names(path)
    with Workspace.open(path) as fresh:
        assert fresh.links() == []

    actions.undo_stack.redo()
    assert _dates(path, "Year end") == (dates, links)
