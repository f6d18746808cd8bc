"""Court records (one row per charge) and public claims about named people: CSV or JSON Lines.

A court-record file has one row per charge, with the columns `person_ref, full_name, birth_date,
birth_country, state, court, docket, filing_date, charge_statute, charge_description,
charge_class, disposition, disposition_date, sentence`; a claims file has `claim_id, full_name,
birth_year, country, claim_text, source`. Only `full_name` and `docket` (court records) and
`claim_id`, `full_name` and `claim_text` (claims) are required; other known columns may be
missing, and other columns are ignored: neither record keeps extra facts, and a JSON Lines
object's other keys are not even read, so they cannot reject a row. Column names are matched
case- and space-insensitively, and the files are read as `rows.py` describes.

A row with a bad value is yielded as a `Reject` naming its line and field, and reading goes on:
- a date that is not a calendar date, or lies after `today` (birth, filing or disposition);
- a charge filed after its disposition, or a person born after the filing or disposition;
- a country that is not one (`birth_country`, `country`: kept as ISO 3166-1 alpha-2);
- a state that is not a US state, DC or territory (code or name: `Maine` gives `ME`);
- a claim's `birth_year` that is not a four-digit year a living person could be born in;
- a repeated `claim_id`.
A file that cannot be read (a required column missing, a CSV row with the wrong number of
fields, bytes that are not UTF-8) raises `SourceError`.

Dates are compared at the coarser of their precisions: a filing in `2019` is not "after" a
disposition on 2019-03-02. Dates are read as US courts write them: slashed dates month first
(`03/04/2019` is 4 March), `Sep 30, 2019`, ISO dates and timestamps. Rows of one docket form a
`CourtCase` (`group_cases`); rows of a docket that disagree on the person are kept together and
reported by `case_conflicts`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

import pycountry

from veracity.model import PartialDate, Provenance, Reject
from veracity.model.justice import Charge, Claim, CourtCase
from veracity.sources.rows import (
    FieldError,
    Fields,
    Row,
    calendar_date,
    country,
    raw_rows,
    read_records,
    unique,
)

SOURCE = "court_records"
CLAIMS_SOURCE = "claims"
COLUMNS = frozenset(f.name for f in fields(Charge) if f.name != "provenance")
"""The known columns of a court-record file: every Charge field."""
CLAIM_COLUMNS = frozenset(f.name for f in fields(Claim) if f.name != "provenance")
"""The known columns of a claims file: every Claim field."""
OLDEST_AGE = 120
"""A claim's birth year may lie at most this many years before today."""

_STATE_ALIASES = {"washington dc": "DC", "us virgin islands": "VI", "usvi": "VI"}
_NOT_LETTER = re.compile(r"[^a-z]+")
_YEAR = re.compile(r"[0-9]{4}")
_ISO_TIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9:.]+(?:Z|[+-][0-9:]+)?")
_MONTH_DAY = re.compile(r"([A-Za-z]{3,}\.?)\s+([0-9]{1,2}),?\s+([0-9]{4})")


def read_court_records(path: Path | str, today: dt.date | None = None) -> Iterator[Charge | Reject]:
    """Read a court-record file (.csv/.tsv/.txt, .jsonl/.ndjson), one charge a row."""
    file, now = Path(path), _partial(today or dt.date.today())

    def make(line: int, row: Row) -> Charge | Reject:
        try:
            return _charge(Fields(row, COLUMNS), Provenance(SOURCE, str(file), line), now)
        except FieldError as bad:
            return Reject(SOURCE, str(file), line, bad.field, bad.error)

    rows = raw_rows(file, SOURCE, ("docket", "full_name"), "court-record", only=COLUMNS)
    yield from read_records(file, rows, make)


def _charge(row: Fields, provenance: Provenance, now: PartialDate) -> Charge:
    charge = Charge(
        docket=row.required("docket"),
        full_name=row.required("full_name"),
        provenance=provenance,
        person_ref=row.text("person_ref"),
        birth_date=row.get("birth_date", _us_date),
        birth_country=row.get("birth_country", country),
        state=row.get("state", us_state),
        court=row.text("court"),
        filing_date=row.get("filing_date", _us_date),
        charge_statute=row.text("charge_statute"),
        charge_description=row.text("charge_description"),
        charge_class=row.text("charge_class"),
        disposition=row.text("disposition"),
        disposition_date=row.get("disposition_date", _us_date),
        sentence=row.text("sentence"),
    )
    _check_dates(charge, now)
    return charge


def _us_date(text: str) -> PartialDate:
    """A date as US courts write it (`03/04/2019` month first, `Sep 30, 2019`), or ISO 8601."""
    if match := _MONTH_DAY.fullmatch(text.strip()):
        text = f"{match[2]} {match[1]} {match[3]}"  # parse_date reads `30 Sep 2019`
    elif match := _ISO_TIME.fullmatch(text.strip()):
        text = match[1]  # a timestamp from a case-management export: the day is what counts
    return calendar_date(text, day_first=False)


def _check_dates(charge: Charge, now: PartialDate) -> None:
    """Dates in the future, or in an impossible order, name the field to look at."""
    born, filed, disposed = charge.birth_date, charge.filing_date, charge.disposition_date
    for name, date in (
        ("birth_date", born),
        ("filing_date", filed),
        ("disposition_date", disposed),
    ):
        if date is not None and after(date, now):
            raise FieldError(name, f"{date} is in the future")
    if filed and disposed and after(filed, disposed):
        raise FieldError("filing_date", f"filed {filed}, after the disposition on {disposed}")
    for event, date in (("filing", filed), ("disposition", disposed)):
        if born and date and after(born, date):
            raise FieldError("birth_date", f"born {born}, after the {event} on {date}")


def after(first: PartialDate, second: PartialDate) -> bool:
    """Whether `first` is certainly later than `second`, compared at the coarser precision."""
    depth = min(_depth(first), _depth(second))
    return _parts(first)[:depth] > _parts(second)[:depth]


def _depth(date: PartialDate) -> int:
    return 3 if date.day is not None else 2 if date.month is not None else 1


def _parts(date: PartialDate) -> tuple[int, int, int]:
    return date.year, date.month or 0, date.day or 0


def _partial(date: dt.date) -> PartialDate:
    return PartialDate(date.year, date.month, date.day)


def us_state(text: str) -> str:
    """The two-letter code of a US state, DC or territory, written as a code or a name."""
    code = _states().get(_fold(text))
    if code is None:
        raise ValueError(f"not a US state or territory: {text!r}")
    return code


def _fold(text: str) -> str:
    # "D.C." -> "dc", "Virgin Islands, U.S." -> "virgin islands us"
    return " ".join(_NOT_LETTER.sub(" ", text.lower().replace(".", "")).split())


@cache
def _states() -> dict[str, str]:
    table = dict(_STATE_ALIASES)
    for state in pycountry.subdivisions:
        if state.country_code != "US":
            continue
        code = str(state.code).removeprefix("US-")
        table[_fold(code)] = code
        table[_fold(str(state.name))] = code
    return table


def read_claims(path: Path | str, today: dt.date | None = None) -> Iterator[Claim | Reject]:
    """Read a claims file (.csv/.tsv/.txt, .jsonl/.ndjson), one claim about one person a row."""
    file, year = Path(path), (today or dt.date.today()).year
    seen: dict[str, int] = {}

    def make(line: int, row: Row) -> Claim | Reject:
        known = Fields(row, CLAIM_COLUMNS)
        try:
            return Claim(
                claim_id=unique(known.text("claim_id") or "", "claim_id", line, seen),
                full_name=known.required("full_name"),
                claim_text=known.required("claim_text"),
                provenance=Provenance(CLAIMS_SOURCE, str(file), line),
                birth_year=known.get("birth_year", lambda text: _birth_year(text, year)),
                country=known.get("country", country),
                source=known.text("source"),
            )
        except FieldError as bad:
            return Reject(CLAIMS_SOURCE, str(file), line, bad.field, bad.error)

    needed = ("claim_id", "full_name", "claim_text")
    rows = raw_rows(file, CLAIMS_SOURCE, needed, "claims", only=CLAIM_COLUMNS)
    yield from read_records(file, rows, make)


def _birth_year(text: str, this_year: int) -> int:
    if not _YEAR.fullmatch(text):
        raise ValueError(f"not a four-digit year: {text!r}")
    year = int(text)
    if not this_year - OLDEST_AGE <= year <= this_year:
        raise ValueError(f"implausible birth year {year}")
    return year


def group_cases(charges: Iterable[Charge]) -> list[CourtCase]:
    """The charges of each docket (same state, court and docket) as one case, in file order."""
    groups: dict[tuple[str | None, str | None, str], list[Charge]] = {}
    for charge in charges:
        groups.setdefault((charge.state, charge.court, charge.docket), []).append(charge)
    return [
        CourtCase(docket, state, court, tuple(rows))
        for (state, court, docket), rows in groups.items()
    ]


@dataclass(frozen=True, slots=True)
class CaseConflict:
    """Rows of one docket that disagree about the person: kept in one case, shown to people."""

    case: str
    """The case's key (`STATE/COURT/DOCKET`)."""
    field: str
    """`full_name` or `birth_date`."""
    values: tuple[tuple[str, tuple[int | None, ...]], ...]
    """Each value as first written, with the lines that give it, in file order."""


def case_conflicts(case: CourtCase) -> tuple[CaseConflict, ...]:
    """Where the rows of a case name different people: names differing beyond case and spaces,
    or birth dates that cannot be the same day (`1980` and `1980-05-02` agree)."""
    names: dict[str, list[Charge]] = {}
    births: dict[PartialDate, list[Charge]] = {}
    for charge in case.charges:
        names.setdefault(" ".join(charge.full_name.casefold().split()), []).append(charge)
        if charge.birth_date is not None:
            births.setdefault(charge.birth_date, []).append(charge)
    out = []
    if len(names) > 1:
        written = {rows[0].full_name: rows for rows in names.values()}
        out.append(_conflict(case, "full_name", written))
    if any(after(a, b) for a in births for b in births):
        out.append(_conflict(case, "birth_date", {str(d): rows for d, rows in births.items()}))
    return tuple(out)


def _conflict(case: CourtCase, field: str, values: dict[str, list[Charge]]) -> CaseConflict:
    lines = {value: tuple(c.provenance.line for c in rows) for value, rows in values.items()}
    return CaseConflict(case.key, field, tuple(lines.items()))
