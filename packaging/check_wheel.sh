#!/usr/bin/env bash
# The wheel as a user gets it: `python -m build` (isolated: the sdist, then the wheel from it),
# installed with its dependencies into a fresh venv, and with pipx when it is there, each run
# from outside the checkout (--version, demo, tasks, an offscreen screenshot). Fails on any
# warning of the build or the install.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' mopsboard/__init__.py)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check_wheel: $*" >&2; exit 1; }
# PYTHONDONTWRITEBYTECODE makes setuptools warn that it skips byte-compiling: not the project's.
unset PYTHONDONTWRITEBYTECODE

no_warnings() {  # LOG WHAT; pip's notes on this machine's index settings are not the project's,
    # nor are the lines that only name a file copied or added (modules may be named after warnings)
    if grep -i 'warning' "$1" | grep -v "^WARNING: Location '.*' is ignored" |
        grep -Ev "^(copying|adding|creating|byte-compiling|removing) " >&2; then
        fail "$2 warned (above)"
    fi
}

"$PYTHON" -m build --outdir "$work/dist" . > "$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; fail "python -m build failed"; }
no_warnings "$work/build.log" "python -m build"
wheel=$(echo "$work"/dist/mopsboard-"$version"-py3-none-any.whl)
[ -f "$wheel" ] || fail "no wheel for version $version in $work/dist"

runs() {  # COMMAND: the installed mopsboard works, away from the checkout
    local command=$1 home="$work/home-$2"
    mkdir -p "$home"
    (
        cd "$home"
        export MOPSBOARD_HOME="$home" QT_QPA_PLATFORM=offscreen
        [ "$("$command" --version)" = "mopsboard $version" ] || fail "$2: --version"
        "$command" demo "$home/demo.mopsboard" >/dev/null
        "$command" tasks "$home/demo.mopsboard" > "$home/tasks.txt"
        [ "$(wc -l < "$home/tasks.txt")" -gt 20 ] || fail "$2: tasks listed too little"
        "$command" "$home/demo.mopsboard" --screenshot "$home/board.png" --size 1024x700 2>/dev/null
        [ -s "$home/board.png" ] || fail "$2: no screenshot"
    )
    echo "check_wheel: $2: --version, demo, tasks and --screenshot run"
}

python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --disable-pip-version-check -q "$wheel" \
    > "$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "pip install failed"; }
no_warnings "$work/install.log" "pip install"
runs "$work/venv/bin/mopsboard" "fresh venv"

if command -v pipx >/dev/null 2>&1; then
    PIPX_HOME="$work/pipx" PIPX_BIN_DIR="$work/bin" PIPX_MAN_DIR="$work/man" \
        pipx install "$wheel" > "$work/pipx.log" 2>&1 ||
        { cat "$work/pipx.log" >&2; fail "pipx install failed"; }
    runs "$work/bin/mopsboard" "pipx"
else
    echo "check_wheel: pipx is not installed; skipped installing with it"
fi
echo "check_wheel: $(basename "$wheel") builds and installs without a warning"
