"""mopsboard: kanban boards for marketing-operations teams, in one local SQLite file."""

__version__ = "0.1.0"
APP_NAME = "mopsboard"
