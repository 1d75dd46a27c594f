"""Where a server workspace is: File ▸ Open server workspace… and File ▸ Publish to server….

The parts of a `postgresql://` address (host, port, database, role, SSL) and, for this
connection only, a password: mopsboard never saves one (the recent list keeps the address
without it); left empty, libpq reads ~/.pgpass or PGPASSFILE, as psql does. Opened again after
a refusal, the dialog says what the server said, with the address as it was.
"""

from __future__ import annotations

import getpass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mopsboard.ui.common.enter_key import enter_presses

DEFAULT_PORT = 5432
SSL_MODES = ("prefer", "require", "verify-full", "disable")


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class ServerAddress:
    """A `postgresql://` URL's parts, the other libpq parameters kept as they were given."""

    def __init__(self, url: str = "") -> None:
        parts = urlsplit(url) if url else None
        self.host = (parts.hostname if parts else None) or "localhost"
        self.port = (parts.port if parts else None) or DEFAULT_PORT
        self.database = unquote(parts.path.lstrip("/")) if parts else ""
        self.user = unquote(parts.username) if parts and parts.username else _login_name()
        self.password = unquote(parts.password) if parts and parts.password else ""
        self.options = dict(parse_qsl(parts.query)) if parts else {}

    def url(self, *, with_password: bool = True) -> str:
        who = quote(self.user, safe="")
        if with_password and self.password:
            who += ":" + quote(self.password, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        query = urlencode(self.options)
        return (
            f"postgresql://{who}{'@' if who else ''}{host}:{self.port}/"
            f"{quote(self.database, safe='')}{'?' + query if query else ''}"
        )


class ServerDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        url: str = "",
        problem: str = "",
        publishing: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle("Publish to server" if publishing else "Open server workspace")
        address = ServerAddress(url)
        self._options = address.options
        self.host = QLineEdit(address.host)
        self.host.setObjectName("serverHost")
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(address.port)
        self.database = QLineEdit(address.database)
        self.database.setObjectName("serverDatabase")
        self.database.setPlaceholderText("the database holding the workspace")
        self.user = QLineEdit(address.user)
        self.user.setObjectName("serverUser")
        self.user.setPlaceholderText("your PostgreSQL role")
        self.password = QLineEdit(address.password)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("empty: from ~/.pgpass or PGPASSFILE")
        self.ssl = QComboBox()
        self.ssl.setObjectName("serverSsl")
        self.ssl.addItems(SSL_MODES)
        self.ssl.setCurrentText(self._options.pop("sslmode", "prefer"))
        self.ssl.setToolTip(
            "prefer: encrypted when the server offers it; require: always encrypted; "
            "verify-full: encrypted, and the server's certificate checked against its name"
        )
        form = QFormLayout()
        form.addRow("Host", self.host)
        form.addRow("Port", self.port)
        form.addRow("Database", self.database)
        form.addRow("Role", self.user)
        form.addRow("Password", self.password)
        form.addRow("SSL", self.ssl)
        note = QLabel(
            "The database must be empty: the workspace file is copied into it whole, and the "
            "file stays as it is."
            if publishing
            else "Everyone who opens the same database sees each other's changes as they are saved."
        )
        note.setWordWrap(True)
        note.setProperty("tone", "soft")
        kept = QLabel("mopsboard never saves the password; it is used for this connection only.")
        kept.setWordWrap(True)
        kept.setProperty("tone", "soft")
        self.problem = QLabel(problem)
        self.problem.setObjectName("serverProblem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("tone", "warning")
        self.problem.setVisible(bool(problem))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = buttons.addButton(
            "Publish" if publishing else "Open", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.go.setObjectName("serverGo")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for field in (self.host, self.database, self.user):
            field.textChanged.connect(self._allow)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(kept)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        enter_presses(self, self.go)
        self._allow()
        first_empty = next((f for f in (self.database, self.user) if not f.text()), None)
        (first_empty or (self.password if problem else self.database)).setFocus()

    def _allow(self) -> None:
        self.go.setEnabled(all(f.text().strip() for f in (self.host, self.database, self.user)))

    def address(self) -> ServerAddress:
        made = ServerAddress()
        made.host = self.host.text().strip()
        made.port = self.port.value()
        made.database = self.database.text().strip()
        made.user = self.user.text().strip()
        made.password = self.password.text()
        made.options = {**self._options, "sslmode": self.ssl.currentText()}
        return made

    def url(self) -> str:
        """The address as libpq takes it, the password in it when one was typed."""
        return self.address().url()


def ask_server(
    parent: QWidget | None, *, url: str = "", problem: str = "", publishing: bool = False
) -> str | None:
    """The address the user gives (None: cancelled)."""
    dialog = ServerDialog(parent, url=url, problem=problem, publishing=publishing)
    return dialog.url() if dialog.exec() == QDialog.DialogCode.Accepted else None
