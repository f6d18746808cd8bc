"""`veracity ice-stats`: ICE's detention statistics by criminality, with the published checks."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from veracity.claims.ice import REASONS, Series, Snapshot, percent
from veracity.claims.ice_read import read_series
from veracity.cli import cli
from veracity.cli_output import echo_json
from veracity.report.ice import crosschecks, figures, write_html


def _key_snapshots(series: Series) -> list[tuple[str, Snapshot]]:
    """The first, peak and latest tables and those the published figures name, by date."""
    keys = {series.trusted[0].as_of: "first", series.peak.as_of: "peak"}
    for check in crosschecks(series):
        keys.setdefault(check.snapshot.as_of, "checked")
    keys[series.latest.as_of] = "latest"
    by_day = {s.as_of: s for s in series.trusted}
    return [(keys[day], by_day[day]) for day in sorted(keys)]


def _pct(share: float) -> str:
    return f"{percent(share)}%"


def _snapshots_table(series: Series) -> Table:
    table = Table(title="ICE detention by criminality: key snapshots", title_justify="left")
    for name in ("", "as of", "detained", "convicted", "pending only", "neither", "no conviction"):
        table.add_column(name, justify="left" if name in ("", "as of") else "right")
    for label, s in _key_snapshots(series):
        table.add_row(
            label, str(s.as_of), f"{s.total:,}", _pct(s.pct_convicted), _pct(s.pct_pending_only),
            _pct(s.pct_other), f"{_pct(s.pct_no_conviction)} ({percent(s.pct_no_conviction, 2)})",
        )  # fmt: skip
    return table


def _checks_table(series: Series) -> Table:
    table = Table(title="Published figures against the series", title_justify="left")
    for name in ("published for", "figure", "published", "table of", "series", "agrees", "source"):
        table.add_column(name, justify="right" if name in ("published", "series") else "left")
    for c in crosschecks(series):
        p = c.published
        found = f"{c.found:,.0f}" if p.places == 0 else f"{c.found:.{p.places + 2}f}"
        agrees = "yes" if c.agrees else "NO"
        when = str(c.snapshot.as_of)
        table.add_row(str(p.on), p.measure, f"{p.value:,g}", when, found, agrees, p.source)
    return table


def _show(series: Series) -> None:
    """The key snapshots, the checks and what was dropped, for people."""
    console = Console()
    console.print(_snapshots_table(series))
    console.print(_checks_table(series))
    console.print(
        f"{len(series.tables)} tables read from {series.path}; "
        f"{len(series.dropped)} dropped, {len(series.suspect)} kept as suspect"
        + (":" if series.dropped or series.suspect else "."),
        markup=False,
        soft_wrap=True,
    )
    for s in (*series.dropped, *series.suspect):
        where = f"line {s.line}" if isinstance(s.line, int) else s.line
        console.print(
            f"  {where} ({s.pull_date}, {s.total:,}): {REASONS[s.quality]}",
            markup=False,
            soft_wrap=True,
        )
    for note in series.discrepancies:
        console.print(f"  the file disagrees: {note}", markup=False, soft_wrap=True)


@cli.command(
    "ice-stats",
    help="ICE detention statistics by criminality (convicted, pending charges, neither) over "
    "time, with TRAC's 'no conviction' share and the published figures checked. PATH is the "
    "series CSV or the raw parquet (e.g. ../shared/data/justice/"
    "ice_dtm_currently_detained_by_criminality_series.csv).",
)
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with all figures.")
@click.option(
    "--html",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write an HTML report with charts to this file.",
)
def ice_stats(path: Path, as_json: bool, html: Path | None) -> None:
    series = read_series(path)
    if as_json:
        echo_json(figures(series))
    else:
        _show(series)
    if html is not None:
        write_html(series, html)
        if not as_json:
            click.echo(f"HTML report written to {html}")
