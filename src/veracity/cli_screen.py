"""`veracity screen`: decide block / escalate / review / clear for each shipment, with evidence;
`veracity screenings`: the runs the store has recorded.

A run compares each shipment with the shipments earlier runs screened (the store keeps them,
`store/screened.py`) as well as with those before it in the file, then records its own.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import click

from veracity.cli import Context, cli
from veracity.cli_output import echo_json, html_option, json_lines_option, progress_bar
from veracity.matching import load_matcher
from veracity.model import Reject, Risk, Shipment
from veracity.report.ftm_export import write_ftm
from veracity.report.screening import write_html, write_jsonl
from veracity.report.xlsx import write_xlsx
from veracity.screening.components import ComponentIndex
from veracity.screening.config import default_toml, load_config
from veracity.screening.history import (
    HISTORY_DAYS,
    earlier_versions,
    history_since,
    look_back_days,
)
from veracity.screening.redflags_context import RuleThresholds
from veracity.screening.screen import Screened, Screener, ScreeningConfig, summary
from veracity.sources.gur_components import read as read_components
from veracity.sources.shipments import read_shipments
from veracity.store import ScreeningRun, Store


@dataclass(frozen=True, slots=True)
class Screening:
    """What screening one file gave."""

    screened: list[Screened]
    rejects: list[Reject]
    """Rows of the shipment file and of the components catalogue that could not be read."""
    earlier: int
    """Shipments of earlier runs the history rules compared with."""
    run: ScreeningRun | None
    """The run as the store recorded it; None when it was not saved."""


def load_components(path: Path | None) -> tuple[ComponentIndex | None, list[Reject]]:
    """The GUR components index from a catalogue file, and its rejected rows."""
    if path is None:
        return None, []
    records = list(read_components(path))
    parts = [r for r in records if not isinstance(r, Reject)]
    return ComponentIndex.build(parts), [r for r in records if isinstance(r, Reject)]


def stored_history(
    store: Store, shipments: Sequence[Shipment], thresholds: RuleThresholds, history_days: int
) -> list[Shipment]:
    """The store's shipments the run's history rules need: from `look_back_days` before the
    run's first shipment, without those the run screens again (`earlier_versions`)."""
    since = history_since(shipments, look_back_days(thresholds, history_days), date.today())
    return earlier_versions(store.screened_shipments(since), shipments)


def screen_file(
    store: Store,
    db: Path | None,
    file: Path,
    components: Path | None,
    history_days: int = HISTORY_DAYS,
    save: bool = True,
    config: ScreeningConfig | None = None,
) -> Screening:
    """Screen every shipment of `file` against the store's lists, the components and the
    shipments earlier runs stored; then, if `save`, record the run in one transaction."""
    index, rejects = load_components(components)
    records = _read(file)
    shipments = [r for r in records if not isinstance(r, Reject)]
    config = config or ScreeningConfig()
    earlier = stored_history(store, shipments, config.rules.thresholds, history_days)
    screener = Screener(load_matcher(store, db), index, config, earlier)
    started = datetime.now()
    screened: list[Screened] = []
    with progress_bar("screening") as advance:
        for n, item in enumerate(screener.screen_all(records), 1):
            if isinstance(item, Reject):
                rejects.append(item)
            else:
                screened.append(item)
            advance(n)
    run = None
    if save:
        done = ScreeningRun(str(file), started, rejected=len(records) - len(shipments))
        run = store.save_screened(done, [item.as_record() for item in screened])
    return Screening(screened, rejects, len(earlier), run)


def _read(file: Path) -> list[Shipment | Reject]:
    # Read whole before screening: the look-back starts from the file's earliest date, and
    # stored rows equal to the file's own shipments are left out of the history.
    records: list[Shipment | Reject] = []
    with progress_bar("reading") as advance:
        for n, record in enumerate(read_shipments(file), 1):
            records.append(record)
            advance(n)
    return records


def run_screening(
    store: Store, db: Path | None, file: Path, components: Path | None
) -> tuple[list[Screened], list[Reject]]:
    """Screen `file` with the default history and record the run (`screen_file`)."""
    done = screen_file(store, db, file, components)
    return done.screened, done.rejects


@cli.command(
    help="Screen the shipments in FILE (CSV, XLSX or JSON Lines) against every loaded "
    "list, the CHPL, GUR battlefield components and the red-flag rules; write the decisions "
    "as JSON Lines, an HTML report, an Excel workbook or a FollowTheMoney exchange package. "
    "The history rules also compare with the shipments earlier runs recorded; the run and its "
    "shipments are recorded in the store too, unless --no-save."
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--components",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The GUR War & Sanctions components catalogue (CSV).",
)
@json_lines_option("shipment")
@html_option()
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
@click.option(
    "--history-days",
    type=click.IntRange(min=0),
    default=HISTORY_DAYS,
    show_default=True,
    help="How many days before the file's first shipment the history rules (R15-R17, R20) "
    "look back over shipments earlier runs stored; never fewer than a rule's own window "
    "(180 days for R17).",
)
@click.option(
    "--no-save",
    is_flag=True,
    help="Screen without recording the run or its shipments in the store (a what-if run).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A TOML file of weights and thresholds ([weights], [thresholds], [decision], "
    "[parties]); `veracity screen-config` prints every knob with its default.",
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
    history_days: int,
    no_save: bool,
    config_file: Path | None,
) -> None:
    config = load_config(config_file) if config_file else None
    done = screen_file(obj.store, obj.db, file, components, history_days, not no_save, config)
    screened, rejects = done.screened, done.rejects
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
        saved = f"recorded as run {done.run.run_id}" if done.run else "not recorded (--no-save)"
        click.echo(f"compared with {done.earlier:,} shipments of earlier runs; {saved}")


@cli.command(
    "screen-config",
    help="Print every weight and threshold of screening with its default, as TOML: a starting "
    "point for `veracity screen --config FILE`.",
)
def screen_config() -> None:
    click.echo(default_toml(), nl=False)


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


@cli.command(help="The screening runs the store has recorded, newest first.")
@click.option("--json", "as_json", is_flag=True, help="Print the runs as JSON.")
@click.pass_obj
def screenings(obj: Context, as_json: bool) -> None:
    runs = obj.store.screening_runs()
    if as_json:
        echo_json([_run_dict(run) for run in runs])
        return
    if not runs:
        click.echo("no screening runs recorded yet (`veracity screen` records each run)")
    for run in runs:
        tiers = ", ".join(f"{k} {v:,}" for k, v in _by_risk(run).items())
        click.echo(
            f"{run.run_id:>4}  {run.screened_at:%Y-%m-%d %H:%M:%S}  {run.shipments:>7,} shipments "
            f"({tiers})  {run.rejected:,} rejected  {run.path}"
        )


def _by_risk(run: ScreeningRun) -> dict[str, int]:
    """Every tier, most severe first, with zeros."""
    return {risk.value: run.by_risk.get(risk.value, 0) for risk in Risk}


def _run_dict(run: ScreeningRun) -> dict[str, object]:
    return {
        "run_id": run.run_id,
        "screened_at": run.screened_at,
        "path": run.path,
        "shipments": run.shipments,
        "rejected": run.rejected,
        "by_risk": _by_risk(run),
    }
