"""Text from another tool made to fit: names clipped, duplicates told apart, links written as
inert Markdown."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

_WEB = ("http://", "https://", "mailto:")
ELLIPSIS = "\u2026"


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def unique_names(names: Sequence[str]) -> list[str]:
    """The names with a repeated one numbered ("Done", "Done (2)"), ignoring case."""
    seen: set[str] = set()
    result = []
    for name in names:
        candidate, n = name, 1
        while candidate.casefold() in seen:
            n += 1
            candidate = f"{name} ({n})"
        seen.add(candidate.casefold())
        result.append(candidate)
    return result


def _escaped(text: str) -> str:
    return "".join("\\" + ch if ch in "\\[]()*_`<>#!|" else ch for ch in text)


def link_list(links: Iterable[tuple[str, str]]) -> str:
    """A Markdown list of links. Only web and mail addresses become links (and the app opens
    those only when clicked); anything else is shown as text, escaped so it stays text."""
    lines = []
    for name, url in links:
        url = url.strip()
        if not url:
            continue
        label = _escaped(" ".join(name.split()) or url)
        if url.lower().startswith(_WEB) and not any(ch in url for ch in "<> \n"):
            lines.append(f"- [{label}](<{url}>)")
        else:
            lines.append(f"- {label}: `{url.replace('`', '')}`")
    return "\n".join(lines)
