"""`veracity screen`: decide block / escalate / review / clear for each shipment, with evidence."""

from __future__ import annotations

import json
from pathlib import Path

import click

from veracity.cli import Context, cli
from veracity.cli_output import progress_bar
from veracity.matching import load_matcher
from veracity.model import Reject
from veracity.report.ftm_export import write_ftm
from veracity.report.screening import write_html, write_jsonl
from veracity.report.xlsx import write_xlsx
from veracity.screening.components import ComponentIndex
from veracity.screening.screen import Screened, Screener, summary
from veracity.sources.gur_components import read as read_components
from veracity.sources.shipments import read_shipments
from veracity.store import Store


def load_components(path: Path | None) -> tuple[ComponentIndex | None, list[Reject]]:
    """The GUR components index from a catalogue file, and its rejected rows."""
    if path is None:
        return None, []
    records = list(read_components(path))
    parts = [r for r in records if not isinstance(r, Reject)]
    return ComponentIndex.build(parts), [r for r in records if isinstance(r, Reject)]


def run_screening(
    store: Store, db: Path | None, file: Path, components: Path | None
) -> tuple[list[Screened], list[Reject]]:
    """Screen every shipment of `file` against the store's lists and the components."""
    index, rejects = load_components(components)
    screener = Screener(load_matcher(store, db), index)
    screened: list[Screened] = []
    with progress_bar("screening") as advance:
        for n, item in enumerate(screener.screen_all(read_shipments(file)), 1):
            if isinstance(item, Reject):
                rejects.append(item)
            else:
                screened.append(item)
            advance(n)
    return screened, rejects


@cli.command(
    help="Screen the shipments in FILE (CSV, XLSX or JSON Lines) against every loaded "
    "list, the CHPL, GUR battlefield components and the red-flag rules; write the decisions "
    "as JSON Lines, an HTML report, an Excel workbook or a FollowTheMoney exchange package."
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--components",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The GUR War & Sanctions components catalogue (CSV).",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(path_type=Path),
    help="Write one JSON object per shipment (JSON Lines); '-' for standard output.",
)
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the HTML report.",
)
@click.option(
    "--xlsx",
    "xlsx_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write an Excel workbook: Shipments, Findings (one row per evidence), Rejected, Summary.",
)
@click.option(
    "--ftm",
    "ftm_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a FollowTheMoney exchange package (JSON lines): the parties, the list entries "
    "they matched, the matches and the shipments; `veracity load ftm` reads it back.",
)
@click.pass_obj
def screen(
    obj: Context,
    file: Path,
    components: Path | None,
    json_out: Path | None,
    html_out: Path | None,
    xlsx_out: Path | None,
    ftm_out: Path | None,
) -> None:
    screened, rejects = run_screening(obj.store, obj.db, file, components)
    piped = json_out is not None and str(json_out) == "-"
    if piped:
        for item in screened:
            click.echo(json.dumps(item.as_dict(), ensure_ascii=False))
    elif json_out is not None:
        write_jsonl(screened, json_out)
    if html_out is not None:
        write_html(screened, rejects, html_out, f"Screening of {file.name}")
    if xlsx_out is not None:
        write_xlsx(screened, rejects, xlsx_out)
    if ftm_out is not None:
        write_ftm(screened, ftm_out, obj.store.party)
    if not piped:
        _show(screened, rejects)


def _show(screened: list[Screened], rejects: list[Reject]) -> None:
    figures = summary(screened, rejects)
    tiers = ", ".join(f"{k} {v}" for k, v in figures["by_risk"].items())
    click.echo(f"{figures['shipments']} shipments screened: {tiers}; {len(rejects)} rows rejected")
    for item in screened:
        if item.decision.risk.value != "clear":
            rules = ", ".join(sorted({f.rule for f in item.decision.findings}))
            click.echo(
                f"  {item.decision.risk.value:<8} {item.decision.score:6.1f}  "
                f"{item.shipment.shipment_id}  {rules}"
            )
    for reject in rejects:
        click.echo(f"  rejected {reject.path}:{reject.line}: {reject.field}: {reject.error}")
