"""`veracity verify` through the real CLI: JSON Lines, CSV, HTML, rejected rows."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from veracity.cli import cli

EXAMPLES = Path(__file__).parents[2] / "examples"


def _verify(tmp_path: Path, claims: Path, *extra: str) -> tuple[int, str]:
    args = ["--db", str(tmp_path / "v.duckdb"), "verify", str(claims)]
    args += ["--records", str(EXAMPLES / "court_records.csv"), *extra]
    out = CliRunner().invoke(cli, args)
    return out.exit_code, out.output


def test_verify_writes_every_output(tmp_path: Path) -> None:
    jsonl, html, table = tmp_path / "v.jsonl", tmp_path / "v.html", tmp_path / "v.csv"
    code, output = _verify(
        tmp_path,
        EXAMPLES / "claims.csv",
        *("--json", str(jsonl), "--html", str(html), "--csv", str(table)),
        *("--claimed-share", "0.9"),
    )
    assert code == 0, output
    verdicts = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert len(verdicts) == 14
    first = verdicts[0]
    assert set(first) >= {"claim_id", "verdict", "person", "confidence", "record", "assertions"}
    assert set(first["record"]) >= {"status", "most_serious", "state_law_conviction"}
    assert all({"claimed", "found", "verdict"} <= set(a) for a in first["assertions"])
    with table.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["claim_id"] for r in rows] == [v["claim_id"] for v in verdicts]
    page = html.read_text()
    assert "<svg" in page and "AMBIGUOUS_IDENTITY" in page and "16 M.R.S." in page
    assert "14 claims verified" in output


def test_verify_json_to_standard_output(tmp_path: Path) -> None:
    code, output = _verify(tmp_path, EXAMPLES / "claims.csv", "--json", "-")
    assert code == 0
    lines = [json.loads(line) for line in output.splitlines()]
    assert {line["claim_id"] for line in lines} == {f"C{n:02d}" for n in range(1, 15)}


def test_bad_claim_rows_are_reported_and_the_rest_verified(tmp_path: Path) -> None:
    claims = tmp_path / "claims.csv"
    claims.write_text(
        "claim_id,full_name,birth_year,country,claim_text,source\n"
        "X1,Edwin Caal,1996,GT,Edwin Caal was convicted of illegal re-entry.,test\n"
        "X2,Edwin Caal,19x6,GT,Edwin Caal was convicted.,test\n",
        encoding="utf-8",
    )
    code, output = _verify(tmp_path, claims)
    assert code == 0, output
    assert "1 claims verified" in output
    assert "claims.csv:3: birth_year" in output


def test_a_damaged_records_file_is_a_clear_error(tmp_path: Path) -> None:
    records = tmp_path / "records.csv"
    records.write_text('full_name,docket\n"Edwin Caal,D1\n', encoding="utf-8")
    args = ["verify", str(EXAMPLES / "claims.csv"), "--records", str(records)]
    out = CliRunner().invoke(cli, ["--db", str(tmp_path / "v.duckdb"), *args])
    assert out.exit_code == 1
    assert "records.csv" in out.output


def test_dispositions_reads_the_real_cook_county_vocabulary(shared_data: Path) -> None:
    path = shared_data / "justice" / "cook_county_sao_felony_disposition_outcomes_2011_2016.csv"
    out = CliRunner().invoke(cli, ["dispositions", str(path), "--json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)
    assert report["unknown"] == []
    assert round(100 * report["summary"]["convicted"], 1) == 65.5
    assert report["defendants"] == 228_088
