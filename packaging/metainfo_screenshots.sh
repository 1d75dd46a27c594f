#!/usr/bin/env bash
# The pictures the AppStream metainfo shows (docs/metainfo/): each view of the demo workspace at
# 1366x768 (16:9, as software centres want), offscreen. Run it after a change to how the views
# look, and look at the pictures before committing them.
set -euo pipefail
cd "$(dirname "$0")/.."

python=$(realpath -s "${PYTHON:-.venv/bin/python}")  # absolute, the venv's link kept
out=$(pwd)/docs/metainfo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/Documents"
cd "$work/Documents"  # the status bar shows the file as it was named: a short, plain name
export MOPSBOARD_HOME="$work/home" QT_QPA_PLATFORM=offscreen
"$python" -m mopsboard demo "Campaigns.mopsboard" >/dev/null
for view in board capacity timeline campaigns personas; do
    "$python" -m mopsboard "Campaigns.mopsboard" --screenshot "$out/$view.png" \
        --size 1366x768 --view "$view" 2>/dev/null
done
echo "metainfo screenshots: $(ls "$out")"
