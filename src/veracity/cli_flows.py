"""`veracity flows`: trade-flow red flags (R05-R07) from a folder of trade statistics."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from veracity.cli import cli
from veracity.cli_output import echo_json
from veracity.report.flow_charts import bars_svg, lines_svg
from veracity.report.html import render_to
from veracity.screening.flows import MirrorGap, ReexportRatio, Surge
from veracity.screening.flows_report import FlowReport, analyse_folder


def _m(value: float) -> str:
    return f"{value / 1e6:,.1f}"


def _pct(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


def _times(ratio: float | None) -> str:
    return "-" if ratio is None else f"×{ratio:.2f}"


def _table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
    table = Table(title=title, title_justify="left")
    for name in header:
        table.add_column(name, justify="left" if name in ("partner", "top codes") else "right")
    for row in rows:
        table.add_row(*row)
    return table


def _surge_rows(table: tuple[Surge, ...]) -> list[tuple[str, ...]]:
    flag = {True: "R05", False: ""}
    return [
        (s.partner, str(s.year), _m(s.value), _m(s.baseline), _times(s.ratio), flag[s.flagged])
        for s in table
    ]


def _gap_rows(table: tuple[MirrorGap, ...]) -> list[tuple[str, ...]]:
    flag = {True: "R06", False: ""}
    return [
        (g.partner, str(g.year), _m(g.exported), _m(g.imported), _pct(g.gap_share), flag[g.flagged])
        for g in table
    ]


def _reexport_rows(table: tuple[ReexportRatio, ...]) -> list[tuple[str, ...]]:
    flag = {True: "R07", False: ""}
    return [
        (str(r.year), _m(r.reexports), _m(r.exports), _pct(r.ratio), " ".join(r.top_codes),
         flag[r.flagged])
        for r in table
    ]  # fmt: skip


def _show(report: FlowReport) -> None:
    """The four tables, for people (rich on a terminal, plain text when piped)."""
    console = Console()
    head = ("partner", "year", "m", "baseline m", "ratio", "flag")
    console.print(_table("R05 EU-27 exports, all goods (EUR)", head, _surge_rows(report.surges)))
    title = "R05 EU exports of CHPL codes, same months each year (EUR, Comext CN-8)"
    console.print(_table(title, head, _surge_rows(report.chpl_surges)))
    head = ("partner", "year", "EU-reported m", "partner-reported m", "gap", "flag")
    title = "R06 mirror gaps, EU-27 exports against partner imports (EUR)"
    console.print(_table(title, head, _gap_rows(report.mirror_gaps)))
    head = ("year", "re-exports m", "exports m", "share", "top codes", "flag")
    title = "R07 Armenia, CHPL goods (USD, Tvyal estimate from Armstat)"
    console.print(_table(title, head, _reexport_rows(report.reexports)))
    for reject in report.rejects:
        console.print(f"rejected: {reject.message}", markup=False)


def _charts(report: FlowReport) -> dict[str, str]:
    """Inline SVG charts of the three analyses."""
    exports: dict[str, dict[int, float]] = defaultdict(dict)
    for s in report.surges:
        exports[s.partner][s.year] = s.value / 1e6
    gaps: dict[str, dict[int, float]] = defaultdict(dict)
    for g in report.mirror_gaps:
        if g.gap_share is not None:
            gaps[g.partner][g.year] = 100 * g.gap_share
    reexports = {r.year: r.reexports / 1e6 for r in report.reexports}
    return {
        "exports": lines_svg(exports, "EU-27 exports by partner", "EUR m"),
        "gaps": lines_svg(gaps, "Mirror gap: EU-reported exports not in partner imports", "%"),
        "reexports": bars_svg(reexports, "Armenia: estimated re-exports of CHPL goods", "USD m"),
    }


@cli.command(
    "flows",
    help="Trade-flow red flags from trade statistics: surges against the 2019-21 baseline (R05), "
    "mirror gaps (R06) and hub re-export ratios (R07). PATH is the trade data folder "
    "(e.g. ../shared/data/trade).",
)
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with all tables.")
@click.option(
    "--html",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write an HTML report with tables and charts to this file.",
)
def flows(path: Path, as_json: bool, html: Path | None) -> None:
    report = analyse_folder(path)
    if as_json:
        echo_json(report.as_json())
    else:
        _show(report)
    if html is not None:
        title = "Trade flows: surges, mirror gaps and re-exports"
        render_to(html, "flows.html", title=title, report=report, charts=_charts(report))
        if not as_json:
            click.echo(f"HTML report written to {html}")
