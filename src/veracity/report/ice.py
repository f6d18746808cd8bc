"""The ICE detention-statistics report: figures as JSON, an HTML page with charts, and the
published figures (TRAC, the research note) that the series is checked against."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from veracity.claims.ice import REASONS, Series, Snapshot, percent
from veracity.claims.ice_claims import Definition
from veracity.report.html import render_to
from veracity.report.ice_charts import dated_line_svg, dated_shares_svg

SHARES = ("pct_convicted", "pct_pending_only", "pct_other", "pct_no_conviction",
          "pct_convicted_or_pending")  # fmt: skip
"""The shares of a table, each a `Snapshot` property in percent."""

DEFINITIONS = {
    "total": "people held in ICE detention on the day ICE pulled the figures",
    "convicted": "Convicted Criminal: has a US criminal conviction",
    "pending": "Pending Criminal Charges: charged, not convicted",
    "other": "Other Immigration Violator: neither; computed as total - convicted - pending",
    "pct_no_conviction": "TRAC's 'no criminal conviction': pending + other = 100 - pct_convicted",
    "pct_convicted_or_pending": "ICE's headline 'criminal': convicted or with pending charges",
    "as_of": "the pull date, or the file date where the pull date is implausible (see notes)",
}
"""What each figure means (research/court_records.md §1.1, §1.5; PROVENANCE.md §1)."""


@dataclass(frozen=True, slots=True)
class Published:
    """A figure published about ICE detention, to check the series against."""

    on: date
    """The day the figure describes (the 15th where only the month was given)."""
    measure: str
    """A `Snapshot` count or share."""
    value: float
    places: int
    """The decimals it was published with."""
    source: str


PUBLISHED = (
    Published(date(2026, 4, 2), "total", 60_311, 0, "research note §5 (DTM series)"),
    Published(date(2026, 4, 2), "pct_no_conviction", 70.8, 1, "research note §5"),
    Published(date(2026, 4, 2), "pct_pending_only", 31.1, 1, "research note §5"),
    Published(date(2026, 4, 2), "pct_other", 39.8, 1, "research note §5"),
    Published(date(2026, 4, 2), "pending", 18_731, 0, "research note §5"),
    Published(date(2026, 1, 22), "total", 70_766, 0, "research note §5 (peak)"),
    Published(date(2026, 1, 22), "pct_no_conviction", 74.19, 2, "research note §5"),
    Published(date(2026, 1, 25), "pct_no_conviction", 74.2, 1, "TRAC via Inquisitr, 25 Jan 2026"),
    Published(date(2025, 9, 15), "total", 59_762, 0, "TRAC via tracatwork A6149, Sep 2025"),
    Published(date(2025, 9, 15), "pct_no_conviction", 71.5, 1, "TRAC, Sep 2025"),
    Published(date(2025, 1, 6), "total", 39_703, 0, "research note §5 (pre-inauguration)"),
    Published(date(2025, 1, 6), "pct_no_conviction", 73.6, 1, "research note §5"),
    Published(date(2025, 1, 6), "pct_pending_only", 13.5, 1, "research note §5"),
    Published(date(2025, 1, 6), "pending", 5_360, 0, "research note §5"),
    Published(date(2024, 9, 15), "pct_other", 60.1, 1, "'no criminal record', Sep 2024"),
)
"""research/court_records.md §1.5 and §5; PROVENANCE.md §1 (cross-checks)."""

MAX_DAYS = 14
"""A published figure is checked only against a table at most this many days away."""


@dataclass(frozen=True, slots=True)
class Crosscheck:
    """A published figure against the table nearest to its day."""

    published: Published
    snapshot: Snapshot
    found: float
    """The series' value, unrounded."""

    @property
    def agrees(self) -> bool:
        """The series' value, rounded as published, equals the published value."""
        return percent(self.found, self.published.places) == self.published.value


def crosschecks(series: Series) -> list[Crosscheck]:
    """Every published figure whose day has a table within `MAX_DAYS`, checked."""
    checks = []
    for figure in PUBLISHED:
        s = series.nearest(figure.on)
        if abs((s.as_of - figure.on).days) <= MAX_DAYS:
            checks.append(Crosscheck(figure, s, float(getattr(s, figure.measure))))
    return checks


def snapshot_json(s: Snapshot) -> dict[str, Any]:
    """One table: counts, shares rounded to one decimal as published, and the exact shares."""
    return {
        "as_of": s.as_of, "pull_date": s.pull_date, "file_date": s.file_date,
        "fiscal_year": s.fiscal_year, "total": s.total, "convicted": s.convicted,
        "pending": s.pending, "other": s.other,
        **{name: percent(getattr(s, name)) for name in SHARES},
        "exact": {name: getattr(s, name) for name in SHARES},
        "quality": s.quality.value, "line": s.line,
        "notes": [note for note in (s.date_note, s.note) if note],
    }  # fmt: skip


def _flagged(s: Snapshot) -> dict[str, Any]:
    return {
        "line": s.line, "pull_date": s.pull_date, "file_date": s.file_date, "total": s.total,
        "quality": s.quality.value, "reason": REASONS[s.quality],
    }  # fmt: skip


def _crosscheck_json(c: Crosscheck) -> dict[str, Any]:
    p = c.published
    return {
        "on": p.on, "measure": p.measure, "published": p.value, "source": p.source,
        "table": c.snapshot.as_of, "found": c.found, "agrees": c.agrees,
    }  # fmt: skip


def figures(series: Series) -> dict[str, Any]:
    """Everything the report shows, as JSON-ready data (dates stay `date`s)."""
    kept = [s for s in series.tables if not s.quality.dropped]
    return {
        "path": series.path,
        "definitions": DEFINITIONS,
        "latest": snapshot_json(series.latest),
        "peak": snapshot_json(series.peak),
        "crosschecks": [_crosscheck_json(c) for c in crosschecks(series)],
        "tables_read": len(series.tables),
        "dropped": [_flagged(s) for s in series.dropped],
        "suspect": [_flagged(s) for s in series.suspect],
        "republished": len(kept) - len(series.timeline),
        "discrepancies": list(series.discrepancies),
        "series": [snapshot_json(s) for s in series.timeline],
    }


def charts(series: Series) -> dict[str, str]:
    """Inline SVG charts: people detained, and the shares by criminality (trusted tables)."""
    trusted = series.trusted
    suspect = [(s.as_of, float(s.total)) for s in series.suspect]
    layers = {
        "convicted": [s.pct_convicted for s in trusted],
        "pending charges only": [s.pct_pending_only for s in trusted],
        "neither (other immigration violator)": [s.pct_other for s in trusted],
    }
    return {
        "total": dated_line_svg(
            [(s.as_of, float(s.total)) for s in trusted],
            "People in ICE detention", "people", suspect, "suspect table (not in the line)",
        ),
        "shares": dated_shares_svg(
            [s.as_of for s in trusted], layers, "ICE detainees by criminality"
        ),
    }  # fmt: skip


def write_html(series: Series, path: Path, title: str = "ICE detention by criminality") -> Path:
    """The HTML report: summary, cross-checks, charts, the tables and what was dropped, and why."""
    return render_to(
        path, "ice.html", title=title, series=series, figures=figures(series),
        checks=crosschecks(series), charts=charts(series), reasons=REASONS,
        definitions=DEFINITIONS, claim_definitions=list(Definition),
    )  # fmt: skip
