"""Who the campaign log names: the login name is asked of the system once per connection (it
was asked on every edit, most of the log's cost in a large shift), while the workspace's user
name, when set or cleared, is used from the next edit on."""

from __future__ import annotations

import getpass
from datetime import date

import pytest

from mopsboard.domain.models import Campaign
from mopsboard.store.workspace import Workspace


def test_the_login_name_is_read_once_and_a_set_name_at_once(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def login() -> str:
        asked.append("login")
        return "sam"

    monkeypatch.setattr(getpass, "getuser", login)
    campaign = ws.add_campaign(Campaign(name="Launch", launch_date=date(2026, 5, 4)))
    for n in range(3):
        campaign = ws.update_campaign(campaign.model_copy(update={"name": f"Launch {n}"}))
    ws.set_user_name("Mo")
    campaign = ws.update_campaign(campaign.model_copy(update={"name": "Launch by Mo"}))
    ws.set_user_name(None)
    ws.update_campaign(campaign.model_copy(update={"name": "Launch again"}))
    authors = [entry.author for entry in ws.campaign_log(campaign.key)]
    # On a server the person's role is the name by default, and no login name is asked.
    default = ws.db.role or "sam"
    assert authors[-5:] == [default, default, default, "Mo", default]
    assert len(asked) == (0 if ws.db.role else 1)
