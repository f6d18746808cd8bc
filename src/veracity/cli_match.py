"""`veracity match`: screen a name, or a CSV of names, against every loaded list."""

from __future__ import annotations

import json
from pathlib import Path

import click

from veracity.cli import Context, cli
from veracity.cli_output import progress_bar
from veracity.exc import ConfigError
from veracity.matching import MatchConfig, MatchQuery, MatchResult, load_matcher
from veracity.matching.batch import match_all, read_queries


@cli.command(help="Screen NAME (or --batch FILE.csv) against every loaded list.")
@click.argument("name", required=False)
@click.option("--schema", help="Person, Organization, Company, Vessel or Aircraft.")
@click.option("--country", multiple=True, help="ISO country code (repeatable).")
@click.option("--birth-date", multiple=True, help="YYYY, YYYY-MM or YYYY-MM-DD (repeatable).")
@click.option("--id", "ids", multiple=True, help="Passport, IMO, tax or registration number.")
@click.option("--limit", type=int, default=10, show_default=True, help="Results per query.")
@click.option("--threshold", type=float, default=None, help="Match from this probability.")
@click.option(
    "--batch",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV with query_id,name,schema,country,birth_date,id.",
)
@click.option("--json", "as_json", is_flag=True, help="JSON (JSON Lines with --batch).")
@click.pass_obj
def match(
    obj: Context,
    name: str | None,
    schema: str | None,
    country: tuple[str, ...],
    birth_date: tuple[str, ...],
    ids: tuple[str, ...],
    limit: int,
    threshold: float | None,
    batch: Path | None,
    as_json: bool,
) -> None:
    if (name is None) == (batch is None):
        raise click.UsageError("give a NAME or --batch FILE.csv (not both)")
    matcher = load_matcher(obj.store, obj.db)
    config = MatchConfig(threshold=threshold, limit=limit)
    if batch is not None:
        with progress_bar("screening") as advance:
            for n, (query, results) in enumerate(
                match_all(matcher, read_queries(batch), config), 1
            ):
                _emit(query.query_id or str(n), results, as_json)
                advance(n)
        return
    try:
        query = MatchQuery.build(name or "", schema, list(country), list(birth_date), list(ids))
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
    _emit(None, matcher.match(query, config), as_json)


def _emit(query_id: str | None, results: list[MatchResult], as_json: bool) -> None:
    if as_json:
        payload = {"query_id": query_id, "results": [r.as_dict() for r in results]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=None if query_id else 2))
        return
    if query_id is not None:
        click.echo(f"# {query_id}")
    if not results:
        click.echo("no listed party comes close")
    for r in results:
        flag = "MATCH" if r.match else "     "
        click.echo(
            f"{flag} {r.score:.3f}  {r.party.id:<22} {r.party.schema.value:<12} {r.party.caption}"
        )
        click.echo(f"      matched {r.matched_name!r}: {r.explanation}")


@cli.command("train-matcher", help="Fit the name model on pairs built from the loaded lists.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the model (JSON); use it with VERACITY_NAME_MODEL.",
)
@click.option("--parties", type=int, default=6000, show_default=True, help="Parties sampled.")
@click.option("--seed", type=int, default=7, show_default=True)
@click.pass_obj
def train_matcher(obj: Context, out: Path, parties: int, seed: int) -> None:
    from veracity.matching import load_index
    from veracity.matching.service import index_path
    from veracity.matching.train import fit

    model = fit(load_index(obj.store, index_path(obj.db)), parties, seed)
    model.save(out)
    held = model.info.get("held_out", {})
    click.echo(f"model written to {out}: threshold {model.threshold}, held-out {held}")
