"""`veracity screen` over the example lists and shipments, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from veracity.cli import cli

EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("screen") / "lists.duckdb"
    for source in ("ofac-sdn", "un", "uk", "bis-dpl", "ftm"):
        out = CliRunner().invoke(
            cli, ["--db", str(path), "load", source, str(EXAMPLES / "lists" / source)]
        )
        assert out.exit_code == 0, out.output
    return path


@pytest.fixture(scope="module")
def decisions(db: Path) -> dict[str, dict[str, object]]:
    args = [
        "--db",
        str(db),
        "screen",
        str(EXAMPLES / "shipments.csv"),
        "--components",
        str(EXAMPLES / "gur_components.csv"),
        "--json",
        "-",
    ]
    out = CliRunner().invoke(cli, args)
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.output.splitlines()]
    return {str(r["shipment_id"]): r for r in rows}


def rules(decision: dict[str, object]) -> set[str]:
    return {str(f["rule"]) for f in decision["findings"]}  # type: ignore[attr-defined]


def test_every_valid_shipment_gets_a_decision(decisions: dict[str, dict[str, object]]) -> None:
    assert len(decisions) == 49 and "S-0999" not in decisions
    assert {d["risk"] for d in decisions.values()} <= {"block", "escalate", "review", "clear"}


def test_a_listed_consignee_in_russia_is_blocked_with_its_evidence(
    decisions: dict[str, dict[str, object]],
) -> None:
    d = decisions["S-0036"]
    assert d["risk"] == "block" and {"R02", "party_match"} <= rules(d)
    match = next(f for f in d["findings"] if f["rule"] == "party_match")  # type: ignore[attr-defined]
    assert match["evidence"][0]["source"] == "ofac-sdn:90001" and match["probability"] > 0.5


def test_a_front_company_at_a_listed_address_and_weapon_parts_are_found(
    decisions: dict[str, dict[str, object]],
) -> None:
    assert "address_match" in rules(decisions["S-0038"])
    assert "R19" in rules(decisions["S-0037"])  # STM32F405RGT6TR: found in the Shahed-131


def test_ordinary_trade_is_cleared(decisions: dict[str, dict[str, object]]) -> None:
    assert decisions["S-0003"]["risk"] == "clear" and not decisions["S-0003"]["findings"]


def test_the_html_report_and_rejected_rows(db: Path, tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    args = ["--db", str(db), "screen", str(EXAMPLES / "shipments.csv"), "--html", str(html)]
    out = CliRunner().invoke(cli, args)
    assert out.exit_code == 0
    assert "shipments.csv:51: date: not a calendar date" in out.output
    text = html.read_text()
    assert "S-0036" in text and "2024-02-30" in text and text.count("<svg") == 2


def test_a_config_file_changes_the_decisions(db: Path, tmp_path: Path) -> None:
    config = tmp_path / "strict.toml"
    config.write_text("[decision]\nreview_at = 0.5\nescalate_at = 100\n", encoding="utf-8")
    args = ["--db", str(db), "screen", str(EXAMPLES / "shipments.csv"), "--no-save"]
    default = CliRunner().invoke(cli, [*args, "--json", "-"])
    strict = CliRunner().invoke(cli, [*args, "--json", "-", "--config", str(config)])
    assert default.exit_code == 0 and strict.exit_code == 0, strict.output
    risks = [{json.loads(x)["risk"] for x in out.output.splitlines()} for out in (default, strict)]
    assert "escalate" in risks[0] and "escalate" not in risks[1]
    bad = tmp_path / "bad.toml"
    bad.write_text("[decision]\nreveiw_at = 1\n", encoding="utf-8")
    out = CliRunner().invoke(cli, [*args, "--config", str(bad)])
    assert out.exit_code == 1 and "reveiw_at" in out.output
