#!/usr/bin/env bash
# The desktops' own validators on the desktop entry and the AppStream metainfo (the Debian
# packages desktop-file-utils and appstream; .ci/run installs them), their findings printed.
set -euo pipefail
cd "$(dirname "$0")/../mopsboard/resources/desktop"

entry=$(echo applications/*.desktop)
metainfo=$(echo metainfo/*.metainfo.xml)
echo "desktop-file-validate $entry"
found=$(desktop-file-validate "$entry" 2>&1) || { echo "$found"; exit 1; }
# It exits 0 on warnings and hints as well: none is accepted.
[ -z "$found" ] || { echo "$found"; exit 1; }
echo "  no error, warning or hint"
echo "appstreamcli validate --no-net --pedantic $metainfo"
appstreamcli validate --no-net --pedantic "$metainfo"
