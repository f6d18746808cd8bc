"""`veracity match` and the Python API over the example lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import veracity
from veracity.cli import cli

EXAMPLES = Path(__file__).parents[2] / "examples" / "lists"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("m") / "lists.duckdb"
    for source in ("ofac-sdn", "un", "ftm"):
        out = CliRunner().invoke(cli, ["--db", str(path), "load", source, str(EXAMPLES / source)])
        assert out.exit_code == 0, out.output
    return path


def test_match_json(db: Path) -> None:
    out = CliRunner().invoke(
        cli,
        [
            "--db",
            str(db),
            "match",
            "Andrey Volkov",
            "--schema",
            "Person",
            "--birth-date",
            "1971-03-14",
            "--json",
        ],
    )
    assert out.exit_code == 0, out.output
    top = json.loads(out.output)["results"][0]
    assert top["entity_id"] == "ofac-sdn:90002" and top["match"] is True
    assert "dob_day_match" in {f["feature"] for f in top["features"]}
    assert set(top) >= {"entity_id", "source", "name", "score", "match", "explanation"}


def test_match_batch_json_lines(db: Path, tmp_path: Path) -> None:
    batch = tmp_path / "q.csv"
    batch.write_text(
        "query_id,name,schema,country,birth_date,id\n"
        "q1,Марат Кадырбеков,Person,KG,,\n"
        "q2,Nobody In Particular,Person,,,\n"
        "q3,Some Vessel,Vessel,,,IMO 9300001\n",
        encoding="utf-8",
    )
    out = CliRunner().invoke(cli, ["--db", str(db), "match", "--batch", str(batch), "--json"])
    assert out.exit_code == 0, out.output
    answers = {a["query_id"]: a["results"] for a in map(json.loads, out.output.splitlines())}
    assert answers["q1"][0]["entity_id"] == "ftm:ex-person-marat" and answers["q1"][0]["match"]
    assert not any(r["match"] for r in answers["q2"])
    assert answers["q3"][0]["entity_id"] == "ofac-sdn:90005"


def test_a_bad_batch_row_names_its_line_and_field(db: Path, tmp_path: Path) -> None:
    batch = tmp_path / "q.csv"
    batch.write_text("query_id,name,schema\nq1,Someone,Planet\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["--db", str(db), "match", "--batch", str(batch)])
    assert out.exit_code == 1 and "line 2" in out.output and "schema" in out.output


def test_python_api(db: Path) -> None:
    results = veracity.match("TECHNOPARK ELECTRON", db=db, schema="Company")
    assert results[0].entity_id == "ofac-sdn:90001" and results[0].match
    table = veracity.match_batch([{"query_id": "a", "name": "Abdul Rahman al-Tikriti"}], db=db)
    rows = table.to_pylist()
    assert rows[0]["query_id"] == "a" and rows[0]["entity_id"] == "un:QDi.901"
