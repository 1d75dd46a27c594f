#!/usr/bin/env bash
# Proves that the bundle runs on a machine with no Python, no venv and no checkout: the archive
# `make package` wrote, unpacked away from the checkout, run with an empty environment (env -i,
# a new HOME),
# for --version, the headless commands on a demo file, and an offscreen screenshot. Then checks
# that every library its binaries link against is in the bundle or on the system.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' mopsboard/__init__.py)
archive=${1:-dist/mopsboard-$version-linux-$(uname -m).tar.gz}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/home" "$work/opt"
tar -xzf "$archive" -C "$work/opt"
program="$work/opt/mopsboard/mopsboard"
fail() { echo "check_bundle: $*" >&2; exit 1; }
clean() { (cd "$work/home" && env -i HOME="$work/home" PATH=/usr/bin:/bin "$@"); }

said=$(clean "$program" --version)
[ "$said" = "mopsboard $version" ] || fail "--version said '$said', not 'mopsboard $version'"

workspace="$work/home/demo.mopsboard"
clean "$program" demo "$workspace" >/dev/null
clean "$program" tasks "$workspace" --json > "$work/tasks.json"
rows=$(grep -c '"id":' "$work/tasks.json" || true)
[ "$rows" -ge 20 ] || fail "tasks listed $rows tasks of the demo workspace"
clean "$program" tasks "$workspace" > "$work/tasks.txt"
[ "$(wc -l < "$work/tasks.txt")" -gt "$rows" ] && grep -q '^ID .*TITLE' "$work/tasks.txt" ||
    fail "tasks printed no table of $rows rows"

# A Google calendar with a repeating event: icalendar, recurring-ical-events and x-wr-timezone,
# which the import loads only when used, are in the bundle.
cp tests/fixtures/ical/google.ics "$work/home/launches.ics"
imported=$(clean "$program" import-calendar "$workspace" "$work/home/launches.ics") ||
    fail "import-calendar failed: $imported"
echo "$imported" | grep -q "'Feature release' 5 times" ||
    fail "import-calendar did not expand the repeating event: $imported"

shot="$work/home/board.png"
clean QT_QPA_PLATFORM=offscreen "$program" "$workspace" --screenshot "$shot" --size 1366x768 \
    2> "$work/screenshot.log" || { cat "$work/screenshot.log" >&2; fail "--screenshot failed"; }
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "no PNG written"
[ "$(stat -c %s "$shot")" -gt 50000 ] || fail "the screenshot is too small to show a board"

# The bundle puts itself in the menu: its entry runs the bundle's program.
env -i HOME="$work/home" PATH=/usr/bin:/bin XDG_DATA_HOME="$work/data" \
    "$work/opt/mopsboard/install-desktop.sh" >/dev/null
grep -qx "Exec=$program %f" "$work/data/applications/"*.desktop ||
    fail "the bundle's install-desktop.sh did not point the desktop entry at $program"

missing=$(find "$work/opt/mopsboard" -type f \( -name '*.so*' -o -name mopsboard \) -print0 |
    xargs -0 -n1 env LD_LIBRARY_PATH="$work/opt/mopsboard/_internal" ldd 2>/dev/null |
    grep 'not found' | sort -u || true)
[ -z "$missing" ] || fail "libraries found neither in the bundle nor on the system:
$missing"

# A server workspace: psycopg and its libpq are in the bundle (the check starts its own cluster).
.venv/bin/python packaging/check_bundle_server.py "$program"

echo "check_bundle: $archive ($(du -sh "$work/opt/mopsboard" | cut -f1) unpacked) runs with an empty environment:" \
    "--version, demo, tasks ($rows tasks), import-calendar, an offscreen screenshot, install-desktop.sh;" \
    "every library resolves"
