"""The screening workbook, read back with openpyxl: sheets, rows, layout, colours, no formulas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from veracity.model import Reject
from veracity.report.xlsx import FINDINGS, RISK_FILLS, SHIPMENTS, write_xlsx
from veracity.screening.screen import Screened


@pytest.fixture(scope="module")
def book(
    screened: list[Screened], rejects: list[Reject], tmp_path_factory: pytest.TempPathFactory
) -> Any:
    path = write_xlsx(screened, rejects, tmp_path_factory.mktemp("xlsx") / "out" / "s.xlsx")
    return openpyxl.load_workbook(path)


def rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def test_the_four_sheets(book: Any) -> None:
    assert book.sheetnames == ["Shipments", "Findings", "Rejected", "Summary"]


def test_one_row_per_shipment_with_its_decision(book: Any) -> None:
    header, *body = rows(book["Shipments"])
    assert header == tuple(h for h, _ in SHIPMENTS)
    by_id = {r[0]: dict(zip(header, r, strict=True)) for r in body}
    assert list(by_id) == ["S-1", "S-2", "S-3", "S-4"]
    s1 = by_id["S-1"]
    assert (s1["Risk"], s1["Findings"], s1["Rules"]) == ("block", 4, "R01, R02, R14, party_match")
    assert (s1["Consignee"], s1["Goods code"], s1["Date"]) == (
        "OOO Kvant Elektronik",
        "85423190",
        "2024-03-01",
    )
    assert s1["Score"] > 10 and s1["Unit value"] == 12.5
    assert (by_id["S-2"]["Risk"], by_id["S-2"]["Findings"], by_id["S-3"]["Transit"]) == (
        "clear",
        0,
        "TR",
    )


def test_layout_frozen_header_filter_widths(book: Any) -> None:
    sheet = book["Shipments"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:X5"
    assert sheet["A1"].font.b and sheet.column_dimensions["E"].width == 28
    assert book["Findings"].auto_filter.ref.startswith("A1:L")


def test_risk_cells_are_coloured_by_tier(book: Any) -> None:
    sheet = book["Shipments"]
    fills = {sheet.cell(r, 1).value: sheet.cell(r, 2).fill.fgColor.rgb for r in range(2, 6)}
    assert fills["S-1"].endswith(RISK_FILLS["block"])
    assert fills["S-2"].endswith(RISK_FILLS["clear"])
    assert sheet.cell(2, 1).fill.fill_type is None  # only the risk column


def test_findings_one_row_per_evidence(book: Any, screened: list[Screened]) -> None:
    header, *body = rows(book["Findings"])
    assert header == tuple(h for h, _ in FINDINGS)
    evidence = sum(len(f.evidence) for s in screened for f in s.decision.findings)
    assert len(body) == evidence
    match = next(dict(zip(header, r, strict=True)) for r in body if r[2] == "party_match")
    assert (match["Shipment"], match["Field"], match["Source"]) == (
        "S-1",
        "consignee_name",
        "t:kvant",
    )
    assert match["Probability"] > 0.9 and "KVANT" in match["Detail"]
    assert match["Explanation"].startswith("A party of the shipment matches")


def test_rejected_rows_and_summary(book: Any) -> None:
    assert rows(book["Rejected"])[1] == (
        "/data/ships.csv",
        6,
        "date",
        "not a calendar date: '2024-02-30'",
    )
    summary = {r[0]: r[1] for r in rows(book["Summary"]) if r[0] is not None}
    assert summary["Shipments screened"] == 4 and summary["Rows rejected"] == 1
    assert (summary["block"], summary["clear"], summary["party_match"]) == (2, 2, 2)
    tier = next(c for c in book["Summary"]["A"] if c.value == "block")
    assert tier.fill.fgColor.rgb.endswith(RISK_FILLS["block"])


def test_text_that_looks_like_a_formula_stays_text(book: Any) -> None:
    sheet = book["Shipments"]
    cell = next(c for c in sheet["Q"] if c.value and str(c.value).startswith("="))
    assert cell.value == "=1+1 roasted coffee" and cell.data_type == "s"


def test_control_characters_are_dropped(tmp_path: Path, screened: list[Screened]) -> None:
    reject = Reject("shipments", "x.csv", 1, "name", "bad\x00 byte\x1b here")
    book = openpyxl.load_workbook(write_xlsx(screened[:1], [reject], tmp_path / "c.xlsx"))
    assert rows(book["Rejected"])[1][3] == "bad byte here"
