"""`veracity verify`: claims about named people against court records, with evidence."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

import click

from veracity.claims.dispositions import check_vocabulary
from veracity.claims.identity import PersonIndex, name_frequencies
from veracity.claims.stats import claim_stats
from veracity.claims.verify import ClaimVerdict, verify
from veracity.cli import cli
from veracity.cli_output import echo_json, html_option, json_lines_option, progress_bar
from veracity.model import Reject
from veracity.model.justice import Charge, Claim
from veracity.report.claims import write_csv, write_html, write_jsonl
from veracity.settings import load_settings
from veracity.sources.court_records import read_claims, read_court_records

VIOLENT_DEFINITIONS = ("usc_16a", "ucr", "nibrs_person", "maine")
T = TypeVar("T")


def run_verify(
    claims_file: Path,
    records_file: Path,
    frequencies_dir: Path | None = None,
    violent_definition: str = "usc_16a",
) -> tuple[list[ClaimVerdict], list[Reject]]:
    """Read both files, link and judge every claim; returns the verdicts and rejected rows."""
    rejects: list[Reject] = []
    charges = _split(read_court_records(records_file), Charge, rejects)
    claims = _split(read_claims(claims_file), Claim, rejects)
    index = PersonIndex.build(charges, name_frequencies(frequencies_dir), violent_definition)
    verdicts: list[ClaimVerdict] = []
    with progress_bar("verifying") as advance:
        for n, verdict in enumerate(verify(claims, index), 1):
            verdicts.append(verdict)
            advance(n)
    return verdicts, rejects


def _split(items: Iterable[T | Reject], kind: type[T], rejects: list[Reject]) -> list[T]:
    """The records of `kind`; rejected rows go to `rejects`, to be reported."""
    kept: list[T] = []
    for item in items:
        if isinstance(item, kind):
            kept.append(item)
        elif isinstance(item, Reject):
            rejects.append(item)
    return kept


def default_frequencies() -> Path | None:
    """The Census name tables: downloaded ones under the data folder, else the shared data."""
    settings = load_settings()
    for folder in (settings.data_dir / "census", settings.shared_data / "justice"):
        if any(folder.glob("census_*surname*")):
            return folder
    return None


@cli.command(
    "verify",
    help="Verify the CLAIMS (CSV or JSON Lines: claim_id, full_name, birth_year, country, "
    "claim_text, source) against the court RECORDS: link each person, read their record, "
    "and give a verdict per claim with the evidence rows.",
)
@click.argument("claims", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--records",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Court records, one row per charge (CSV or JSON Lines).",
)
@json_lines_option("claim")
@html_option()
@click.option(
    "--csv",
    "csv_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write one CSV row per claim.",
)
@click.option(
    "--name-frequencies",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder with the Census surname/first-name tables (default: data/census, "
    "else the shared data).",
)
@click.option(
    "--violent-definition",
    type=click.Choice(VIOLENT_DEFINITIONS),
    default="usc_16a",
    show_default=True,
    help="Which definition of 'violent' the categories use.",
)
@click.option(
    "--claimed-share",
    type=click.FloatRange(0, 1),
    help="The share (0-1) the agency said were criminals, to compare with the records.",
)
def verify_command(
    claims: Path,
    records: Path,
    json_out: Path | None,
    html_out: Path | None,
    csv_out: Path | None,
    name_frequencies: Path | None,
    violent_definition: str,
    claimed_share: float | None,
) -> None:
    verdicts, rejects = run_verify(
        claims, records, name_frequencies or default_frequencies(), violent_definition
    )
    stats = claim_stats(verdicts, claimed_share)
    to_stdout = json_out is not None and str(json_out) == "-"
    if to_stdout:
        for verdict in verdicts:
            click.echo(json.dumps(verdict.as_dict(), ensure_ascii=False))
    elif json_out is not None:
        write_jsonl(verdicts, json_out)
    if csv_out is not None:
        write_csv(verdicts, csv_out)
    if html_out is not None:
        write_html(
            verdicts, stats, rejects, html_out, f"Claims in {claims.name} against {records.name}"
        )
    if not to_stdout:
        _show(verdicts, rejects)


def _show(verdicts: list[ClaimVerdict], rejects: list[Reject]) -> None:
    for verdict in verdicts:
        click.echo(
            f"  {verdict.claim.claim_id:<8} {verdict.verdict.value:<19} "
            f"{verdict.confidence:5.2f}  {verdict.explanation}"
        )
    for reject in rejects:
        click.echo(f"  rejected {reject.path}:{reject.line}: {reject.field}: {reject.error}")
    figures = claim_stats(verdicts).by_verdict
    click.echo(f"{len(verdicts)} claims verified: {figures}; {len(rejects)} rows rejected")


@cli.command(
    "dispositions",
    help="Read every disposition string of an outcomes file (Cook County layout: YEAR, "
    "DISPOSITION, OFFENSE TYPE, RACE, DEFENDANT COUNT) against the disposition vocabulary: "
    "its status, the shares by status, and any string the vocabulary does not know.",
)
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--state", default="IL", show_default=True, help="The court's state.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def dispositions_command(path: Path, state: str, as_json: bool) -> None:
    report = check_vocabulary(path, state)
    if as_json:
        echo_json(report.as_dict())
        return
    for count in report.counts:
        status = count.reading.status.value if count.reading.status else "UNKNOWN"
        click.echo(f"  {count.defendants:>8,}  {status:<16} {count.reading.raw}")
    shares = ", ".join(f"{k} {100 * v:.1f}%" for k, v in report.summary.items())
    click.echo(f"{report.total:,} defendants: {shares}; {len(report.unknown)} unknown strings")
