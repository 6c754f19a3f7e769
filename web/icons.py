"""Icons as inline SVG (no icon font, no emoji that a system without the glyph shows as a box).

``icon(name)`` in a template gives a decorative SVG (``aria-hidden``; the text beside it says what it
means), or with ``label`` an SVG with ``role="img"`` and a title for icons that stand alone.
Paths: simple 24x24 strokes drawn for this app.
"""

from __future__ import annotations

from markupsafe import Markup, escape

_PATHS = {
    "paperclip": "M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4"
                 "l7.9-7.9",
    "lock": "M6 11h12v10H6zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11",
    "bell": "M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0",
    "clock": "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5l3 3",
    "user": "M12 12a4 4 0 1 0 0-8a4 4 0 1 0 0 8zM4 21a8 8 0 0 1 16 0",
    "search": "M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13zM15.5 15.5L21 21",
    "reply": "M10 8L4 13l6 5M4 13h11a5 5 0 0 1 5 5v1",
    "note": "M5 4h14v12l-4 4H5zM15 20v-4h4",
    "check": "M5 12.5l4.5 4.5L19 7.5",
    "keyboard": "M3 7h18v11H3zM6.5 10.5h1M10 10.5h1M13.5 10.5h1M17 10.5h.5M7 14.5h10",
    "settings": "M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1"
                "M4.9 19.1L7 17M17 7l2.1-2.1",
    "eye": "M2 12s3.5-7 10-7s10 7 10 7s-3.5 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z",
    "pencil": "M4 20l4-1L19 8l-3-3L5 16zM14 7l3 3",
}


def icon(name: str, label: str | None = None, size: int = 16) -> Markup:
    path = _PATHS[name]
    a11y = f'role="img" aria-label="{escape(label)}"' if label else 'aria-hidden="true" focusable="false"'
    title = f"<title>{escape(label)}</title>" if label else ""
    return Markup(  # noqa: S704 (our own fixed markup; only the escaped label is inserted)
        f'<svg class="icon icon-{name}" width="{size}" height="{size}" viewBox="0 0 24 24" fill="none" '
        f'stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" {a11y}>'
        f'{title}<path d="{path}"/></svg>'
    )
