"""One row of the BIS Denied Persons List, parsed: names, address, order dates, rejected fields."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from veracity.model import Address, Country, CountryRole, Name, NameKind, PartialDate, Reject
from veracity.model import parse_date as _parse_date
from veracity.model.countries import country_code
from veracity.sources.tabular import Row

SOURCE = "bis-dpl"
COLUMNS = (
    "Name",
    "Street_Address",
    "City",
    "State",
    "Country",
    "Postal_Code",
    "Effective_Date",
    "Expiration_Date",
    "Standard_Order",
    "Last_Update",
    "Action",
    "FR_Citation",
)
_ADDRESS = ("Street_Address", "City", "State", "Postal_Code", "Country")
# "X A/K/A Y", "X D/B/A Y" (trade name), "X F/K/A Y" (former name); "X (A.K.A. Y) Z".
_SPLIT = re.compile(r"\s+(A/K/A|AKA|A\.K\.A\.?|D/B/A|DBA|F/K/A|FKA|F\.K\.A\.?)\s+")
_PAREN = re.compile(r"\(\s*(?:A/K/A|AKA|A\.K\.A\.?)\s+([^)]+)\)")
_FOLD = re.compile(r"[^A-Z0-9]+")
_ZIP = re.compile(r"\d{5}(?:-\d{4})?")
# A space-separated string reads better than 56 quoted items (hence the noqa).
_US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH"  # noqa: SIM905
    " NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP".split()
)
# Country spellings seen in the list that `country_code` does not know.
_COUNTRIES = {"PRC": "CN"}


def fold(text: str) -> str:
    """Upper-case ASCII letters and digits, single-spaced: `AL-NASER  AIRLINES` ->
    `AL NASER AIRLINES`, `JOSÉ` -> `JOSE`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(_FOLD.sub(" ", ascii_text.upper()).split())


@dataclass(slots=True)
class DplRow:
    """What one row says; `rejects` are field-level problems (the row itself is kept)."""

    line: int
    names: list[Name]
    key: str
    """The folded primary name: rows of one party share it."""
    address: Address | None
    address_key: str
    country: Country | None
    effective: PartialDate | None
    effective_raw: str
    expiration: PartialDate | None
    last_update: PartialDate | None
    facts: list[tuple[str, str]] = field(default_factory=list)
    """(label, value) for `extra`: order facts, raw bad dates, unresolved countries."""
    rejects: list[Reject] = field(default_factory=list)


def parse_row(row: Row, line: int, path: Path, today: str) -> DplRow:
    """Parse one row; a row without a name has no names and one Reject."""
    names = split_names(row["Name"])
    parsed = DplRow(
        line,
        names,
        fold(names[0].full) if names else "",
        None,
        "",
        None,
        None,
        row["Effective_Date"],
        None,
        None,
    )
    if not names:
        parsed.rejects.append(Reject(SOURCE, str(path), line, "Name", "no name"))
        return parsed
    if len(names) > 1:
        parsed.facts.append(("name_as_listed", row["Name"]))
    _place(parsed, row)
    parsed.effective = _date(parsed, row, "Effective_Date", path, today)
    parsed.expiration = _date(parsed, row, "Expiration_Date", path, "2999-12-31")
    parsed.last_update = _date(parsed, row, "Last_Update", path, today)
    for label, column in (("standard_order", "Standard_Order"), ("action", "Action")):
        if row[column]:
            parsed.facts.append((label, row[column].upper()))
    if row["FR_Citation"]:
        parsed.facts.append(("fr_citation", row["FR_Citation"]))
    return parsed


def split_names(raw: str) -> list[Name]:
    """The primary name and any alias, trade name or former name written inside it."""
    text = " ".join(raw.split())
    names: list[Name] = []
    if found := _PAREN.search(text):
        text = " ".join((text[: found.start()] + text[found.end() :]).split())
        names.append(Name(found.group(1).strip(), NameKind.ALIAS))
    parts = _SPLIT.split(text)
    kinds = [NameKind.FORMER if m.upper().startswith("F") else NameKind.ALIAS for m in parts[1::2]]
    primary = [Name(parts[0].strip())] if parts[0].strip() else []
    aliases = [Name(p.strip(), k) for p, k in zip(parts[2::2], kinds, strict=True) if p.strip()]
    return primary + aliases + names if primary else []


def _place(parsed: DplRow, row: Row) -> None:
    """The address as written and its country (inferred as US from a state and ZIP code)."""
    raw = row["Country"]
    code = _COUNTRIES.get(raw.upper()) or (country_code(raw) if raw else None)
    if not raw and row["State"].upper() in _US_STATES and _ZIP.fullmatch(row["Postal_Code"]):
        code = "US"
    elif raw and code is None:
        parsed.facts.append(("country_unresolved", f"address: {raw}"))
    parts = [row[c] for c in _ADDRESS if row[c]]
    parsed.address_key = "|".join(fold(row[c]) for c in _ADDRESS)
    if parts:
        parsed.address = Address(
            ", ".join(parts),
            row["Street_Address"] or None,
            row["City"] or None,
            row["State"] or None,
            row["Postal_Code"] or None,
            code,
        )
    parsed.country = Country(code, CountryRole.ADDRESS) if code else None


def _date(parsed: DplRow, row: Row, column: str, path: Path, latest: str) -> PartialDate | None:
    """A date (MM/DD/YYYY or ISO) between 1900 and `latest`; otherwise a field Reject."""
    if not (raw := row[column]):
        return None
    try:
        value = _parse_date(raw, day_first=False)
        if not "1900" <= value.iso() <= latest:
            raise ValueError(f"implausible date {raw!r}")
    except ValueError as exc:
        parsed.facts.append((f"{column.lower()}_raw", raw))
        error = f"{exc}; the party is kept, the raw value is in extra"
        parsed.rejects.append(Reject(SOURCE, str(path), parsed.line, column, error))
        return None
    return value
