#!/usr/bin/env bash
# `make package`: builds the one-folder bundle dist/mopsboard/ with PyInstaller
# (packaging/mopsboard.spec). It runs in a venv of its own holding only mopsboard's run-time
# dependencies and PyInstaller (pyproject.toml's `package` extra), so none of the test tools of
# .venv can end up in the bundle; mopsboard itself is taken from this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=build/bundle-venv
STAMP=$VENV/.installed

if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" - > build/bundle-requirements.txt <<'PY'
import tomllib

with open("pyproject.toml", "rb") as file:
    project = tomllib.load(file)["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["package"]))
PY
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q -r build/bundle-requirements.txt
    touch "$STAMP"
fi

# The hooks look at every Qt plugin before the spec drops the unused ones, so PyInstaller warns
# about the GTK theme's libraries (not bundled) and Windows DLLs named in platformdirs: harmless.
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/mopsboard.spec
# Beside the program, so the bundle can put itself in the applications menu.
cp packaging/install_desktop.sh dist/mopsboard/install-desktop.sh

# The archive to hand out: unpack it anywhere and run mopsboard/mopsboard (README, "Install").
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' mopsboard/__init__.py)
archive=dist/mopsboard-$version-linux-$(uname -m).tar.gz
tar -C dist -czf "$archive" mopsboard
echo "dist/mopsboard: $(du -sh dist/mopsboard | cut -f1); $archive: $(du -sh "$archive" | cut -f1)"
