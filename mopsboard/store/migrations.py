"""The workspace schema, one named step at a time.

Steps are additive where they can be (new tables, columns, indexes) and plain SQL that PostgreSQL
would also accept where that costs nothing. A step, once released, never changes: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "mopsboard"

Step = Callable[["Database"], None]


class Steps:
    """The schema's steps, as sqlite-utils' Migrations, which is made when first used: opening a
    current file only compares names (KNOWN_MIGRATIONS), and loading sqlite-utils for that would
    cost a read-only command a fifth of its start."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._steps: list[tuple[str, Step]] = []
        self._made: Migrations | None = None

    def __call__(self, *, name: str) -> Callable[[Step], Step]:
        def register(step: Step) -> Step:
            self._steps.append((name, step))
            return step

        return register

    @property
    def names(self) -> list[str]:
        return [name for name, _step in self._steps]

    @property
    def made(self) -> Migrations:
        if self._made is None:
            from sqlite_utils.migrations import Migrations

            self._made = Migrations(self.name)
            for name, step in self._steps:
                self._made(name=name)(step)
        return self._made

    @property
    def _migrations(self) -> list[Migrations._Migration]:
        # sqlite-utils' own list, where a test (or a tool) may look at or replace a step.
        return self.made._migrations

    def pending(self, db: Database) -> list[Migrations._Migration]:
        return self.made.pending(db)

    def apply(self, db: Database) -> None:
        apply_steps(self, db)


def apply_steps(steps: Steps | Migrations, db: Database) -> None:
    """Runs the pending steps in one write transaction, with foreign keys off.

    The write lock is taken before the pending steps are read: a second program upgrading the
    same file at the same moment waits for the first (busy timeout), then finds nothing left to
    do. Foreign keys cannot be turned off inside a transaction, and must be off while a step
    rebuilds a table (dropping a parent would cascade its deletes): a step that rebuilds checks
    the references itself before its work commits.
    """
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("schema steps run in a transaction of their own")
    references = int(conn.execute("PRAGMA foreign_keys").fetchone()[0])
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            (steps.made if isinstance(steps, Steps) else steps).apply(db)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute(f"PRAGMA foreign_keys = {references}")


migrations = Steps(MIGRATION_SET)


@migrations(name="0001_initial_schema")
def initial_schema(db: Database) -> None:
    statements = [
        """CREATE TABLE boards (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            archived INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )""",
        """CREATE TABLE stages (
            id INTEGER PRIMARY KEY,
            board_id INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            kind TEXT NOT NULL DEFAULT 'active'
                CHECK (kind IN ('backlog', 'active', 'review', 'done')),
            wip_limit INTEGER,
            wip_hard INTEGER NOT NULL DEFAULT 0,
            is_gate INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )""",
        "CREATE INDEX stages_board ON stages(board_id, position)",
        """CREATE TABLE teams (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'internal'
                CHECK (kind IN ('internal', 'agency', 'partner')),
            colour TEXT NOT NULL DEFAULT '#10b981',
            archived INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )""",
        """CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            team_id INTEGER NOT NULL REFERENCES teams(id),
            name TEXT NOT NULL,
            weekly_hours REAL NOT NULL DEFAULT 40,
            working_days TEXT NOT NULL DEFAULT '12345',
            availability REAL NOT NULL DEFAULT 1,
            holiday_country TEXT,
            active INTEGER NOT NULL DEFAULT 1,
            wip_limit INTEGER,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )""",
        "CREATE INDEX members_team ON members(team_id)",
        """CREATE TABLE time_off (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )""",
        "CREATE INDEX time_off_member ON time_off(member_id)",
        """CREATE TABLE campaigns (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            objective TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL DEFAULT '',
            audience TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            start_date TEXT,
            launch_date TEXT,
            end_date TEXT,
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'active', 'launched', 'done', 'cancelled')),
            budget REAL,
            colour TEXT NOT NULL DEFAULT '#3b82f6',
            archived INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )""",
        """CREATE TABLE personas (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL DEFAULT '#8b5cf6',
            x REAL NOT NULL DEFAULT 0 CHECK (x BETWEEN -1 AND 1),
            y REAL NOT NULL DEFAULT 0 CHECK (y BETWEEN -1 AND 1),
            position INTEGER NOT NULL DEFAULT 0,
            archived INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )""",
        """CREATE TABLE tasks (
            id INTEGER PRIMARY KEY,
            board_id INTEGER NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
            stage_id INTEGER NOT NULL REFERENCES stages(id),
            rank TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
            persona_id INTEGER REFERENCES personas(id) ON DELETE SET NULL,
            assignee_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
            team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
            estimate_hours REAL CHECK (estimate_hours IS NULL OR estimate_hours >= 0),
            start_date TEXT,
            due_date TEXT,
            priority INTEGER NOT NULL DEFAULT 0,
            labels TEXT NOT NULL DEFAULT '[]',
            checklist TEXT NOT NULL DEFAULT '[]',
            archived INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            completed_at TEXT,
            version INTEGER NOT NULL DEFAULT 1
        )""",
        "CREATE INDEX tasks_stage_rank ON tasks(stage_id, rank)",
        "CREATE INDEX tasks_board ON tasks(board_id)",
        "CREATE INDEX tasks_assignee ON tasks(assignee_id)",
        "CREATE INDEX tasks_campaign ON tasks(campaign_id)",
        "CREATE INDEX tasks_team ON tasks(team_id)",
        """CREATE TABLE task_events (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            from_stage_id INTEGER,
            to_stage_id INTEGER NOT NULL,
            at TEXT NOT NULL
        )""",
        "CREATE INDEX task_events_task ON task_events(task_id)",
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    ]
    for statement in statements:
        db.execute(statement)


@migrations(name="0002_campaign_templates")
def campaign_templates(db: Database) -> None:
    # A template's tasks are one JSON array: they are always read and written whole, and they
    # name stages, personas and teams by name, so they refer to no row.
    db.execute(
        """CREATE TABLE campaign_templates (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            channel TEXT NOT NULL DEFAULT '',
            audience TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL DEFAULT '#3b82f6',
            run_days INTEGER NOT NULL DEFAULT 0,
            tasks TEXT NOT NULL DEFAULT '[]',
            archived INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )"""
    )


@migrations(name="0003_campaign_figures_index")
def campaign_figures_index(db: Database) -> None:
    # Covers the campaigns table's figures (tasks, open, overdue, hours per campaign), so they
    # are read from the index instead of from every task row: half the time at 50,000 tasks.
    db.execute(
        "CREATE INDEX tasks_campaign_figures "
        "ON tasks(campaign_id, archived, stage_id, due_date, estimate_hours)"
    )


@migrations(name="0004_comments")
def comments(db: Database) -> None:
    # AUTOINCREMENT: a deleted comment's id is never given to another, so undo and redo can
    # put a comment back under its own id whatever was written meanwhile. IF NOT EXISTS: a
    # file whose record of this step was lost, but not the step's work, takes it up again.
    db.execute(
        """CREATE TABLE IF NOT EXISTS comments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            author TEXT NOT NULL,
            body TEXT NOT NULL,
            at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS comments_task ON comments(task_id, at)")


@migrations(name="0005_task_edits")
def task_edits(db: Database) -> None:
    # A task's edits, beside task_events (its moves): which fields one edit changed, as a JSON
    # array of names; archiving and restoring are logged here too. Append-only.
    db.execute(
        """CREATE TABLE IF NOT EXISTS task_edits (
            id INTEGER PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            kind TEXT NOT NULL DEFAULT 'edited',
            fields TEXT NOT NULL DEFAULT '[]',
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS task_edits_task ON task_edits(task_id)")


# The tables whose rows undo puts back under their own ids. The logs (task_events, task_edits)
# are left as they are: their rows are written anew, never put back by id, and nothing names one.
NEVER_REUSED_IDS = (
    "boards",
    "stages",
    "teams",
    "members",
    "time_off",
    "campaigns",
    "personas",
    "tasks",
    "campaign_templates",
)


@migrations(name="0006_ids_never_reused")
def ids_never_reused(db: Database) -> None:
    # AUTOINCREMENT, as comments have had it since 0004: SQLite then never gives a deleted
    # row's id to a new one, whichever program inserts it (a script, the sqlite3 shell, an older
    # mopsboard that had the file open during the upgrade), so undo can put a deleted row back
    # under its own id whatever was added meanwhile. SQLite can only add it by rebuilding each
    # table (table_rebuild). Ids already used and deleted before the upgrade are not known; ids
    # from the highest one in the file on are never given twice.
    from mopsboard.store.table_rebuild import RebuildError, never_reuse_ids

    dangling = sorted(db.execute("PRAGMA foreign_key_check").fetchall())
    for table in NEVER_REUSED_IDS:
        never_reuse_ids(db, table)
    # Rowids are kept, so every reference holds as before (one another program left dangling
    # stays so: the app reads it all the same, and refusing the upgrade would help nobody).
    if sorted(db.execute("PRAGMA foreign_key_check").fetchall()) != dangling:
        raise RebuildError(
            "the rebuilt tables' references do not hold as they did; nothing changed"
        )


@migrations(name="0007_task_links")
def task_links(db: Database) -> None:
    # A dependency between two tasks, across boards and campaigns too: `successor_id` may start
    # (finish_to_start) or must start with (start_to_start) `predecessor_id`, `lag_days` working
    # days later (negative: before). A link goes with either of its tasks.
    db.execute(
        """CREATE TABLE IF NOT EXISTS task_links (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            predecessor_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            successor_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            kind TEXT NOT NULL DEFAULT 'finish_to_start'
                CHECK (kind IN ('finish_to_start', 'start_to_start')),
            lag_days INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT,
            CHECK (predecessor_id != successor_id),
            UNIQUE (predecessor_id, successor_id)
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS task_links_successor ON task_links(successor_id)")


def _add_column(db: Database, table: str, column: str, declaration: str) -> None:
    # SQLite has no ADD COLUMN IF NOT EXISTS: a step taken up again must not add it twice.
    present = {row[1] for row in db.execute(f"PRAGMA table_info({table})").fetchall()}
    if column not in present:
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")


@migrations(name="0008_time_logs")
def time_logs(db: Database) -> None:
    # Hours a person spent on a task on a day (what the capacity map counts as actual), and
    # what an hour of a person or of an agency team costs.
    db.execute(
        """CREATE TABLE IF NOT EXISTS time_logs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
            member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
            day TEXT NOT NULL,
            hours REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
            note TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS time_logs_task ON time_logs(task_id)")
    db.execute("CREATE INDEX IF NOT EXISTS time_logs_member_day ON time_logs(member_id, day)")
    _add_column(
        db, "members", "hourly_rate", "REAL CHECK (hourly_rate IS NULL OR hourly_rate >= 0)"
    )
    _add_column(db, "teams", "hourly_rate", "REAL CHECK (hourly_rate IS NULL OR hourly_rate >= 0)")


@migrations(name="0009_trade_offs")
def trade_offs(db: Database) -> None:
    # A campaign's Markdown brief and the country of its audience (whose holidays a launch should
    # miss); a member who works only from or until a day (a contractor for some weeks).
    _add_column(db, "campaigns", "brief", "TEXT NOT NULL DEFAULT ''")
    _add_column(db, "campaigns", "audience_country", "TEXT")
    _add_column(db, "members", "active_from", "TEXT")
    _add_column(db, "members", "active_until", "TEXT")
    # Who made an edit (the workspace's user name, or the server role), where it was known.
    _add_column(db, "task_edits", "author", "TEXT")
    # A campaign's own log: its fields edited, tasks added to it or taken out, approvals. A task
    # is named by id and title, with no reference: the entry outlives a deleted task.
    db.execute(
        """CREATE TABLE IF NOT EXISTS campaign_edits (
            id INTEGER PRIMARY KEY,
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            task_id INTEGER,
            title TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            fields TEXT NOT NULL DEFAULT '[]',
            at TEXT NOT NULL,
            author TEXT
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS campaign_edits_campaign ON campaign_edits(campaign_id)")
    # The hours each campaign's work aims at each persona (its main personas, for the same-week
    # warning), answered from the index alone: 28 ms -> 5 ms at 50,000 tasks.
    db.execute(
        "CREATE INDEX IF NOT EXISTS tasks_campaign_personas "
        "ON tasks(campaign_id, archived, persona_id, estimate_hours)"
    )
    # An approval of a campaign's brief: by whom (a JSON array of named roles), when, a note, and
    # the baseline it took (JSON: the plan as it stood), never changed afterwards.
    db.execute(
        """CREATE TABLE IF NOT EXISTS approvals (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
            approved_at TEXT NOT NULL,
            approved_by TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            author TEXT,
            baseline TEXT NOT NULL DEFAULT '{}',
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS approvals_campaign ON approvals(campaign_id)")
    # A what-if scenario: a named draft over the real plan, as an ordered list of changes (JSON
    # payloads); `base` holds the versions of the rows a change was drafted against.
    db.execute(
        """CREATE TABLE IF NOT EXISTS scenarios (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS scenario_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            base TEXT NOT NULL DEFAULT '{}',
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )"""
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS scenario_changes_scenario "
        "ON scenario_changes(scenario_id, position)"
    )
    # Dated events from other calendars (.ics), such as product launches a campaign's launch
    # should not meet; `uid` is the event's own, so importing a calendar again updates it.
    db.execute(
        """CREATE TABLE IF NOT EXISTS calendar_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            first_day TEXT NOT NULL,
            last_day TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'product_launch',
            source TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT
        )"""
    )


KNOWN_MIGRATIONS: frozenset[str] = frozenset(migrations.names)
