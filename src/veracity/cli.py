"""The `veracity` command: one click group, thin commands over the packs."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from veracity.cli_output import echo_json, progress_bar, show_load, show_stats
from veracity.exc import VeracityError
from veracity.load import load_source
from veracity.settings import load_settings
from veracity.sources import all_sources, get_source
from veracity.store import Store, open_store
from veracity.store.stats import store_stats


class Context:
    """What every command shares: the store path, opened on first use."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The store, opened (and created) on first use."""
        if self._store is None:
            self._store = open_store(self.db)
        return self._store


class VeracityGroup(click.Group):
    """A click group that shows our errors as clear one-line messages (exit code 1)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except VeracityError as exc:
            raise click.ClickException(exc.message) from exc


@click.group(
    cls=VeracityGroup,
    help="Veracity: check declarations and claims against the records, with evidence.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The DuckDB store file (default: $VERACITY_DB or ./veracity.duckdb).",
)
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    ctx.obj = Context(db or load_settings().db_path)


def _store(ctx: click.Context) -> Store:
    obj: Context = ctx.find_object(Context)  # type: ignore[assignment]  # set by `cli`
    return obj.store


@cli.command(help="Load a list file (or folder) as a new version of SOURCE.")
@click.argument("source")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the load report as JSON.")
@click.pass_context
def load(ctx: click.Context, source: str, path: Path, as_json: bool) -> None:
    reader = get_source(source)
    with progress_bar(f"reading {source}") as advance:
        report = load_source(_store(ctx), reader, path, advance)
    echo_json(report.as_dict()) if as_json else show_load(report)


@cli.command(help="What the store holds: per source, its version, list date and counts.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    figures = store_stats(_store(ctx))
    echo_json(figures) if as_json else show_stats(figures)


@cli.command(help="The load history, newest first.")
@click.argument("source", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@click.pass_context
def history(ctx: click.Context, source: str | None, as_json: bool) -> None:
    rows = _store(ctx).history(source)
    if as_json:
        echo_json(rows)
        return
    for row in rows:
        click.echo(
            f"{row['finished_at']:%Y-%m-%d %H:%M:%S}  {row['source']:<10} v{row['version']:<3} "
            f"{row['status']:<9} {row['parties']:>7,} parties  {row['rejected']:>6,} rejected  "
            f"{row['path']}"
        )


@cli.command(help="The rows the live version of SOURCE rejected, with file, line and field.")
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines.")
@click.option("--limit", type=int, default=None, help="Show at most this many rows.")
@click.pass_context
def rejects(ctx: click.Context, source: str, as_json: bool, limit: int | None) -> None:
    for reject in _store(ctx).rejects(source, limit):
        if as_json:
            click.echo(json.dumps(asdict(reject), ensure_ascii=False))
        else:
            where = ":".join(str(x) for x in (reject.path, reject.line) if x is not None)
            click.echo(f"{where}: {reject.field or '-'}: {reject.error}")


@cli.group(help="The official lists Veracity reads.")
def sources() -> None:
    pass


@sources.command("list", help="Every list format Veracity can load, with its official files.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def sources_list(as_json: bool) -> None:
    readers = all_sources()
    if as_json:
        echo_json([{"name": s.NAME, "title": s.TITLE, "files": s.URLS} for s in readers])
        return
    for reader in readers:
        click.echo(f"{reader.NAME:<10} {reader.TITLE}")
        for file, url in reader.URLS.items():
            click.echo(f"{'':<10}   {file}  <-  {url}")


def main() -> None:
    """Entry point of the `veracity` command."""
    cli()


# The multi-step commands live in their own module, which adds them to the group defined above.
from veracity import (  # noqa: E402, F401
    cli_claims,
    cli_commands,
    cli_flows,
    cli_ice,
    cli_match,
    cli_screen,
)
