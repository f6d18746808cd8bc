"""`veracity demo`: the main job on the bundled examples, ending in an HTML report."""

from __future__ import annotations

from pathlib import Path

import click

from veracity.exc import NotFoundError
from veracity.load import LoadReport, load_source
from veracity.report.html import render_to
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


def run_demo(store: Store, examples: Path, out: Path) -> Path:
    """Load the example lists and write `out/demo.html`; returns the report's path."""
    reports = load_example_lists(store, examples / "lists")
    parties = {r.source: list(store.parties(r.source)) for r in reports}
    return render_to(
        out / "demo.html",
        "demo.html",
        title="Veracity demo",
        loads=reports,
        stats=store_stats(store),
        parties=parties,
    )
