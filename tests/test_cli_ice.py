"""`veracity ice-stats` through the click group (cli_ice.py) and the installed command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from veracity.cli import cli

CSV = "justice/ice_dtm_currently_detained_by_criminality_series.csv"
PARQUET = "justice/ice_dtm_currently_detained_by_criminality.parquet"
VERACITY = Path(sys.executable).parent / "veracity"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["ice-stats", *args])
    return result.exit_code, result.output


def by_day(figures: dict[str, Any], day: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [s for s in figures["series"] if s["as_of"] == day]
    assert len(found) == 1
    return found[0]


@pytest.mark.shared
@pytest.mark.parametrize("name", [CSV, PARQUET], ids=["csv", "parquet"])
def test_json_figures(shared_data: Path, name: str) -> None:
    code, out = run(str(shared_data / name), "--json")
    assert code == 0, out
    figures = json.loads(out)
    latest = figures["latest"]
    assert (latest["as_of"], latest["total"], latest["pct_no_conviction"]) == (
        "2026-04-02", 60_311, 70.8
    )  # fmt: skip
    assert (latest["pct_pending_only"], latest["pct_other"]) == (31.1, 39.8)
    peak = by_day(figures, "2026-01-22")
    assert figures["peak"] == peak and peak["total"] == 70_766
    assert round(peak["exact"]["pct_no_conviction"], 2) == 74.19
    assert by_day(figures, "2025-01-06")["pct_no_conviction"] == 73.6
    assert by_day(figures, "2025-09-15")["total"] == 59_762
    assert len(figures["series"]) == 117 and figures["tables_read"] == 134
    assert [d["quality"] for d in figures["dropped"]].count(
        "duplicate_of_FY2020_yearend_table"
    ) == 3
    assert len(figures["suspect"]) == 2 and all(d["reason"] for d in figures["suspect"])
    assert figures["crosschecks"] and all(c["agrees"] for c in figures["crosschecks"])


@pytest.mark.shared
def test_the_acceptance_command(shared_data: Path) -> None:
    result = subprocess.run(
        [str(VERACITY), "ice-stats", str(shared_data / CSV), "--json"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    for figure in ("60311", "70.8", "74.19"):
        assert figure in result.stdout


@pytest.mark.shared
def test_text_output_and_html_report(shared_data: Path, tmp_path: Path) -> None:
    html = tmp_path / "out" / "ice.html"
    code, out = run(str(shared_data / CSV), "--html", str(html))
    assert code == 0, out
    assert "60,311" in out and "70.8%" in out and "74.19" in out
    assert "4 dropped, 2 kept as suspect" in out and f"written to {html}" in out
    page = html.read_text(encoding="utf-8")
    assert page.count("<svg") == 2
    assert "duplicate_of_FY2020_yearend_table" in page and "60,311" in page


def test_html_from_a_small_file(fixtures: Path, tmp_path: Path) -> None:
    html = tmp_path / "ice.html"
    code, out = run(str(fixtures / "ice_series" / "small.csv"), "--json", "--html", str(html))
    assert code == 0, out
    assert json.loads(out)["latest"]["total"] == 60_311  # --json keeps stdout pure JSON
    page = html.read_text(encoding="utf-8")
    assert "<svg" in page and "Tables dropped (1)" in page
    again = tmp_path / "again.html"
    run(str(fixtures / "ice_series" / "small.csv"), "--html", str(again))
    assert again.read_text(encoding="utf-8") == page  # same data, same report


def test_a_bad_file_is_a_clear_error(fixtures: Path) -> None:
    path = fixtures / "ice_series" / "over_total.csv"
    code, out = run(str(path), "--json")
    assert code == 1
    assert f"Error: {path}, line 3, field 'pending_criminal_charges'" in out
    assert "exceed the total" in out
