"""`veracity load` / `stats` / `history` / `rejects` through the real CLI entry point."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from veracity.cli import cli

EXAMPLES = Path(__file__).parents[2] / "examples" / "lists"


def run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.output


def test_load_then_stats_json(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    code, out = run(db, "load", "ofac-sdn", str(EXAMPLES / "ofac-sdn"), "--json")
    assert code == 0, out
    report = json.loads(out)
    assert report["status"] == "loaded" and report["parties"] == 7
    assert report["orphans"] == 2  # one alias and one address row point at missing entries
    code, out = run(db, "stats", "--json")
    figures = json.loads(out)["sources"]["ofac-sdn"]
    assert figures["by_kind"]["individuals"] == 2 and figures["by_kind"]["vessels"] == 1
    assert figures["rejected"] == figures["orphans"] == 2


def test_reload_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    run(db, "load", "un", str(EXAMPLES / "un"))
    _, before = run(db, "stats", "--json")
    code, out = run(db, "load", "un", str(EXAMPLES / "un"))
    _, after = run(db, "stats", "--json")
    assert code == 0 and "nothing changed" in out
    assert json.loads(before) == json.loads(after)
    _, hist = run(db, "history", "--json")
    assert [h["status"] for h in json.loads(hist)] == ["unchanged", "loaded"]


def test_a_truncated_file_fails_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    run(db, "load", "ofac-sdn", str(EXAMPLES / "ofac-sdn"))
    _, before = run(db, "stats", "--json")
    broken = tmp_path / "broken"
    shutil.copytree(EXAMPLES / "ofac-sdn", broken)
    data = (broken / "sdn.csv").read_bytes()
    (broken / "sdn.csv").write_bytes(data[: data.index(b'"', len(data) // 2) + 5])
    code, out = run(db, "load", "ofac-sdn", str(broken))
    _, after = run(db, "stats", "--json")
    assert code != 0 and "line" in out and "sdn.csv" in out
    assert before == after


def test_rejects_lists_file_line_and_field(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    run(db, "load", "ofac-sdn", str(EXAMPLES / "ofac-sdn"))
    code, out = run(db, "rejects", "ofac-sdn")
    assert code == 0
    assert any(line.startswith(str(EXAMPLES / "ofac-sdn" / "alt.csv")) for line in out.splitlines())


def test_the_installed_command_reports_errors_cleanly(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "veracity"
    done = subprocess.run(
        [str(exe), "--db", str(tmp_path / "s.duckdb"), "load", "no-such-list", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "unknown source 'no-such-list'" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("source", ["ofac-sdn", "un", "uk", "bis-dpl", "ftm"])
def test_every_example_list_loads(tmp_path: Path, source: str) -> None:
    code, out = run(tmp_path / "s.duckdb", "load", source, str(EXAMPLES / source), "--json")
    assert code == 0, out
    assert json.loads(out)["parties"] >= 2
