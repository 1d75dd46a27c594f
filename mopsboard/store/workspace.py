"""The workspace: one SQLite file or a server database, read as domain models, written one user
action at a time."""

from __future__ import annotations

from pathlib import Path

from mopsboard.domain.models import Persona
from mopsboard.store.approvals import ApprovalStore
from mopsboard.store.bulk_tasks import BulkTaskStore
from mopsboard.store.calendar_events import CalendarEventStore
from mopsboard.store.campaigns import CampaignPlanStore
from mopsboard.store.capacity import CapacityStore
from mopsboard.store.catalog import CatalogStore
from mopsboard.store.comments import CommentStore
from mopsboard.store.database import ReadOnlyWorkspace, create_database, open_database
from mopsboard.store.links import LinkStore
from mopsboard.store.moves import MoveStore
from mopsboard.store.own_writes import OwnWrites
from mopsboard.store.people import PeopleStore
from mopsboard.store.scenarios import ScenarioStore
from mopsboard.store.server.failures import database_name, is_server_url
from mopsboard.store.templates import TemplateStore
from mopsboard.store.time_logs import TimeLogStore

DEFAULT_BOARD = "Campaign board"

# The four MOps personas on the framework's grid:
# x runs from technology (-1) to creativity and arts (+1),
# y from emotional (-1) to rational (+1) decision-making.
DEFAULT_PERSONAS: tuple[Persona, ...] = (
    Persona(
        name="Modernizer",
        description="Keeps the martech stack current: evaluates, adopts and retires tools.",
        colour="#0ea5e9",
        x=-0.6,
        y=0.55,
    ),
    Persona(
        name="Orchestrator",
        description="Runs workflows, rules, reports, timelines and integrations end to end.",
        colour="#f59e0b",
        x=-0.45,
        y=-0.35,
    ),
    Persona(
        name="Psychologist",
        description="Reads customers' minds through intent data and engagement signals.",
        colour="#ec4899",
        x=0.55,
        y=-0.55,
    ),
    Persona(
        name="Scientist",
        description="Designs tests and experiments, and lets the results decide.",
        colour="#22c55e",
        x=0.5,
        y=0.6,
    ),
)


class Workspace(
    OwnWrites,
    ApprovalStore,
    ScenarioStore,
    CapacityStore,
    BulkTaskStore,
    MoveStore,
    CampaignPlanStore,
    CatalogStore,
    PeopleStore,
    TemplateStore,
    CommentStore,
    LinkStore,
    TimeLogStore,
    CalendarEventStore,
):
    """A workspace file. Reads return domain models; every write is one unit of work and is
    reported to subscribers as `Change`s after it commits."""

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Workspace:
        """The workspace file at `path`, or on the server a `postgresql://` URL names."""
        if is_server_url(path):
            from mopsboard.store.server.database import open_server

            url = str(path)
            server, read_only = open_server(url, read_only=read_only)
            return cls(server, Path(database_name(url)), read_only)
        path = Path(path)
        db, read_only = open_database(path, read_only=read_only)
        return cls(db, path, read_only)

    @classmethod
    def open_for_writing(cls, path: Path | str) -> Workspace:
        """Opens a workspace a command is about to change; refuses one it could only read."""
        workspace = cls.open(path)
        if workspace.read_only:
            workspace.close()
            if workspace.on_server:
                raise ReadOnlyWorkspace(
                    f"{workspace.location}: your database role may only read this workspace, "
                    "so nothing was changed."
                )
            raise ReadOnlyWorkspace(
                f"{path}: the workspace is read-only, so nothing was changed. Change the file's "
                "permissions, or copy it to a folder you can write to."
            )
        return workspace

    @classmethod
    def create(cls, path: Path | str, *, defaults: bool = True) -> Workspace:
        """A new workspace file; with `defaults`, the default board and the four MOps personas."""
        if is_server_url(path):
            from mopsboard.store.server.database import create_server

            url = str(path)
            workspace = cls(create_server(url), Path(database_name(url)), read_only=False)
        else:
            path = Path(path)
            workspace = cls(create_database(path), path, read_only=False)
        if defaults:
            workspace.add_defaults()
        return workspace

    def add_defaults(self) -> None:
        with self._write():
            self.add_board(DEFAULT_BOARD)
            for persona in DEFAULT_PERSONAS:
                self.add_persona(persona)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
