#!/usr/bin/env bash
# Puts mopsboard's desktop entry, AppStream metainfo, MIME type and icons into the user's XDG
# data folder (${XDG_DATA_HOME:-~/.local/share}) and refreshes the desktop's caches, so that the
# applications menu lists mopsboard and a file manager opens a .mopsboard file with it.
#
#   install_desktop.sh [--exec COMMAND] [--uninstall]
#
# From a checkout (`make install-desktop`) the entry runs `mopsboard` from PATH unless --exec
# names the program; in the bundle, where this script sits beside the program as
# install-desktop.sh, it runs that program.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
if [ -d "$here/_internal/mopsboard/resources/desktop" ]; then
    source="$here/_internal/mopsboard/resources/desktop"
    exec_command="$here/mopsboard"
else
    source="$here/../mopsboard/resources/desktop"
    exec_command=mopsboard
fi
uninstall=false
while [ $# -gt 0 ]; do
    case $1 in
        --exec) exec_command=$2; shift 2 ;;
        --uninstall) uninstall=true; shift ;;
        *) echo "usage: $0 [--exec COMMAND] [--uninstall]" >&2; exit 2 ;;
    esac
done
case $exec_command in
    *[\"\`\$\\]*) echo "install-desktop: cannot name $exec_command in a desktop entry" >&2; exit 2 ;;
    *" "*) exec_quoted="\"$exec_command\"" ;;
    *) exec_quoted=$exec_command ;;
esac

data=${XDG_DATA_HOME:-$HOME/.local/share}
while IFS= read -r file; do
    target="$data/$file"
    if $uninstall; then
        rm -f "$target"
    else
        mkdir -p "$(dirname "$target")"
        case $file in
            applications/*.desktop)
                sed "s|^Exec=mopsboard |Exec=$exec_quoted |" "$source/$file" > "$target" ;;
            *) cp "$source/$file" "$target" ;;
        esac
    fi
done < <(cd "$source" && find . -type f ! -name '*.pyc' | sed 's|^\./||' | sort)

# The caches each desktop reads: the MIME database, the MIME type to application map, icons.
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$data/applications"
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache --quiet "$data/icons/hicolor" || true
fi

if $uninstall; then
    echo "install-desktop: removed mopsboard's desktop files from $data"
else
    echo "install-desktop: installed mopsboard's desktop files into $data (runs: $exec_command)"
fi
