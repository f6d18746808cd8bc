"""How the CLI shows things: JSON for machines, short text and progress bars for people."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from veracity.load import LoadReport


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def echo_json(data: Any) -> None:
    """Print `data` as indented JSON on standard output."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=_default))


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int], None]]:
    """A progress display on a terminal (stderr); a no-op when piped."""
    if not sys.stderr.isatty():
        yield lambda _n: None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed:,}"))
    with Progress(
        *columns, TimeElapsedColumn(), console=Console(stderr=True), transient=True
    ) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n: bar.update(task, completed=n)


def show_load(report: LoadReport) -> None:
    """One paragraph about a load, for people."""
    schemas = ", ".join(f"{k} {v:,}" for k, v in sorted(report.by_schema.items()))
    verb = "already live, nothing changed" if report.status == "unchanged" else "loaded"
    click.echo(
        f"{report.source}: {verb} (version {report.version}) in {report.seconds:.1f} s: "
        f"{report.parties:,} parties ({schemas}), {report.names:,} names"
    )
    if report.rejected:
        click.echo(
            f"  {report.rejected:,} rows rejected ({report.orphans:,} orphans); "
            f"the first ones (all with `veracity rejects {report.source}`):"
        )
        for reject in report.rejects_sample[:5]:
            where = ":".join(str(x) for x in (reject["path"], reject["line"]) if x is not None)
            click.echo(f"    {where}: {reject['field'] or '-'}: {reject['error']}")


def show_stats(figures: dict[str, Any]) -> None:
    """A table of the sources in the store, for people."""
    if not figures["sources"]:
        click.echo("The store is empty: load a list with `veracity load SOURCE PATH`.")
        return
    for name, s in figures["sources"].items():
        kinds = ", ".join(f"{k} {v:,}" for k, v in s["by_kind"].items() if v)
        click.echo(
            f"{name:<10} v{s['version']:<3} list date {s['list_date'] or 'unknown':<10}  "
            f"{s['parties']:>7,} parties ({kinds}); {s['names']:,} names; "
            f"{s['rejected']:,} rejected ({s['orphans']:,} orphans)"
        )


F = TypeVar("F", bound=Callable[..., Any])


def json_lines_option(what: str) -> Callable[[F], F]:
    """`--json OUT`: one JSON object per `what` (JSON Lines), `-` for standard output."""
    return click.option(
        "--json",
        "json_out",
        type=click.Path(path_type=Path),
        help=f"Write one JSON object per {what} (JSON Lines); '-' for standard output.",
    )


def html_option() -> Callable[[F], F]:
    """`--html OUT`: the HTML report."""
    return click.option(
        "--html",
        "html_out",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write the HTML report.",
    )
