"""`veracity screen --xlsx --ftm` over the example lists and shipments, and the exchange
package loaded back with `veracity load ftm` into a fresh store, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from tests.cli.test_screen import EXAMPLES, db  # noqa: F401  # the example lists, loaded
from veracity.cli import cli
from veracity.store import DuckDBStore


def test_help_names_both_outputs() -> None:
    out = CliRunner().invoke(cli, ["screen", "--help"]).output
    assert "--xlsx" in out and "--ftm" in out and "veracity load ftm" in out


def test_workbook_and_package_then_the_package_loads_back(
    db: Path,  # noqa: F811  # the fixture imported above
    tmp_path: Path,
) -> None:
    xlsx, package = tmp_path / "s.xlsx", tmp_path / "s.ftm.json"
    shipments = str(EXAMPLES / "shipments.csv")
    args = ["--db", str(db), "screen", shipments, "--xlsx", str(xlsx), "--ftm", str(package)]
    out = CliRunner().invoke(cli, args)
    assert out.exit_code == 0, out.output
    assert out.output.startswith("49 shipments screened")

    book = openpyxl.load_workbook(xlsx, read_only=True)
    assert book.sheetnames == ["Shipments", "Findings", "Rejected", "Summary"]
    rows = {r[0]: r for r in book["Shipments"].iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 49 and rows["S-0036"][1] == "block"
    rejected = list(book["Rejected"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2]) for r in rejected] == [(51, "date")]

    partner = tmp_path / "partner.duckdb"
    out = CliRunner().invoke(cli, ["--db", str(partner), "load", "ftm", str(package), "--json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)
    assert report["rejected"] == 0 and report["parties"] > 40
    parties = {p.caption: p for p in DuckDBStore(partner).parties("ftm")}
    listed = parties["TEKHNOPARK ELEKTRON, OOO"]  # the list entry S-0036's consignee matched
    consignee = parties["TEKHNOPARK ELEKTRON OOO"]
    assert listed.country_codes() == consignee.country_codes() == {"RU"}
    assert consignee.id in listed.linked_to
    assert any(
        n.startswith("Listed on ofac-sdn as ofac-sdn:90001")
        for n in (listed.remarks or "").split("\n")
    )
