"""The one reverse-DNS application id: the name of the desktop entry, the AppStream metainfo and
the icon (mopsboard/resources/desktop/), and what a Wayland compositor or a desktop matches the
running windows to (QGuiApplication.setDesktopFileName), so the window gets its icon and name.
Not the data folder's name (paths.APP_ID) nor the file header's id (store.database)."""

DESKTOP_APP_ID = "io.github.mopsboard.Mopsboard"
# The type of a workspace file, registered by the shared-mime-info XML beside the desktop entry.
WORKSPACE_MIME_TYPE = "application/x-mopsboard"
