"""The demo workspace's contents: campaigns, teams, people and task templates.

Dates are offsets in days from "today" so the demo always looks current; task offsets are counted
from the campaign's launch, the way MOps leads schedule backwards from a launch date.
"""

from __future__ import annotations

from dataclasses import dataclass

from mopsboard.domain.models import CampaignStatus, Priority, TeamKind

LEGAL_CHECKLIST = ("CAN-SPAM footer and unsubscribe", "GDPR consent wording", "CCPA opt-out link")
GO_LIVE_CHECKLIST = (
    "Tracking and UTMs verified",
    "Suppression lists applied",
    "Sales briefed",
    "Rollback plan agreed",
)
SYNC_CHECKLIST = (
    "Registrants sync to the CRM",
    "Attendance maps to campaign member status",
    "Test registrant removed",
)


@dataclass(frozen=True)
class TeamSpec:
    key: str
    name: str
    kind: TeamKind
    colour: str
    # What an hour of the team costs where its people have no rate of their own (an agency's).
    hourly_rate: float | None = None


@dataclass(frozen=True)
class MemberSpec:
    name: str
    team: str
    weekly_hours: float
    working_days: str = "12345"
    availability: float = 1.0
    holiday_country: str | None = None
    hourly_rate: float | None = None


@dataclass(frozen=True)
class TimeOffSpec:
    member: str
    first: int
    last: int
    reason: str


@dataclass(frozen=True)
class TaskSpec:
    title: str
    team: str
    persona: str
    hours: float
    # Days from the campaign launch to the task's start (negative: before the launch).
    start: int
    days: int
    labels: tuple[str, ...] = ()
    checklist: tuple[str, ...] = ()
    priority: Priority = Priority.MEDIUM


@dataclass(frozen=True)
class CampaignSpec:
    name: str
    objective: str
    channel: str
    audience: str
    owner: str
    start: int
    launch: int
    end: int
    status: CampaignStatus
    budget: float
    colour: str
    tasks: tuple[TaskSpec, ...]


TEAMS = (
    TeamSpec("mops", "Marketing ops", TeamKind.INTERNAL, "#6366f1"),
    TeamSpec("content", "Content", TeamKind.INTERNAL, "#f97316"),
    TeamSpec("design", "Design", TeamKind.INTERNAL, "#db2777"),
    TeamSpec("web", "Web", TeamKind.INTERNAL, "#0891b2"),
    TeamSpec("agency", "Brightline Creative (agency)", TeamKind.AGENCY, "#9333ea", 140),
    TeamSpec("legal", "Legal and compliance", TeamKind.PARTNER, "#64748b", 150),
)

MEMBERS = (
    MemberSpec("Maya", "mops", 40, holiday_country="US", hourly_rate=85),
    MemberSpec("Jonas", "mops", 40, availability=0.8, holiday_country="DE", hourly_rate=80),
    MemberSpec("Priya", "mops", 32, working_days="1234", holiday_country="GB", hourly_rate=75),
    MemberSpec("Luis", "content", 40, availability=0.9, holiday_country="US", hourly_rate=65),
    MemberSpec("Hannah", "content", 20, working_days="135", hourly_rate=55),
    MemberSpec("Omar", "design", 40, holiday_country="GB", hourly_rate=70),
    MemberSpec("Sofia", "design", 32, working_days="2345", holiday_country="DE", hourly_rate=65),
    MemberSpec("Ben", "web", 40, availability=0.75, holiday_country="US", hourly_rate=80),
    MemberSpec("Aiko", "web", 40, hourly_rate=70),
    # The agency's people are billed at the agency's rate, the legal partner's at her own.
    MemberSpec("Grace", "agency", 20, holiday_country="GB"),
    MemberSpec("Tom", "agency", 16, working_days="45"),
    MemberSpec("Lena", "legal", 8, working_days="25", holiday_country="DE", hourly_rate=120),
)

TIME_OFF = (
    TimeOffSpec("Jonas", 7, 16, "Vacation"),
    TimeOffSpec("Omar", -3, 1, "Conference"),
    TimeOffSpec("Priya", 20, 22, "Training"),
    TimeOffSpec("Luis", 30, 34, "Vacation"),
    TimeOffSpec("Maya", 2, 2, "Personal day"),
)

# fmt: off
_P = Priority

PRODUCT_LAUNCH = CampaignSpec(
    name="Atlas 3.0 product launch",
    objective="Launch Atlas 3.0 to existing customers and IT buyers; 400 qualified demo requests "
    "in the first 30 days.",
    channel="Multi-channel",
    audience="Existing customers; IT buyers at mid-market companies",
    owner="Maya",
    start=-35,
    launch=14,
    end=60,
    status=CampaignStatus.ACTIVE,
    budget=85_000,
    colour="#2563eb",
    tasks=(
        TaskSpec("Launch brief and messaging framework", "content", "Psychologist", 8, -49, 5,
                 ("messaging",), priority=_P.HIGH),
        TaskSpec("Competitive positioning one-pager", "content", "Psychologist", 6, -42, 5,
                 ("messaging", "sales")),
        TaskSpec("IT buyer interviews: synthesis", "content", "Psychologist", 12, -45, 8,
                 ("research",)),
        TaskSpec("Landing page wireframe", "design", "Modernizer", 6, -35, 4, ("landing page",)),
        TaskSpec("Hero visuals and product shots", "agency", "Psychologist", 16, -30, 10,
                 ("creative",)),
        TaskSpec("Build launch landing page in the CMS", "web", "Modernizer", 16, -21, 10,
                 ("landing page",), priority=_P.HIGH),
        TaskSpec("UTM conventions and CRM campaign set-up", "mops", "Orchestrator", 3, -28, 3,
                 ("ops", "tracking")),
        TaskSpec("Lead scoring rules for the demo form", "mops", "Orchestrator", 5, -24, 5,
                 ("ops", "scoring")),
        TaskSpec("A/B test plan for the hero headline", "mops", "Scientist", 4, -14, 4,
                 ("testing",)),
        TaskSpec("Write launch announcement email", "content", "Psychologist", 6, -18, 5,
                 ("email",)),
        TaskSpec("Build and QA launch email in the MAP", "mops", "Orchestrator", 5, -10, 4,
                 ("email", "ops"), priority=_P.HIGH),
        TaskSpec("Legal review: launch email and landing page", "legal", "Orchestrator", 3, -8, 4,
                 ("legal",), LEGAL_CHECKLIST, _P.URGENT),
        TaskSpec("Paid social creative set (6 sizes)", "agency", "Psychologist", 14, -16, 8,
                 ("paid social", "creative")),
        TaskSpec("Sales enablement deck", "content", "Orchestrator", 10, -20, 10, ("sales",)),
        TaskSpec("Press release draft", "content", "Psychologist", 6, -12, 6, ("pr",)),
        TaskSpec("Go-live runbook and go/no-go check", "mops", "Orchestrator", 4, -4, 4, ("ops",),
                 GO_LIVE_CHECKLIST, _P.HIGH),
        TaskSpec("Launch dashboard in BI", "mops", "Scientist", 8, -7, 7, ("analytics",)),
        TaskSpec("Post-launch performance report", "mops", "Scientist", 6, 14, 5, ("analytics",)),
        TaskSpec("Retire legacy product pages and set redirects", "web", "Modernizer", 4, 3, 5,
                 ("web", "seo"), priority=_P.LOW),
    ),
)

WEBINAR = CampaignSpec(
    name="Webinar: lead scoring that sales trusts",
    objective="600 registrations, 35% attendance, 40 sales-accepted leads.",
    channel="Webinar",
    audience="Marketing and sales managers, mid-market",
    owner="Priya",
    start=-10,
    launch=21,
    end=35,
    status=CampaignStatus.ACTIVE,
    budget=12_000,
    colour="#16a34a",
    tasks=(
        TaskSpec("Confirm speakers and run of show", "mops", "Orchestrator", 3, -30, 5, ("event",),
                 priority=_P.HIGH),
        TaskSpec("Abstract and title test", "content", "Scientist", 3, -27, 3, ("testing",)),
        TaskSpec("Registration page and form", "web", "Modernizer", 5, -24, 4, ("landing page",)),
        TaskSpec("Connect the webinar platform to the CRM", "mops", "Modernizer", 4, -24, 5,
                 ("integration", "ops"), SYNC_CHECKLIST),
        TaskSpec("Invitation email series (3 sends)", "content", "Psychologist", 6, -22, 5,
                 ("email",)),
        TaskSpec("Build invitations and reminders", "mops", "Orchestrator", 5, -18, 4,
                 ("email", "ops")),
        TaskSpec("Legal review: invitation emails", "legal", "Orchestrator", 2, -16, 3, ("legal",),
                 LEGAL_CHECKLIST, _P.HIGH),
        TaskSpec("Slide deck design", "design", "Psychologist", 8, -12, 8, ("creative",)),
        TaskSpec("LinkedIn promotion, organic and paid", "agency", "Psychologist", 6, -15, 14,
                 ("paid social",)),
        TaskSpec("Dry run with speakers", "mops", "Orchestrator", 2, -3, 1, ("event",)),
        TaskSpec("Follow-ups for attendees and no-shows", "content", "Psychologist", 4, -5, 5,
                 ("email",)),
        TaskSpec("On-demand recording page", "web", "Modernizer", 3, 1, 3, ("landing page",)),
        TaskSpec("Attendance and pipeline report", "mops", "Scientist", 3, 7, 4, ("analytics",),
                 priority=_P.LOW),
    ),
)

NURTURE = CampaignSpec(
    name="Trial-to-paid email nurture",
    objective="Lift trial-to-paid conversion from 9% to 12% with a six-email nurture.",
    channel="Email",
    audience="Trial sign-ups, first 30 days",
    owner="Jonas",
    start=-60,
    launch=-20,
    end=40,
    status=CampaignStatus.LAUNCHED,
    budget=6_500,
    colour="#f59e0b",
    tasks=(
        TaskSpec("Map the nurture journey and exit criteria", "mops", "Orchestrator", 6, -40, 5,
                 ("journey",)),
        TaskSpec("Segment trial users by product usage", "mops", "Scientist", 5, -36, 4,
                 ("segmentation",)),
        TaskSpec("Write nurture emails 1-3", "content", "Psychologist", 8, -32, 6, ("email",)),
        TaskSpec("Write nurture emails 4-6", "content", "Psychologist", 8, -27, 6, ("email",)),
        TaskSpec("Email template refresh", "design", "Psychologist", 6, -30, 6, ("email",)),
        TaskSpec("Build the nurture program in the MAP", "mops", "Orchestrator", 10, -22, 8,
                 ("email", "ops"), priority=_P.HIGH),
        TaskSpec("Dynamic content by role", "mops", "Modernizer", 5, -18, 5, ("personalisation",)),
        TaskSpec("Subject line test: benefit or curiosity", "mops", "Scientist", 3, -2, 10,
                 ("testing",)),
        TaskSpec("Legal review: nurture emails", "legal", "Orchestrator", 2, -12, 4, ("legal",),
                 LEGAL_CHECKLIST, _P.HIGH),
        TaskSpec("Seed list QA and rendering tests", "mops", "Modernizer", 3, -6, 3, ("qa",)),
        TaskSpec("Nurture performance review (week 4)", "mops", "Scientist", 4, 24, 3,
                 ("analytics",)),
        TaskSpec("Holdout group analysis", "mops", "Scientist", 6, 30, 8, ("analytics",),
                 priority=_P.LOW),
    ),
)

EVENT = CampaignSpec(
    name="SaaS Connect summit booth",
    objective="120 booth meetings with target accounts; 2 customer speaking slots.",
    channel="Events",
    audience="Enterprise prospects in target account list",
    owner="Maya",
    start=5,
    launch=45,
    end=47,
    status=CampaignStatus.PLANNED,
    budget=48_000,
    colour="#65a30d",
    tasks=(
        TaskSpec("Book booth space and logistics", "mops", "Orchestrator", 4, -42, 5, ("event",),
                 priority=_P.HIGH),
        TaskSpec("Booth design and print files", "agency", "Psychologist", 16, -35, 14,
                 ("creative", "event")),
        TaskSpec("Badge scanner app and lead import mapping", "mops", "Modernizer", 4, -20, 5,
                 ("integration",)),
        TaskSpec("Pre-event outreach to target accounts", "content", "Psychologist", 5, -21, 10,
                 ("abm",)),
        TaskSpec("Meeting booking page", "web", "Modernizer", 3, -25, 3, ("landing page",)),
        TaskSpec("Swag order", "mops", "Orchestrator", 2, -30, 2, ("event",), priority=_P.LOW),
        TaskSpec("Staffing rota and booth briefing", "mops", "Orchestrator", 3, -7, 4, ("event",)),
        TaskSpec("Demo station script", "web", "Modernizer", 4, -10, 5, ("sales",)),
        TaskSpec("Legal review: prize draw terms and lead consent", "legal", "Orchestrator", 3,
                 -14, 4, ("legal",), (*LEGAL_CHECKLIST, "Prize draw terms checked")),
        TaskSpec("Post-event lead upload and routing", "mops", "Orchestrator", 5, 2, 3, ("ops",),
                 priority=_P.HIGH),
        TaskSpec("Event ROI report", "mops", "Scientist", 4, 14, 5, ("analytics",)),
    ),
)

BRAND_REFRESH = CampaignSpec(
    name="Brand refresh",
    objective="Roll out the new visual identity across web, email and sales material.",
    channel="Brand",
    audience="All audiences",
    owner="Omar",
    start=-90,
    launch=-7,
    end=30,
    status=CampaignStatus.LAUNCHED,
    budget=120_000,
    colour="#0d9488",
    tasks=(
        TaskSpec("Brand audit of the top 50 pages", "design", "Psychologist", 8, -80, 8,
                 ("brand",)),
        TaskSpec("Logo and colour system", "agency", "Psychologist", 24, -70, 20, ("brand",),
                 priority=_P.HIGH),
        TaskSpec("Typography and icon set", "design", "Psychologist", 12, -50, 10, ("brand",)),
        TaskSpec("Brand guidelines site", "web", "Modernizer", 10, -35, 12, ("brand", "web")),
        TaskSpec("Update email templates to the new brand", "mops", "Orchestrator", 6, -25, 8,
                 ("email",)),
        TaskSpec("Update the website theme", "web", "Modernizer", 16, -28, 18, ("web",),
                 priority=_P.HIGH),
        TaskSpec("Social profile refresh", "content", "Psychologist", 3, -2, 3, ("social",)),
        TaskSpec("Sales deck template", "design", "Psychologist", 6, -10, 12, ("sales",)),
        TaskSpec("Brand perception survey", "mops", "Scientist", 6, 14, 10, ("research",)),
        TaskSpec("Employee rollout announcement", "content", "Psychologist", 3, -3, 2, ("brand",),
                 priority=_P.LOW),
    ),
)

CAMPAIGNS = (PRODUCT_LAUNCH, WEBINAR, NURTURE, EVENT, BRAND_REFRESH)

# Work that belongs to no campaign; offsets count from today.
OPERATIONS = (
    TaskSpec("Merge duplicate leads in the CRM", "mops", "Orchestrator", 6, -12, 10,
             ("data quality",)),
    TaskSpec("Quarterly martech stack review", "mops", "Modernizer", 8, 3, 10, ("martech",)),
    TaskSpec("Preference centre: add topic subscriptions", "web", "Modernizer", 10, -6, 12,
             ("consent",), ("GDPR consent wording", "CCPA opt-out link")),
    TaskSpec("Evaluate intent data vendors", "mops", "Psychologist", 8, 10, 14, ("martech",)),
    TaskSpec("Attribution model: compare first touch and W-shaped", "mops", "Scientist", 12, -20,
             18, ("analytics",)),
    TaskSpec("UTM governance sheet clean-up", "mops", "Orchestrator", 2, -30, 3, ("tracking",),
             priority=_P.LOW),
)
# fmt: on

EXTRA_BOARDS = ("Content studio", "Web and landing pages", "Events and field", "Lifecycle email")
MARKETS = ("NA", "EMEA", "APAC", "LATAM", "DACH", "UK and Ireland", "Nordics", "ANZ")
