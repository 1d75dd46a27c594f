"""A stand-in for the XDG desktop portal on a test's own session bus: it owns the portal's name
and, unless told `--name-only`, answers the FileChooser's version as the real one does (which is
all Qt asks before it chooses the portal's file dialog). Prints "ready" once it is on the bus."""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, Property, QCoreApplication, QObject
from PySide6.QtDBus import QDBusConnection

PORTAL_SERVICE = "org.freedesktop.portal.Desktop"


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.FileChooser"})
class FileChooser(QObject):
    def _version(self) -> int:
        return 3

    version = Property(int, _version)


def main() -> int:
    app = QCoreApplication(sys.argv)
    bus = QDBusConnection.sessionBus()
    chooser = FileChooser()
    if "--name-only" not in sys.argv:
        exported = bus.registerObject(
            "/org/freedesktop/portal/desktop",
            chooser,
            QDBusConnection.RegisterOption.ExportAllProperties,
        )
        if not exported:
            return 1
    if not bus.registerService(PORTAL_SERVICE):
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
