"""Readers for the trade-statistics files in `shared/data/trade/` (see its PROVENANCE.md).

Every file becomes a list of `Flow` figures (who reported which flow with whom, when, for which
goods) that keep their file and line. A row that cannot be read becomes a `RowError` with file,
line and field, collected next to the figures and never dropped silently.

Files read (layouts as published):
- Eurostat totals (`eurostat_totals/`): EU-27 yearly exports by partner, member-state monthly
  totals, and imports from the EU as reported by AM, KZ, KG and UZ (converted to EUR upstream).
- Eurostat Comext CN-8 exports of EU-export-sanctioned codes, ch. 84/85/88/90 (DS-045409).
- Armenia's re-exports by HS-6 as estimated by Tvyal (A. Tavadyan, from Armstat data; USD).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from veracity.exc import RowError, SourceError

Period = str
"""A year ("2021") or a month ("2021-03")."""

EU27 = "EU27"
TOTAL = ""
"""The goods code of a figure covering all goods."""

# Eurostat labels differ between files and languages (the 2016 yearly rows are in French).
_ALIASES = {
    "European Union - 27 countries": EU27,
    "Russian Federation": "Russia",
    "Russie, Fédération de": "Russia",
    "Biélorussie": "Belarus",
    "Kirghizistan": "Kyrgyzstan",
    "Ouzbékistan": "Uzbekistan",
}
# "Italy (incl. San Marino 'SM' -> 1993)", "... - 27 countries (from 2020)": the note is history.
_NOTE = re.compile(r"\s*\(.*$", re.DOTALL)
_MONTH = re.compile(r"(\d{4})-(\d{2})(?:-\d{2})?")
_FIXED = "="
"""A `_Layout` column starting with this is a constant value, not a column name."""


@dataclass(frozen=True, slots=True)
class Flow:
    """One figure of a trade-statistics file, with the file and line it came from."""

    reporter: str
    partner: str
    flow: str
    """EXPORT, IMPORT or REEXPORT, as the reporter records it."""
    period: Period
    code: str
    """CN-8 or HS-6 goods code, or TOTAL ("") for all goods."""
    value: float
    currency: str
    source: str
    """The file name."""
    line: int

    @property
    def year(self) -> int:
        """The calendar year of the figure."""
        return int(self.period[:4])

    @property
    def month(self) -> int | None:
        """The month (1-12) of a monthly figure, None for a yearly one."""
        return int(self.period[5:7]) if len(self.period) > 4 else None


@dataclass(frozen=True, slots=True)
class Flows:
    """Figures read from trade-statistics files and the rows that were rejected."""

    flows: tuple[Flow, ...] = ()
    rejects: tuple[RowError, ...] = ()

    def __add__(self, other: Flows) -> Flows:
        return Flows(self.flows + other.flows, self.rejects + other.rejects)

    def from_file(self, name: str) -> tuple[Flow, ...]:
        """The figures read from the file called `name`."""
        return tuple(f for f in self.flows if f.source == name)


@dataclass(frozen=True, slots=True)
class _Layout:
    """Which column holds what; "=X" is the constant X."""

    period: str
    values: tuple[tuple[str, str], ...]
    """(value column, flow) pairs; a flow "" is read from the `flow` column."""
    reporter: str = "reporter"
    partner: str = "partner"
    code: str = _FIXED
    currency: str = "EUR"


class _FieldError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def label(text: str) -> str:
    """A reporter or partner label without Eurostat's history notes in English; EU27 for the EU."""
    bare = text.strip()
    bare = _ALIASES.get(bare, bare)
    bare = _NOTE.sub("", bare)
    return _ALIASES.get(bare, bare)


def _field(row: dict[str, str | None], column: str) -> str:
    if column.startswith(_FIXED):
        return column[1:]
    value = (row.get(column) or "").strip()
    if not value:
        raise _FieldError(column, "empty")
    return value


def _number(row: dict[str, str | None], column: str) -> float:
    text = _field(row, column)
    try:
        value = float(text)
    except ValueError:
        raise _FieldError(column, f"not a number: {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise _FieldError(column, f"not a finite amount >= 0: {text!r}")
    return value


def _period(row: dict[str, str | None], column: str) -> Period:
    text = _field(row, column)
    if len(text) == 4 and text.isdecimal():
        return text
    found = _MONTH.fullmatch(text)
    if found is None or not 1 <= int(found[2]) <= 12:
        raise _FieldError(column, f"not a year or month: {text!r}")
    return f"{found[1]}-{found[2]}"


def _code(row: dict[str, str | None], column: str) -> str:
    if column == _FIXED:
        return TOTAL
    text = _field(row, column)
    # Codes keep their leading zeros and national length (ARCHITECTURE.md, data conventions).
    if not (text.isdecimal() and text.isascii() and 6 <= len(text) <= 10):
        raise _FieldError(column, f"not a goods code of 6 to 10 digits: {text!r}")
    return text


def _convert(row: dict[str, str | None], layout: _Layout, source: str, line: int) -> list[Flow]:
    reporter, partner = label(_field(row, layout.reporter)), label(_field(row, layout.partner))
    period, code = _period(row, layout.period), _code(row, layout.code)
    return [
        Flow(
            reporter=reporter,
            partner=partner,
            flow=flow or _field(row, "flow").upper(),
            period=period,
            code=code,
            value=_number(row, column),
            currency=layout.currency,
            source=source,
            line=line,
        )
        for column, flow in layout.values
    ]


def _read(path: Path, layout: _Layout) -> Flows:
    """Read one CSV file with `layout`; bad rows are collected as RowErrors."""
    flows: list[Flow] = []
    rejects: list[RowError] = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            _check_columns(path, reader.fieldnames or [], layout)
            for row in reader:
                try:
                    flows.extend(_convert(row, layout, path.name, reader.line_num))
                except _FieldError as exc:
                    rejects.append(RowError(str(exc), path, reader.line_num, exc.field))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SourceError(f"cannot read: {exc}", path) from exc
    return Flows(tuple(flows), tuple(rejects))


def _check_columns(path: Path, header: Iterable[str], layout: _Layout) -> None:
    wanted = [layout.period, layout.reporter, layout.partner, layout.code]
    wanted += [column for column, _ in layout.values]
    wanted += ["flow"] if any(not flow for _, flow in layout.values) else []
    missing = sorted({c for c in wanted if not c.startswith(_FIXED)} - set(header))
    if missing:
        raise SourceError(f"missing columns {', '.join(missing)}", path, 1)


def read_eu27_yearly(path: Path) -> Flows:
    """EU-27 exports by partner and year (`eu27_exports_yearly_by_partner_2010_2023.csv`)."""
    return _read(path, _Layout("year", (("value_eur", "EXPORT"),)))


def read_member_monthly(path: Path) -> Flows:
    """Member-state and EU monthly totals (`eu_member_trade_monthly_totals_2019_2024.csv`)."""
    return _read(path, _Layout("month", (("value_eur", ""),)))


def read_partner_imports(path: Path) -> Flows:
    """Imports by partner as AM, KZ, KG and UZ report them, in EUR (`partner_reported_...`)."""
    return _read(path, _Layout("year", (("value_eur", ""),)))


def read_eu_cn8(path: Path) -> Flows:
    """Member-state monthly exports by CN-8 code (`eu_exports_cn8_ch84-85-88-90_...csv`)."""
    return _read(path, _Layout("month", (("value_eur", "EXPORT"),), code="cn_code"))


def read_sanctioned_totals(path: Path) -> Flows:
    """Monthly totals of all EU-export-sanctioned codes by partner and member state."""
    return _read(path, _Layout("month", (("value_eur", "EXPORT"),)))


def read_armenia_reexports(path: Path) -> Flows:
    """Tvyal's HS-6 estimate of Armenia's re-exports and exports, monthly or yearly file (USD)."""
    with path.open(encoding="utf-8") as handle:
        period = "period" if "period" in handle.readline().split(",") else "year"
    values = (("reexports", "REEXPORT"), ("X", "EXPORT"))
    layout = _Layout(period, values, "=Armenia", "=World", "commodity_code", "USD")
    return _read(path, layout)


def read_armenia_official(path: Path) -> Flows:
    """Armstat's official yearly re-export and export totals of Armenia (USD)."""
    values = (("RX", "REEXPORT"), ("X", "EXPORT"))
    return _read(path, _Layout("year", values, "=Armenia", "=World", currency="USD"))


TRADE_FILES: dict[str, tuple[str, Callable[[Path], Flows]]] = {
    "eu27_yearly": (
        "eurostat_totals/eu27_exports_yearly_by_partner_2010_2023.csv",
        read_eu27_yearly,
    ),
    "partner_imports": (
        "eurostat_totals/partner_reported_imports_yearly_am_kz_kg_uz.csv",
        read_partner_imports,
    ),
    "eu_cn8": (
        "eurostat_cn8_sanctioned/"
        "eu_exports_cn8_ch84-85-88-90_partners_RU-BY-AM-GE-KZ-KG-UZ_2020-01_2022-11.csv",
        read_eu_cn8,
    ),
    "armenia_reexports": (
        "armenia_reexports/armenia_reexports_estimated_hs6_yearly_2011_2024.csv",
        read_armenia_reexports,
    ),
}
"""The files `veracity flows` reads from a trade data folder, by role."""


def read_trade_folder(folder: Path) -> dict[str, Flows]:
    """Read every file of TRADE_FILES from `folder` (the shared `data/trade`), by role."""
    found: dict[str, Flows] = {}
    for role, (relative, reader) in TRADE_FILES.items():
        path = folder / relative
        if not path.is_file():
            raise SourceError("trade-statistics file not found", path)
        found[role] = reader(path)
    return found
