"""The built-in campaign templates: the campaigns MOps teams plan again and again.

Offsets count working days from the launch to each task's due date (negative: before the
launch); durations count the working days a task takes. Teams and personas are names: they match
the workspace's own where it has them.
"""

from __future__ import annotations

from mopsboard.domain.templates import CampaignTemplate, TemplateTask

LEGAL_REVIEW = (
    "CAN-SPAM: sender identified, physical address and working unsubscribe in every email",
    "GDPR: lawful basis and consent wording for EU contacts; privacy notice linked",
    "CCPA: 'Do not sell or share' opt-out honoured; California notice at collection",
    "Claims substantiated; trademarks and third-party logos cleared",
)
EMAIL_QA = (
    "Links and UTMs checked",
    "Rendering checked in the main clients",
    "Suppression lists applied",
    "Seed list test sent",
)
TRACKING = ("Campaign and UTM conventions applied", "Conversion events fire", "Dashboard updated")


def _task(
    title: str,
    persona: str,
    team: str,
    hours: float,
    offset: int,
    duration: int,
    checklist: tuple[str, ...] = (),
    stage: str = "Backlog",
    labels: tuple[str, ...] = (),
) -> TemplateTask:
    return TemplateTask(
        title=title,
        stage=stage,
        persona=persona,
        team=team,
        estimate_hours=hours,
        offset=offset,
        duration=duration,
        checklist=checklist,
        labels=labels,
    )


PRODUCT_LAUNCH = CampaignTemplate(
    builtin_key="product-launch",
    name="Product launch",
    description="Launch a product or a major release across web, email and paid channels.",
    channel="Multi-channel",
    audience="Customers and prospects",
    colour="#6366f1",
    run_days=20,
    tasks=(
        _task(
            "Positioning and messaging brief",
            "Psychologist",
            "Product marketing",
            12,
            -30,
            5,
            ("Personas and pains agreed", "Proof points listed", "Approved by product lead"),
            stage="Ready",
        ),
        _task("Launch plan and timeline", "Orchestrator", "Marketing ops", 6, -28, 3),
        _task(
            "Campaign tracking set up",
            "Orchestrator",
            "Marketing ops",
            5,
            -15,
            3,
            TRACKING,
            labels=("ops",),
        ),
        _task("Launch blog post", "Psychologist", "Content", 10, -10, 6, labels=("content",)),
        _task("Launch visuals and video cut-downs", "Psychologist", "Design", 16, -12, 8),
        _task(
            "Product page and landing page",
            "Modernizer",
            "Web",
            20,
            -8,
            8,
            ("Copy final", "Forms connected to the CRM", "Page speed checked", "Mobile checked"),
        ),
        _task("Launch email and announcement sequence", "Orchestrator", "Marketing ops", 12, -6, 5),
        _task(
            "Paid media plan and ads",
            "Scientist",
            "Paid media",
            14,
            -6,
            6,
            ("Audiences built", "Budget split agreed", "Ads approved by the platforms"),
        ),
        _task(
            "Legal and compliance review (CAN-SPAM, GDPR, CCPA)",
            "Orchestrator",
            "Legal and compliance",
            6,
            -4,
            4,
            LEGAL_REVIEW,
            labels=("legal",),
        ),
        _task("Email QA and seed tests", "Orchestrator", "Marketing ops", 4, -2, 2, EMAIL_QA),
        _task("Sales enablement session", "Psychologist", "Product marketing", 4, -1, 1),
        _task(
            "Go live",
            "Orchestrator",
            "Marketing ops",
            3,
            0,
            1,
            ("Tracking verified", "Sales briefed", "Rollback plan agreed"),
        ),
        _task("A/B test on the launch email subject", "Scientist", "Marketing ops", 3, 3, 3),
        _task(
            "Launch results report", "Scientist", "Marketing ops", 6, 15, 3, labels=("analytics",)
        ),
    ),
)

WEBINAR = CampaignTemplate(
    builtin_key="webinar",
    name="Webinar",
    description="A live webinar: promote, run, follow up and hand the leads to sales.",
    channel="Webinar",
    audience="Prospects",
    colour="#3b82f6",
    run_days=10,
    tasks=(
        _task("Topic, speakers and abstract", "Psychologist", "Content", 4, -25, 3, stage="Ready"),
        _task(
            "Webinar platform and registration page",
            "Modernizer",
            "Marketing ops",
            6,
            -18,
            3,
            ("Registrants sync to the CRM", "Confirmation and reminder emails set"),
        ),
        _task("Promotion emails (3 sends)", "Orchestrator", "Marketing ops", 8, -15, 5, EMAIL_QA),
        _task("Social and partner promotion", "Psychologist", "Content", 5, -12, 8),
        _task(
            "Legal review of the invitations",
            "Orchestrator",
            "Legal and compliance",
            2,
            -16,
            2,
            LEGAL_REVIEW[:3],
            labels=("legal",),
        ),
        _task("Slides and dry run", "Psychologist", "Content", 10, -2, 5),
        _task("Run the webinar", "Orchestrator", "Marketing ops", 3, 0, 1),
        _task("Follow-up emails: attendees and no-shows", "Orchestrator", "Marketing ops", 4, 2, 2),
        _task(
            "Leads scored and routed to sales",
            "Scientist",
            "Marketing ops",
            3,
            3,
            2,
            ("Attendance maps to campaign member status", "Scoring rules applied"),
        ),
        _task("On-demand recording page", "Modernizer", "Web", 3, 5, 3),
    ),
)

EMAIL_NURTURE = CampaignTemplate(
    builtin_key="email-nurture",
    name="Email nurture",
    description="An automated nurture track that moves leads to a sales conversation.",
    channel="Email",
    audience="Leads",
    colour="#22c55e",
    run_days=40,
    tasks=(
        _task("Nurture map: entry, exits and goals", "Orchestrator", "Marketing ops", 6, -20, 4),
        _task("Segment and suppression rules", "Scientist", "Marketing ops", 4, -15, 3),
        _task("Write the email series", "Psychologist", "Content", 16, -10, 8),
        _task("Build the emails and the program", "Orchestrator", "Marketing ops", 12, -5, 5),
        _task(
            "Consent and unsubscribe review (CAN-SPAM, GDPR, CCPA)",
            "Orchestrator",
            "Legal and compliance",
            3,
            -4,
            2,
            LEGAL_REVIEW[:3],
            labels=("legal",),
        ),
        _task(
            "QA the full path with test leads", "Orchestrator", "Marketing ops", 4, -1, 2, EMAIL_QA
        ),
        _task("Turn the program on", "Orchestrator", "Marketing ops", 1, 0, 1),
        _task("Subject line and send-time tests", "Scientist", "Marketing ops", 4, 10, 10),
        _task("Performance review and tuning", "Scientist", "Marketing ops", 4, 30, 2),
    ),
)

CONTENT_PIECE = CampaignTemplate(
    builtin_key="content-piece",
    name="Content piece",
    description="A gated asset (e-book, guide or report) with its landing page and promotion.",
    channel="Content",
    audience="Prospects",
    colour="#f97316",
    run_days=15,
    tasks=(
        _task("Outline and keyword research", "Psychologist", "Content", 6, -20, 3, stage="Ready"),
        _task("Draft", "Psychologist", "Content", 20, -14, 8),
        _task("Subject-matter review", "Scientist", "Content", 4, -9, 3),
        _task("Design and layout", "Psychologist", "Design", 12, -5, 5),
        _task("Landing page and form", "Modernizer", "Web", 6, -3, 3),
        _task("Claims and rights review", "Orchestrator", "Legal and compliance", 2, -3, 2),
        _task("Publish and announce", "Orchestrator", "Marketing ops", 3, 0, 1),
        _task("Promotion: email, social, paid", "Scientist", "Marketing ops", 6, 5, 5),
    ),
)

EVENT = CampaignTemplate(
    builtin_key="event",
    name="Event",
    description="A trade-show booth or own event: logistics, invitations, meetings, follow-up.",
    channel="Events",
    audience="Prospects and customers",
    colour="#a855f7",
    run_days=10,
    tasks=(
        _task(
            "Budget, goals and booth booking", "Orchestrator", "Events", 6, -50, 5, stage="Ready"
        ),
        _task("Booth design and print", "Psychologist", "Design", 16, -25, 10),
        _task("Shipping and logistics", "Orchestrator", "Events", 6, -10, 5),
        _task(
            "Invitation emails and meeting booking",
            "Orchestrator",
            "Marketing ops",
            8,
            -10,
            10,
            EMAIL_QA,
        ),
        _task(
            "Privacy review of lead capture (GDPR, CCPA)",
            "Orchestrator",
            "Legal and compliance",
            2,
            -8,
            2,
            LEGAL_REVIEW[1:3],
            labels=("legal",),
        ),
        _task("Lead capture app set up and tested", "Modernizer", "Marketing ops", 4, -3, 2),
        _task("Staff briefing", "Psychologist", "Sales", 3, -1, 1),
        _task("Event days", "Orchestrator", "Events", 24, 2, 3),
        _task("Leads uploaded, scored and routed", "Scientist", "Marketing ops", 4, 4, 2),
        _task("Follow-up emails", "Orchestrator", "Marketing ops", 4, 5, 2),
        _task("Event ROI report", "Scientist", "Marketing ops", 4, 10, 2, labels=("analytics",)),
    ),
)

MARTECH_EVALUATION = CampaignTemplate(
    builtin_key="martech-vendor-evaluation",
    name="Martech vendor evaluation",
    description="Choose a marketing technology vendor with IT and procurement, then decide.",
    channel="Internal",
    audience="Marketing, IT and procurement",
    colour="#0ea5e9",
    run_days=0,
    tasks=(
        _task(
            "Requirements and use cases",
            "Modernizer",
            "Marketing ops",
            10,
            -40,
            5,
            ("Stakeholders interviewed", "Must-haves ranked", "Integrations listed"),
            stage="Ready",
        ),
        _task("Long list and RFI", "Modernizer", "Marketing ops", 6, -33, 5),
        _task("Vendor demos and scorecards", "Scientist", "Marketing ops", 12, -23, 10),
        _task(
            "Security and architecture review",
            "Modernizer",
            "IT",
            10,
            -15,
            8,
            ("SSO and roles", "Data residency", "API limits", "SOC 2 report read"),
        ),
        _task(
            "Data protection review (GDPR DPA, CCPA service-provider terms)",
            "Orchestrator",
            "Legal and compliance",
            6,
            -10,
            5,
            ("Data processing agreement", "Sub-processors listed", "CCPA contract terms"),
            labels=("legal",),
        ),
        _task("Proof of concept", "Scientist", "Marketing ops", 16, -8, 10),
        _task("Commercials and contract", "Orchestrator", "Procurement", 8, -3, 8),
        _task("Decision and rollout plan", "Orchestrator", "Marketing ops", 4, 0, 2),
    ),
)

BUILTIN_TEMPLATES: tuple[CampaignTemplate, ...] = (
    PRODUCT_LAUNCH,
    WEBINAR,
    EMAIL_NURTURE,
    CONTENT_PIECE,
    EVENT,
    MARTECH_EVALUATION,
)
