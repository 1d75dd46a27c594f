"""The campaign editor: every field of a campaign, problems shown next to the field in words; the
Markdown brief with its preview; and, for a stored campaign, its "Since approval" panel."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.calendar import holiday_countries
from mopsboard.domain.errors import validation_messages
from mopsboard.domain.models import Campaign, CampaignStatus
from mopsboard.ui.common.form_errors import FieldErrors
from mopsboard.ui.common.markdown_view import InertMarkdownView
from mopsboard.ui.common.widgets import ColourButton, OptionalDate

NO_COUNTRY = "No country"
BRIEF_TAB, PREVIEW_TAB, SINCE_TAB = 1, 2, 3
# Kept by the store, not edited: a save with only these different changes nothing.
_BOOKKEEPING = {"id", "version", "updated_at", "problems"}


class CampaignDialog(QDialog):
    def __init__(
        self,
        campaign: Campaign,
        parent: QWidget | None = None,
        since_panel: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("campaignDialog")
        self.setWindowTitle(
            f"Edit campaign \u2014 {campaign.name}" if campaign.id else "New campaign"
        )
        self.original = campaign
        self.result_campaign: Campaign | None = None
        self.field_errors = FieldErrors()
        self.errors = self.field_errors.labels
        self.resize(720 if since_panel else 580, 600)

        self._build_fields(campaign)
        form = self._build_form()
        self._build_buttons()
        self.tabs = self._build_tabs(form, since_panel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self._connect_validation()
        self.kept = self.field_errors.hold_unread(campaign, self._changes(), self.validate)
        self.validate()

    # -- building -------------------------------------------------------------------------------

    def _build_fields(self, campaign: Campaign) -> None:
        self.name = QLineEdit(campaign.name)
        self.name.setObjectName("campaignName")
        self.status = QComboBox()
        self.status.setObjectName("campaignStatus")
        for status in CampaignStatus:
            self.status.addItem(status.value.capitalize(), status.value)
        self.status.setCurrentIndex(self.status.findData(campaign.status.value))
        self.owner = QLineEdit(campaign.owner)
        self.owner.setObjectName("campaignOwner")
        self.channel = QLineEdit(campaign.channel)
        self.channel.setObjectName("campaignChannel")
        self.channel.setPlaceholderText("e.g. Email, Webinar, Paid social")
        self.audience = QLineEdit(campaign.audience)
        self.audience.setObjectName("campaignAudience")
        self.audience.setPlaceholderText("the audience segment, e.g. Trial users in EMEA")
        self.start = OptionalDate("Start date", campaign.start_date)
        self.start.setObjectName("campaignStart")
        self.launch = OptionalDate("Launch date", campaign.launch_date)
        self.launch.setObjectName("campaignLaunch")
        self.end = OptionalDate("End date", campaign.end_date)
        self.end.setObjectName("campaignEnd")
        self.budget = QLineEdit("" if campaign.budget is None else f"{campaign.budget:g}")
        self.budget.setObjectName("campaignBudget")
        self.budget.setPlaceholderText("e.g. 12000")
        self.colour = ColourButton(campaign.colour)
        self.colour.setObjectName("campaignColour")
        self.objective = QPlainTextEdit(campaign.objective)
        self.objective.setObjectName("campaignObjective")
        self.objective.setPlaceholderText("What the campaign is for, and how success is measured")
        self.objective.setTabChangesFocus(True)
        self.country = QComboBox()
        self.country.setObjectName("campaignCountry")
        self.country.setEditable(True)
        # As wide as the other fields: its error below it then has their width too.
        self.country.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.country.addItem(NO_COUNTRY, None)
        # What a user may type for a country: its code, its name, or the line the list shows.
        self.country_codes: dict[str, str] = {}
        for code, name in holiday_countries():
            shown = f"{code} \u2014 {name}"
            self.country.addItem(shown, code)
            for typed in (code, name, shown):
                self.country_codes.setdefault(typed.casefold(), code)
        self.country.setToolTip(
            "The country whose public holidays the audience keeps: a launch on one is warned "
            "of, and a launch moved is counted in its working days. A region can be given as a "
            "code such as US-CA or GB-ENG."
        )
        index = self.country.findData(campaign.audience_country)
        if index >= 0:
            self.country.setCurrentIndex(index)
        else:
            self.country.setEditText(campaign.audience_country or NO_COUNTRY)
        self.brief = QPlainTextEdit(campaign.brief)
        self.brief.setObjectName("campaignBrief")
        self.brief.setAccessibleName("Brief (Markdown)")
        self.brief.setPlaceholderText(
            "Markdown: ## Key messages, - deliverables, **what matters**, [links](https://...)"
        )
        self.preview = InertMarkdownView()
        self.preview.setObjectName("campaignBriefPreview")

    def _build_tabs(self, form: QFormLayout, since_panel: QWidget | None) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setObjectName("campaignTabs")
        details = QWidget()
        details.setLayout(form)
        tabs.addTab(details, "&Details")
        tabs.addTab(self.field_errors.wrap(self.brief, "brief"), "Br&ief")
        tabs.addTab(self.preview, "Pre&view")
        if since_panel is not None:
            tabs.addTab(since_panel, "Since a&pproval")
        tabs.currentChanged.connect(
            lambda i: (
                self.preview.show_markdown(self.brief.toPlainText()) if i == PREVIEW_TAB else None
            )
        )
        return tabs

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for label, widget, field in (
            ("&Name", self.name, "name"),
            ("&Status", self.status, "status"),
            ("&Owner", self.owner, "owner"),
            ("C&hannel", self.channel, "channel"),
            ("&Audience", self.audience, "audience"),
            ("Audience &country", self.country, "audience_country"),
            ("Sta&rt date", self.start, "start_date"),
            ("&Launch date", self.launch, "launch_date"),
            ("&End date", self.end, "end_date"),
            ("&Budget", self.budget, "budget"),
            ("Co&lour", self.colour, "colour"),
            ("Ob&jective", self.objective, "objective"),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(
                label,
                self.field_errors.wrap(
                    widget, field, stretch_after=3 if isinstance(widget, ColourButton) else 0
                ),
            )
        return form

    def _build_buttons(self) -> None:
        self.form_error = self.field_errors.form
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveCampaign")
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    def _connect_validation(self) -> None:
        for line in (self.name, self.owner, self.channel, self.audience, self.budget):
            line.textChanged.connect(self.validate)
        self.status.currentIndexChanged.connect(self.validate)
        for optional in (self.start, self.launch, self.end):
            optional.enabled.toggled.connect(self.validate)
            optional.picker.dateChanged.connect(self.validate)
        self.objective.textChanged.connect(self.validate)
        self.brief.textChanged.connect(self.validate)
        self.country.currentTextChanged.connect(self.validate)
        self.colour.clicked.connect(self.validate)

    def _changes(self) -> dict[str, list[SignalInstance]]:
        """What the user does to give each field of the form a value."""
        lines = {
            "name": self.name,
            "owner": self.owner,
            "channel": self.channel,
            "audience": self.audience,
            "budget": self.budget,
        }
        dates = {"start_date": self.start, "launch_date": self.launch, "end_date": self.end}
        return {
            **{f: [line.textChanged] for f, line in lines.items()},
            **{f: [d.enabled.toggled, d.picker.dateChanged] for f, d in dates.items()},
            "status": [self.status.currentIndexChanged],
            "objective": [self.objective.textChanged],
            "brief": [self.brief.textChanged],
            "audience_country": [self.country.currentTextChanged],
            # Opening the colour picker counts, even to keep the colour shown.
            "colour": [self.colour.clicked],
        }

    def _values(self) -> tuple[dict[str, Any], dict[str, str]]:
        problems: dict[str, str] = {}
        budget: float | None = None
        text = self.budget.text().strip().replace(",", "").replace(" ", "")
        if text:
            try:
                budget = float(text.lstrip("$€£"))
            except ValueError:
                problems["budget"] = "Budget must be an amount, like 12000 or 2500.50"
        # Text that is not a date is named by its field, never saved as the last date it was.
        typed = (("start_date", self.start), ("launch_date", self.launch), ("end_date", self.end))
        problems |= {field: d.problem() for field, d in typed if d.problem()}
        values = self.original.model_dump() | {
            "name": self.name.text(),
            "status": self.status.currentData(),
            "owner": self.owner.text().strip(),
            "channel": self.channel.text().strip(),
            "audience": self.audience.text().strip(),
            "start_date": self.start.value(),
            "launch_date": self.launch.value(),
            "end_date": self.end.value(),
            "budget": budget,
            "colour": self.colour.colour,
            "objective": self.objective.toPlainText(),
            "brief": self.brief.toPlainText(),
            "audience_country": self._country_code(),
        }
        return values, problems

    def _country_code(self) -> str | None:
        """The code of the country typed or chosen (its code or name in any case, or the
        list's line); else the text before any dash, for the model to check (a region such as
        US-CA is a code the list does not show)."""
        text = " ".join(self.country.currentText().split())
        if not text or text.casefold() == NO_COUNTRY.casefold():
            return None
        known = self.country_codes.get(text.casefold())
        return known if known is not None else text.split("\u2014")[0].strip()

    def validate(self) -> Campaign | None:
        values, problems = self._values()
        campaign: Campaign | None = None
        try:
            campaign = Campaign.model_validate(values)
        except ValidationError as error:
            for field, message in validation_messages(error).items():
                problems.setdefault(field, message)
            if "audience_country" in problems:
                # Said as the form takes it: names are taken too, not only codes.
                typed = " ".join(self.country.currentText().split())
                problems["audience_country"] = (
                    f"'{typed}' is not a country on the list: type a country's name or its "
                    "country code (Germany or DE), or a region's code such as US-CA"
                )
        form_level = problems.pop("", "")
        # Dates out of order are one rule over several fields: show it by the date it names.
        for field, word in (("launch_date", "launch date"), ("end_date", "end date")):
            if form_level.lower().startswith(f"the {word}"):
                problems.setdefault(field, form_level)
                form_level = ""
        valid = self.field_errors.show(problems, form_level) and campaign is not None
        self.save_button.setEnabled(valid)
        return campaign if valid else None

    def _save(self) -> None:
        campaign = self.form_campaign()
        if campaign is None:
            return
        self.result_campaign = campaign
        self.accept()

    def form_campaign(self) -> Campaign | None:
        """The campaign as the form has it, to save; None (its problems shown) when invalid."""
        campaign = self.validate()
        return None if campaign is None else campaign.model_copy(update={"problems": self.kept})

    def has_edits(self, campaign: Campaign) -> bool:
        """Whether `campaign` (the form's) differs from the campaign as opened or last saved."""
        return campaign.model_dump(exclude=_BOOKKEEPING) != self.original.model_dump(
            exclude=_BOOKKEEPING
        )

    def refuse_approval(self) -> None:
        """Says, below the form, why the plan shown cannot be approved: a field's problem."""
        problem = next((label.text() for label in self.errors.values() if label.text()), "")
        problem = (problem or "a field has a problem").rstrip(".")
        self.form_error.setText(
            f"Not approved: {problem}. Correct it on the Details tab, then approve: the "
            "approval takes the campaign as the form shows it."
        )
        self.form_error.show()

    def saved_as(self, campaign: Campaign) -> None:
        """The form's edits were saved (with an approval): later edits are counted from it."""
        self.original = campaign
