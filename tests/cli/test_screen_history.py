"""History across runs through the real CLI: a run compares with what earlier runs stored,
`--no-save` records nothing, and `veracity screenings` lists the runs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from veracity.cli import cli
from veracity.store import DuckDBStore

HEADER = "shipment_id,date,exporter_name,consignee_name,consignee_country,hs_code,quantity\n"
EXPORTER = "Rheinland Elektronik GmbH"
USUAL = "".join(
    f"H-{n},2024-03-0{n},{EXPORTER},Almaty Components LLP,KZ,85423190,{100 + n}\n"
    for n in range(1, 6)
)
# Ten times the usual order by the same consignee, and H-3 sent again to another consignee.
BIG = f"N-1,2024-04-02,{EXPORTER},Almaty Components LLP,KZ,85423190,1000\n"
RESENT = f"H-3,2024-04-01,{EXPORTER},Bishkek Trade LLC,KG,85423190,103\n"


def screen(db: Path, file: Path, *options: str) -> dict[str, set[str]]:
    """Screen `file`; the rules that fired, by shipment id."""
    args = ["--db", str(db), "screen", str(file), "--json", "-", *options]
    out = CliRunner().invoke(cli, args)
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    return {r["shipment_id"]: {f["rule"] for f in r["findings"]} for r in rows}


def test_a_run_compares_with_the_shipments_earlier_runs_stored(tmp_path: Path) -> None:
    db, usual, later = tmp_path / "s.duckdb", tmp_path / "march.csv", tmp_path / "april.csv"
    usual.write_text(HEADER + USUAL)
    later.write_text(HEADER + BIG + RESENT)

    alone = screen(db, later, "--no-save")
    assert "R16" not in alone["N-1"] and "R17" not in alone["H-3"]
    assert DuckDBStore(db).screening_runs() == []

    screen(db, usual)
    screen(db, usual)  # the same file again: its stored rows are not counted twice
    after = screen(db, later)
    assert "R16" in after["N-1"] and "R17" in after["H-3"]

    out = CliRunner().invoke(cli, ["--db", str(db), "screen", str(later), "--no-save"])
    assert "compared with 5 shipments of earlier runs" in out.output
    assert "not recorded (--no-save)" in out.output
    store = DuckDBStore(db)
    assert [s.consignee_name for s in store.screened_shipments() if s.shipment_id == "H-3"] == [
        "Almaty Components LLP",
        "Almaty Components LLP",
        "Bishkek Trade LLC",
    ]


def test_the_quantity_evidence_counts_each_earlier_order_once(tmp_path: Path) -> None:
    db, usual, later = tmp_path / "s.duckdb", tmp_path / "march.csv", tmp_path / "april.csv"
    usual.write_text(HEADER + USUAL)
    later.write_text(HEADER + BIG)
    for _ in range(2):
        CliRunner().invoke(cli, ["--db", str(db), "screen", str(usual)])
    out = CliRunner().invoke(cli, ["--db", str(db), "screen", str(later), "--json", "-"])
    finding = next(f for f in json.loads(out.output)["findings"] if f["rule"] == "R16")
    assert finding["evidence"][0]["source"].startswith("5 earlier orders of HS 854231")


def test_screenings_lists_the_runs_newest_first(tmp_path: Path) -> None:
    db, usual = tmp_path / "s.duckdb", tmp_path / "march.csv"
    usual.write_text(HEADER + USUAL + "H-9,2024-02-30,x,y,KZ,85423190,1\n")
    for options in ([], ["--no-save"], ["--history-days", "30"]):
        out = CliRunner().invoke(cli, ["--db", str(db), "screen", str(usual), *options])
        assert out.exit_code == 0, out.output
    out = CliRunner().invoke(cli, ["--db", str(db), "screenings", "--json"])
    runs = json.loads(out.output)
    assert [r["run_id"] for r in runs] == [2, 1]
    assert runs[0]["path"] == str(usual) and runs[0]["shipments"] == 5
    assert runs[0]["rejected"] == 1 and sum(runs[0]["by_risk"].values()) == 5
    assert list(runs[0]["by_risk"]) == ["block", "escalate", "review", "clear"]
    text = CliRunner().invoke(cli, ["--db", str(db), "screenings"]).output.splitlines()
    assert len(text) == 2 and text[0].split()[0] == "2" and "5 shipments" in text[0]
