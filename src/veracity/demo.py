"""`veracity demo`: the main job on the bundled examples, ending in an HTML report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from veracity.claims.stats import claim_stats
from veracity.cli_claims import default_frequencies, run_verify
from veracity.cli_screen import run_screening
from veracity.exc import NotFoundError
from veracity.load import LoadReport, load_source
from veracity.report.claims import write_html as write_claims_html
from veracity.report.claims import write_jsonl as write_claims_jsonl
from veracity.report.html import render_to
from veracity.report.screening import write_html, write_jsonl
from veracity.screening.screen import summary
from veracity.sources import get_source
from veracity.store import Store
from veracity.store.stats import store_stats


def load_example_lists(store: Store, lists: Path) -> list[LoadReport]:
    """Load every `examples/lists/<source>/` folder as that source."""
    if not lists.is_dir():
        raise NotFoundError(f"{lists}: no example lists (run the demo from the repository root)")
    reports = []
    for folder in sorted(p for p in lists.iterdir() if p.is_dir()):
        report = load_source(store, get_source(folder.name), folder)
        click.echo(
            f"loaded {report.source:<10} {report.parties:>4} parties, {report.names:>4} names, "
            f"{report.rejected} rejected ({report.status})"
        )
        reports.append(report)
    return reports


def run_demo(store: Store, db: Path | None, examples: Path, out: Path) -> Path:
    """Load the example lists, screen the example shipments (`out/screening.html`,
    `out/screening.jsonl`), verify the example claims (`out/claims.html`, `out/claims.jsonl`)
    and write `out/demo.html`; returns the main report's path."""
    reports = load_example_lists(store, examples / "lists")
    screening = screen_examples(store, db, examples, out)
    claims = verify_examples(examples, out)
    parties = {r.source: list(store.parties(r.source)) for r in reports}
    return render_to(
        out / "demo.html",
        "demo.html",
        title="Veracity demo",
        loads=reports,
        stats=store_stats(store),
        parties=parties,
        screening=screening,
        claims=claims,
    )


def screen_examples(store: Store, db: Path | None, examples: Path, out: Path) -> dict[str, Any]:
    """Screen `examples/shipments.csv` and write its reports; returns the summary."""
    shipments, components = examples / "shipments.csv", examples / "gur_components.csv"
    screened, rejects = run_screening(store, db, shipments, components)
    write_jsonl(screened, out / "screening.jsonl")
    write_html(screened, rejects, out / "screening.html", "Screening of the example shipments")
    figures = summary(screened, rejects)
    click.echo(
        f"screened {figures['shipments']} shipments: {figures['by_risk']}; "
        f"{len(rejects)} rows rejected -> {out / 'screening.html'}"
    )
    return figures


def verify_examples(examples: Path, out: Path) -> dict[str, Any]:
    """Verify `examples/claims.csv` against `examples/court_records.csv` (`out/claims.html`)."""
    frequencies = default_frequencies()
    verdicts, rejects = run_verify(
        examples / "claims.csv", examples / "court_records.csv", frequencies
    )
    stats = claim_stats(verdicts)
    write_claims_jsonl(verdicts, out / "claims.jsonl")
    write_claims_html(verdicts, stats, rejects, out / "claims.html", "Claims in the examples")
    names = f"Census name tables from {frequencies}" if frequencies else "no Census name tables"
    click.echo(
        f"verified {stats.claims} claims: {stats.by_verdict} ({names}) -> {out / 'claims.html'}"
    )
    return {"figures": stats.as_dict(), "frequencies": str(frequencies) if frequencies else None}
