"""Screening as an Excel workbook for compliance officers: Shipments, Findings, Rejected, Summary.

Each data sheet has a bold frozen header, an autofilter over its rows and set column widths;
the risk cells are coloured by tier (block red, escalate orange, review yellow, clear green).
The workbook is written in openpyxl's write-only mode, so a run of 100,000 shipments streams to
disk rather than being held as cell objects in memory.

Cell text comes from the declarations, so no text becomes a formula: a value starting with `=`
is stored as a string (OWASP "CSV injection", which applies to spreadsheet cells alike), and the
control characters XML cannot hold are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from veracity.model import Reject
from veracity.screening.screen import Screened, summary

Column = tuple[str, float]
"""A header and its width in characters."""
Row = Sequence[object]

RISK_FILLS = {"block": "F4B6B6", "escalate": "F9CB9C", "review": "FFE599", "clear": "C9E7C0"}
"""Background colour of a risk cell, by tier."""
RISK_HEADER = "Risk"

SHIPMENTS: tuple[Column, ...] = (
    ("Shipment", 14),
    (RISK_HEADER, 10),
    ("Score", 8),
    ("Findings", 9),
    ("Rules", 28),
    ("Reason", 40),
    ("Date", 11),
    ("Exporter", 30),
    ("Exporter country", 9),
    ("Consignee", 30),
    ("Consignee country", 9),
    ("End user", 30),
    ("End user country", 9),
    ("Destination", 9),
    ("Transit", 12),
    ("Goods code", 13),
    ("Description", 32),
    ("Manufacturer", 20),
    ("Part number", 18),
    ("Quantity", 10),
    ("Unit value", 11),
    ("Currency", 9),
    ("Payer", 30),
    ("Payer country", 9),
)
FINDINGS: tuple[Column, ...] = (
    ("Shipment", 14),
    (RISK_HEADER, 10),
    ("Rule", 20),
    ("Title", 50),
    ("Weight", 8),
    ("Probability", 11),
    ("Explanation", 60),
    ("Evidence record", 18),
    ("Field", 18),
    ("Value", 30),
    ("Source", 24),
    ("Detail", 80),
)
REJECTED: tuple[Column, ...] = (("File", 40), ("Line", 8), ("Field", 20), ("Error", 80))


def write_xlsx(screened: Sequence[Screened], rejects: Sequence[Reject], path: Path) -> Path:
    """The workbook: a row per shipment, a row per finding and evidence, rejects, counts."""
    book = Workbook(write_only=True)
    _sheet(book, "Shipments", SHIPMENTS, (_shipment_row(s) for s in screened))
    _sheet(book, "Findings", FINDINGS, _finding_rows(screened))
    _sheet(book, "Rejected", REJECTED, ((r.path, r.line, r.field, r.error) for r in rejects))
    _summary(book, summary(screened, rejects))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _shipment_row(item: Screened) -> Row:
    s, d = item.shipment, item.decision
    return (
        s.shipment_id,
        d.risk.value,
        d.score,
        len(d.findings),
        ", ".join(sorted({f.rule for f in d.findings})),
        d.reason,
        s.date.iso() if s.date else None,
        s.exporter_name,
        s.exporter_country,
        s.consignee_name,
        s.consignee_country,
        s.end_user_name,
        s.end_user_country,
        s.destination_country,
        " > ".join(s.transit_countries),
        s.hs_code,
        s.description,
        s.manufacturer,
        s.part_number,
        s.quantity,
        s.unit_value,
        s.currency,
        s.payer_name,
        s.payer_country,
    )


def _finding_rows(screened: Iterable[Screened]) -> Iterator[Row]:
    for item in screened:
        head = (item.shipment.shipment_id, item.decision.risk.value)
        for f in item.decision.findings:
            about = (f.rule, f.title, f.weight, f.probability, f.explanation)
            for e in f.evidence:
                yield (*head, *about, e.record, e.field, e.value, e.source, e.detail)


def _summary(book: Any, figures: dict[str, Any]) -> None:
    """Totals, then shipments by risk tier (coloured), then findings by rule."""
    sheet = book.create_sheet("Summary")
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 12
    rows: list[tuple[Row, bool]] = [
        (("Shipments screened", figures["shipments"]), False),
        (("Rows rejected", figures["rejected_rows"]), False),
        ((), False),
        ((RISK_HEADER, "Shipments"), True),
        *((row, False) for row in figures["by_risk"].items()),
        ((), False),
        (("Rule", "Findings"), True),
        *((row, False) for row in figures["by_rule"].items()),
    ]
    for row, bold in rows:
        sheet.append([_cell(sheet, v, bold=bold, risk=not bold) for v in row])


def _sheet(book: Any, title: str, columns: Sequence[Column], rows: Iterable[Row]) -> None:
    """A data sheet: frozen bold header, widths, risk colours and an autofilter."""
    sheet = book.create_sheet(title)
    for index, (_, width) in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"  # before the rows: write-only sheets stream them out
    sheet.append([_cell(sheet, header, bold=True) for header, _ in columns])
    risk = next((i for i, (h, _) in enumerate(columns) if h == RISK_HEADER), None)
    last = 1
    for row in rows:
        sheet.append([_cell(sheet, v, risk=i == risk) for i, v in enumerate(row)])
        last += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"


def _cell(sheet: Any, value: object, bold: bool = False, risk: bool = False) -> Any:
    """A cell holding `value` as data, never as a formula; a risk tier coloured if `risk`."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    fill = RISK_FILLS.get(value) if risk and isinstance(value, str) else None
    if fill is not None:
        cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    return cell
