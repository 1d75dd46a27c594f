"""A server workspace's address and errors, in words, never with its password."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mopsboard.store.failures import (
    ReadOnlyWorkspace,
    WorkspaceError,
    WorkspaceLocked,
    WriteFailed,
)

if TYPE_CHECKING:
    import psycopg

URL_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(location: object) -> bool:
    return isinstance(location, str) and location.lower().startswith(URL_SCHEMES)


def _params(url: str) -> dict[str, str]:
    from psycopg.conninfo import conninfo_to_dict

    try:
        return {key: str(value) for key, value in conninfo_to_dict(url).items()}
    except Exception:  # a URL libpq cannot read; the connection says why in words
        return {}


def shown(url: str) -> str:
    """The URL as messages and titles show it: user, host, port and database, no password nor
    any other parameter (they may hold secrets: sslpassword, a password in `options`)."""
    params = _params(url)
    if not params:
        return "postgresql://(an address that cannot be read)"
    user = f"{params['user']}@" if params.get("user") else ""
    host = params.get("host", "")
    port = f":{params['port']}" if params.get("port") else ""
    return f"postgresql://{user}{host}{port}/{params.get('dbname', '')}"


def database_name(url: str) -> str:
    return _params(url).get("dbname", "") or "workspace"


def secrets_of(url: str) -> list[str]:
    params = _params(url)
    return [params[key] for key in ("password", "sslpassword") if params.get(key)]


def scrubbed(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def translate(error: Exception, where: str, secrets: list[str]) -> WorkspaceError:
    """What the server said, in words, for `where` (a shown URL)."""
    import psycopg
    from psycopg import errors

    said = scrubbed(_first_line(error), secrets)
    if isinstance(error, errors.LockNotAvailable | errors.QueryCanceled):
        return WorkspaceLocked(
            f"{where}: another person's change held the workspace too long, so yours was not "
            "made. Try again."
        )
    if isinstance(error, errors.InsufficientPrivilege | errors.ReadOnlySqlTransaction):
        return ReadOnlyWorkspace(
            f"{where}: your database role may only read this workspace, so the change was not "
            "made. Ask whoever runs the server for the mopsboard role."
        )
    if isinstance(error, errors.DiskFull | errors.OutOfMemory):
        return WriteFailed(f"{where}: the server has no room left ({said}); nothing was changed.")
    if isinstance(error, errors.SerializationFailure | errors.DeadlockDetected):
        return WorkspaceLocked(
            f"{where}: the change met another one at the same moment. Try again."
        )
    if isinstance(error, psycopg.OperationalError):
        return WorkspaceError(
            f"{where}: the server cannot be reached ({said}). Check the address, the network "
            "and your password (kept in ~/.pgpass or PGPASSFILE, never by mopsboard); nothing "
            "was changed."
        )
    return WorkspaceError(f"{where}: the server refused it ({said}).")


def connection_error(error: psycopg.Error, url: str) -> WorkspaceError:
    return translate(error, shown(url), secrets_of(url))
