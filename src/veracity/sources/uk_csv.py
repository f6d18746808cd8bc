"""The UK Sanctions List as FCDO publishes it (UK-Sanctions-List.csv), and OFSI's ConList.csv.

UK-Sanctions-List.csv opens with a `Report Date: 29-Apr-2026` line above the header, then has one
row per name: `Unique ID`, `Name 1`..`Name 6`, `Name type`, `Alias strength`, the non-Latin
name, and the subject's other fields (addresses, D.O.B, documents, ship facts) repeated on each
row. OFSI's older ConList.csv (`Last Updated,DD/MM/YYYY` above the header) has the same idea
keyed by `Group ID`, with `Alias Type` and `Alias Quality`. Columns are found by name, folded to
letters, so both layouts (and small spelling changes between releases) read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from veracity.exc import SourceError
from veracity.model import Address, CountryRole, Name, NameKind, PartialDate, Reject, parse_date
from veracity.model.countries import country_code
from veracity.sources.base import ListInfo, Record
from veracity.sources.tabular import Row, first_lines, read_rows
from veracity.sources.uk_draft import SOURCE, Draft, dob, fold

# Canonical field -> the header spellings (folded to letters) of the FCDO and OFSI layouts.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("uniqueid", "groupid"),
    "type": ("designationtype", "individualentityship", "grouptype"),
    "name_type": ("nametype", "aliastype"),
    "strength": ("aliasstrength", "aliasquality"),
    **{f"name{i}": (f"name{i}",) for i in range(1, 7)},
    "nonlatin": ("namenonlatinscript",),
    "script": ("nonlatinscriptlanguage", "nonlatinscripttype"),
    "dob": ("dob",),
    "town": ("townofbirth",),
    "birth_country": ("countryofbirth",),
    "nationality": ("nationalityies", "nationality"),
    "passport": ("passportnumber",),
    "passport_info": ("passportadditionalinformation", "passportdetails"),
    "national_id": ("nationalidentifiernumber", "nationalidentificationnumber", "ninumber"),
    "national_info": ("nationalidentifieradditionalinformation", "nationalidentificationdetails"),
    **{f"addr{i}": (f"addressline{i}", f"address{i}") for i in range(1, 7)},
    "postal": ("addresspostalcode", "postzipcode"),
    "addr_country": ("addresscountry", "country"),
    "designated": ("datedesignated", "listedon"),
    "updated": ("lastupdated",),
    "regime": ("regimename", "regime"),
    "other": ("otherinformation",),
    "gender": ("gender",),
    "parent": ("parentcompany",),
    "registration": ("businessregistrationnumbers",),
    "imo": ("imonumber",),
    "hin": ("hullidentificationnumberhin",),
    "flag": ("currentbelievedflagofship",),
}
# Facts kept as (label, value) in `extra`: label -> header spellings.
_EXTRA: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "position": ("position",),
    "un_reference": ("unreferencenumber",),
    "ofsi_group_id": ("ofsigroupid",),
    "designation_source": ("designationsource",),
    "sanctions_imposed": ("sanctionsimposed",),
    "statement_of_reasons": ("ukstatementofreasons",),
    "phone": ("phonenumber",),
    "website": ("website",),
    "email": ("emailaddress",),
    "entity_type": ("typeofentity",),
    "subsidiaries": ("subsidiaries",),
    "owner_operator": ("currentowneroperators",),
    "previous_owner_operator": ("previousowneroperators",),
    "previous_flags": ("previousflags",),
    "vessel_type": ("typeofship",),
    "tonnage": ("tonnageofship",),
    "length": ("lengthofship",),
    "build_year": ("yearbuilt",),
    "uk_designated": ("uksanctionslistdatedesignated",),
}
_UK_REF = re.compile(r"\(UK Sanctions List Ref\):\s*([A-Z]{3}\d{4})")
_GENDERS = {"male": "male", "female": "female"}

Get = Callable[[str], str]


def read_csv(path: Path) -> Iterator[Record]:
    """Yield the list date, row rejects, then one Party (or Reject) per subject."""
    preamble, list_date = _preamble(path)
    drafts: dict[str, Draft] = {}
    columns: dict[str, str] = {}
    newest = ""
    for line, row in read_rows(path, preamble=preamble):
        columns = columns or _columns(row, path, preamble + 1)
        get: Get = partial(_get, row, columns)
        if not get("id"):
            yield Reject(SOURCE, str(path), line, columns["id"], "no subject id")
            continue
        draft = drafts.setdefault(get("id"), Draft(get("id"), fold(get("type")), path, line))
        yield from _add(draft, get, line, columns)
        newest = max(newest, _iso(get("updated")))
    list_date = list_date or newest or None
    yield ListInfo(list_date)
    for draft in _by_uk_ref(drafts):
        yield draft.party(list_date)


def _get(row: Row, columns: dict[str, str], key: str) -> str:
    return row.get(columns.get(key, ""), "")


def _preamble(path: Path) -> tuple[int, str | None]:
    """How many lines stand above the header, and the list date they state."""
    lines = [*first_lines(path, 2), "", ""]
    first, second = fold(lines[0]), fold(lines[1])
    if first.startswith("reportdate"):
        return 1, _iso(lines[0].split(":", 1)[-1].replace("-", " "))
    if first.startswith("lastupdated") and "groupid" in second:
        return 1, _iso(lines[0].split(",")[1] if "," in lines[0] else "")
    if "uniqueid" in first or "groupid" in first:
        return 0, None
    raise SourceError("not a UK Sanctions List or OFSI ConList CSV", path, 1)


def _columns(row: Row, path: Path, line: int) -> dict[str, str]:
    """Canonical field -> this file's header, checking the columns every subject needs."""
    folded = {fold(header): header for header in row}
    wanted = {**_COLUMNS, **{f"x:{key}": spellings for key, spellings in _EXTRA.items()}}
    found = {
        key: next((folded[s] for s in spellings if s in folded), "")
        for key, spellings in wanted.items()
    }
    for key in ("id", "type", "name6"):
        if not found[key]:
            raise SourceError("missing column", path, line, _COLUMNS[key][0])
    return {key: header for key, header in found.items() if header}


def _iso(raw: str) -> str:
    """A list date as ISO, or '' when it cannot be read (list dates are informative only)."""
    try:
        return parse_date(raw.strip(), day_first=True).iso() if raw.strip() else ""
    except ValueError:
        return ""


def _add(draft: Draft, get: Get, line: int, columns: dict[str, str]) -> Iterator[Reject]:
    """Add one row's facts to its subject; yield a Reject for each unreadable date field."""
    draft.name([get(f"name{i}") for i in range(1, 7)], get("name_type"), get("strength"))
    if nonlatin := get("nonlatin"):
        draft.names[Name(nonlatin, NameKind.ORIGINAL_SCRIPT, lang=get("script") or None)] = None
    _places(draft, get)
    _documents(draft, get)
    for key in _EXTRA:
        draft.note(key, get(f"x:{key}"))
    if regime := get("regime"):
        draft.programs[regime] = None
    if other := get("other"):
        draft.remarks[other] = None
    if parent := get("parent"):
        draft.linked[parent] = None
    if gender := get("gender"):
        draft.gender = _GENDERS.get(gender.lower(), draft.gender)
        if gender.lower() not in _GENDERS:
            draft.note("gender", gender)
    yield from _dates(draft, get, line, columns)


def _places(draft: Draft, get: Get) -> None:
    if town := get("town"):
        draft.places[town] = None
    draft.country(get("birth_country"), CountryRole.BIRTH)
    draft.country(get("nationality"), CountryRole.NATIONALITY)
    draft.country(get("flag"), CountryRole.FLAG)
    lines = [get(f"addr{i}") for i in range(1, 7)]
    country, postal = get("addr_country"), get("postal")
    if any(lines) or postal or country:
        draft.country(country, CountryRole.ADDRESS)
        code = country_code(country) if country else None
        full = ", ".join(p for p in (*lines, postal, country) if p)
        # Address lines 1-6 carry street, district, city and region in no fixed order.
        draft.addresses[Address(full, postal_code=postal or None, country=code)] = None


def _documents(draft: Draft, get: Get) -> None:
    draft.identifier("passport", get("passport"), get("passport_info"))
    draft.identifier("national_id", get("national_id"), get("national_info"))
    draft.identifier("registration_number", get("registration"))
    draft.identifier("imo", get("imo"))
    draft.identifier("hin", get("hin"))


def _dates(draft: Draft, get: Get, line: int, columns: dict[str, str]) -> Iterator[Reject]:
    for key in ("dob", "designated"):
        if not (raw := get(key)):
            continue
        try:
            value = _dob(raw) if key == "dob" else parse_date(raw, day_first=True)
        except ValueError as exc:
            draft.note(f"{key}_unparsed", raw)
            yield Reject(SOURCE, str(draft.path), line, columns[key], f"{exc}; kept in extra")
            continue
        if key == "dob":
            draft.births[value] = None
        else:
            draft.listed_on = min(value, draft.listed_on or value, key=PartialDate.iso)


def _dob(raw: str) -> PartialDate:
    """`DD/MM/YYYY` where the day or month may be a placeholder (`dd`, `mm`, `00`), or `YYYY`."""
    parts = raw.split("/")
    if len(parts) == 3:
        return dob(*(p.strip() for p in parts))
    return parse_date(raw, day_first=True)


def _by_uk_ref(drafts: dict[str, Draft]) -> list[Draft]:
    """ConList subjects keyed by OFSI Group ID take the UK Sanctions List ref their Other
    Information cites, so that both layouts give a subject the same party id."""
    taken = set(drafts)
    for draft in drafts.values():
        if draft.uid.isdigit():
            refs = {m for text in draft.remarks for m in _UK_REF.findall(text)}
            if len(refs) == 1 and (ref := refs.pop()) not in taken:
                draft.note("ofsi_group_id", draft.uid)
                draft.uid = ref
                taken.add(ref)
    return list(drafts.values())
