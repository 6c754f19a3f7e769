"""Charts as inline SVG, drawn on the server: no script, no CDN, nothing the strict Content-Security-Policy
of ``web.app`` would block (colours are presentation attributes, not ``style``).

Built with ``xml.etree.ElementTree``, so every label is escaped and the markup is well-formed by
construction. Each chart is an image with a name and a description (``role="img"``, ``<title>`` and
``<desc>`` referenced by ``aria-labelledby``), every bar carries its value in a ``<title>`` (a tooltip),
and the page shows the same numbers in a table: the chart is never the only way to read them.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

from markupsafe import Markup

SVG_NS = "http://www.w3.org/2000/svg"
# Colour-blind safe (Okabe-Ito), distinguishable in greyscale by order and by the legend's text.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9")
AXIS = "#6b7280"
GRID = "#e5e7eb"
FONT = {"font-family": "system-ui, sans-serif", "font-size": "11"}


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 or value == int(value) else f"{value:,.1f}"


def nice_max(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten at or above ``value`` (1 for nothing to show)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(float(step * power) for step in (1, 2, 5, 10) if step * power >= value)


def _frame(chart_id: str, title: str, desc: str, width: int, height: int) -> ET.Element:
    svg = ET.Element("svg", {"xmlns": SVG_NS, "viewBox": f"0 0 {width} {height}", "width": "100%",
                             "role": "img", "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
                             "id": chart_id, "class": "chart", "preserveAspectRatio": "xMinYMin meet"})
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = desc
    # The name is also shown (the <title> element is only read out, or a tooltip).
    ET.SubElement(svg, "text", {"x": "0", "y": "14", "fill": "#111827", "font-weight": "600", **FONT,
                                "font-size": "13", "aria-hidden": "true"}).text = title
    return svg


def _text(parent: ET.Element, x: float, y: float, value: str, anchor: str = "start", fill: str = AXIS) -> None:
    ET.SubElement(parent, "text", {"x": f"{x:.1f}", "y": f"{y:.1f}", "text-anchor": anchor, "fill": fill,
                                   **FONT}).text = value


def _markup(svg: ET.Element) -> Markup:
    # ElementTree escapes every text and attribute; the result is one well-formed element.
    return Markup(ET.tostring(svg, encoding="unicode"))  # noqa: S704


def bar_chart(chart_id: str, title: str, desc: str, labels: Sequence[str],
              series: Sequence[tuple[str, Sequence[float]]], *, fmt: Callable[[float], str] = _number,
              width: int = 760, height: int = 260) -> Markup:
    """Vertical bars per label, one bar per series side by side, with a y axis and a legend."""
    svg = _frame(chart_id, title, desc, width, height)
    left, right, top, bottom = 56, 8, 48, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = nice_max(max((v for _, values in series for v in values), default=0))
    for i in range(5):
        y = top + plot_h - plot_h * i / 4
        ET.SubElement(svg, "line", {"x1": str(left), "x2": str(width - right), "y1": f"{y:.1f}", "y2": f"{y:.1f}",
                                    "stroke": GRID if i else AXIS})
        _text(svg, left - 6, y + 4, fmt(top_value * i / 4), "end")
    slot = plot_w / max(len(labels), 1)
    bar_w = max(slot * 0.8 / max(len(series), 1), 0.5)
    every = max(1, math.ceil(len(labels) / 12))
    for i, label in enumerate(labels):
        for j, (name, values) in enumerate(series):
            value = values[i]
            h = plot_h * value / top_value
            bar = ET.SubElement(svg, "rect", {
                "x": f"{left + slot * i + slot * 0.1 + bar_w * j:.1f}", "y": f"{top + plot_h - h:.1f}",
                "width": f"{bar_w:.1f}", "height": f"{h:.1f}", "fill": PALETTE[j % len(PALETTE)]})
            ET.SubElement(bar, "title").text = f"{label}, {name}: {fmt(value)}"
        if i % every == 0:
            _text(svg, left + slot * (i + 0.5), height - bottom + 16, label, "middle")
    for j, (name, _) in enumerate(series):
        x = left + j * 160
        ET.SubElement(svg, "rect", {"x": str(x), "y": "24", "width": "10", "height": "10",
                                    "fill": PALETTE[j % len(PALETTE)]})
        _text(svg, x + 14, 33, name)
    return _markup(svg)


def hbar_chart(chart_id: str, title: str, desc: str, items: Sequence[tuple[str, float]], *,
               fmt: Callable[[float], str] = _number, width: int = 760) -> Markup:
    """One horizontal bar per item, its label on the left and its value at the end of the bar."""
    row, label_w, value_w = 24, 180, 70
    height = max(len(items), 1) * row + 30
    svg = _frame(chart_id, title, desc, width, height)
    top_value = max((v for _, v in items), default=0) or 1
    plot_w = width - label_w - value_w
    for i, (label, value) in enumerate(items):
        y = 26 + i * row
        _text(svg, label_w - 8, y + 15, label, "end", "#111827")
        w = plot_w * value / top_value
        bar = ET.SubElement(svg, "rect", {"x": str(label_w), "y": str(y + 3), "width": f"{w:.1f}",
                                          "height": str(row - 8), "fill": PALETTE[0]})
        ET.SubElement(bar, "title").text = f"{label}: {fmt(value)}"
        _text(svg, label_w + w + 6, y + 15, fmt(value))
    return _markup(svg)
