"""Small SVG charts for HTML reports, drawn with matplotlib (Agg) so a report opens offline."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping

import matplotlib

matplotlib.use("Agg")  # no display: render to files only (must precede pyplot)
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

Series = Mapping[str, Mapping[int, float]]
"""Named series of values by year."""

_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)


def _svg(figure: Figure) -> str:
    """The figure as an inline <svg> element (no XML prologue or DOCTYPE)."""
    buffer = io.StringIO()
    # No date in the metadata, so the same data gives the same report.
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    return _XML_PROLOGUE.sub("", buffer.getvalue(), count=1)


def lines_svg(series: Series, title: str, ylabel: str) -> str:
    """One line per series over the years."""
    figure, axes = plt.subplots(figsize=(7, 3.4))
    for name, values in series.items():
        years = sorted(values)
        axes.plot(years, [values[y] for y in years], marker="o", label=name)
    axes.set_title(title)
    axes.set_ylabel(ylabel)
    axes.grid(alpha=0.3)
    axes.legend(fontsize="small", ncols=2)
    return _svg(figure)


def bars_svg(values: Mapping[int, float], title: str, ylabel: str) -> str:
    """One bar per year."""
    return category_bars_svg({str(y): values[y] for y in sorted(values)}, title, ylabel)


def category_bars_svg(values: Mapping[str, float], title: str, ylabel: str) -> str:
    """One bar per category, in the mapping's order."""
    figure, axes = plt.subplots(figsize=(7, 3.4))
    axes.bar(list(values), list(values.values()), color="#3f6fb5")
    axes.set_title(title)
    axes.set_ylabel(ylabel)
    axes.grid(axis="y", alpha=0.3)
    return _svg(figure)
