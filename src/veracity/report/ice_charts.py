"""SVG charts of a dated series (ICE detention statistics), drawn with matplotlib (Agg) offline."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: render to files only (must precede pyplot)
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
COLOURS = ("#b5443f", "#e0a33a", "#3f6fb5")
"""Convicted, pending charges only, neither: most to least "criminal"."""


def _svg(figure: Figure) -> str:
    """The figure as an inline <svg> element (no XML prologue or DOCTYPE)."""
    buffer = io.StringIO()
    # No date in the metadata and a fixed salt for the element ids: same data, same report.
    with matplotlib.rc_context({"svg.hashsalt": "veracity"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    return _XML_PROLOGUE.sub("", buffer.getvalue(), count=1)


def _days(days: Sequence[date]) -> Any:
    """The days as x values: matplotlib's date converter takes them (and picks date ticks), but
    its type stubs list only numbers and arrays, hence `Any`."""
    return list(days)


def _dated_axes(axes: Axes, title: str, ylabel: str) -> None:
    axes.set_title(title)
    axes.set_ylabel(ylabel)
    axes.grid(alpha=0.3)


def dated_line_svg(
    points: Sequence[tuple[date, float]],
    title: str,
    ylabel: str,
    marked: Sequence[tuple[date, float]] = (),
    marked_label: str = "",
) -> str:
    """One line over time, with `marked` points (e.g. suspect tables) drawn apart."""
    figure, axes = plt.subplots(figsize=(8, 3.4))
    axes.plot(_days([d for d, _ in points]), [v for _, v in points], marker=".", color=COLOURS[2])
    if marked:
        x, y = _days([d for d, _ in marked]), [v for _, v in marked]
        axes.plot(x, y, linestyle="none", marker="x", color=COLOURS[0], label=marked_label)
        axes.legend(fontsize="small")
    _dated_axes(axes, title, ylabel)
    axes.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
    return _svg(figure)


def dated_shares_svg(
    days: Sequence[date], layers: Mapping[str, Sequence[float]], title: str
) -> str:
    """Shares (in percent) stacked over time, first layer at the bottom."""
    figure, axes = plt.subplots(figsize=(8, 3.6))
    axes.stackplot(
        _days(days),
        *layers.values(),
        labels=list(layers),
        colors=COLOURS[: len(layers)],
        alpha=0.85,
    )
    _dated_axes(axes, title, "% of those detained")
    axes.set_ylim(0, 100)
    # Below the plot: the layers fill it to 100%.
    axes.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=len(layers))
    return _svg(figure)
