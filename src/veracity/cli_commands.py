"""Commands that do more than one step: `sources update` and `demo`."""

from __future__ import annotations

import os
from pathlib import Path

import click

from veracity.cli import Context, cli, sources
from veracity.demo import run_demo
from veracity.exc import NotFoundError
from veracity.settings import load_settings
from veracity.sources import all_sources
from veracity.sources.update import update_source


@sources.command("update", help="Download the official files of SOURCE... (all when none given).")
@click.argument("names", nargs=-1, metavar="[SOURCE]...")
@click.option(
    "--dir",
    "dest",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to put the files (default: $VERACITY_DATA_DIR or ./data), one folder per source.",
)
@click.option(
    "--mirror",
    default=lambda: os.environ.get("VERACITY_SOURCES_MIRROR"),
    help="Fetch <mirror>/<source>/<file> instead of the publishers' URLs.",
)
def sources_update(names: tuple[str, ...], dest: Path | None, mirror: str | None) -> None:
    known = {s.NAME: s for s in all_sources()}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise NotFoundError(f"unknown source(s) {', '.join(unknown)}; known: {', '.join(known)}")
    folder = dest or load_settings().data_dir
    for name in names or tuple(known):
        for got in update_source(known[name], folder, mirror):
            click.echo(f"{name}: {got.path} ({got.size:,} bytes) from {got.url}")
        click.echo(f"load it with: veracity load {name} {folder / name}")


@cli.command(help="Run the main job on the bundled examples and write an HTML report.")
@click.option(
    "--examples",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("examples"),
    show_default=True,
    help="The folder of example inputs.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Where to write the report.",
)
@click.pass_obj
def demo(obj: Context, examples: Path, out: Path) -> None:
    report = run_demo(obj.store, obj.db, examples, out)
    click.echo(f"report written to {report}")
