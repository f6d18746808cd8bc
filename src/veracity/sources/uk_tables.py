"""The UK Sanctions List as normalised tables (subjects.csv and four child tables by unique_id).

This is the layout of covyr/uk-sanctions-list's `transform.py` over the official
UK-Sanctions-List.csv: `subjects.csv` holds one row per subject; names, dates of birth,
identifiers and countries each have their own table keyed by `unique_id`. A child row whose
`unique_id` is not in `subjects.csv` is an orphan and is rejected as such.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from veracity.model import CountryRole, PartialDate, Reject, parse_date
from veracity.sources.base import ListInfo, Record
from veracity.sources.tabular import Row, read_rows
from veracity.sources.uk_draft import SOURCE, Draft, dob, fold

SUBJECTS = "subjects.csv"
TABLES = (
    SUBJECTS,
    "subject_names.csv",
    "subject_dobs.csv",
    "subject_identifiers.csv",
    "subject_countries.csv",
)
_ID_KINDS = {
    "passport": "passport",
    "national": "national_id",
    "business_registration_numbers": "registration_number",
    "imo": "imo",
    "hull": "hin",
}
_ROLES = {
    "nationality": CountryRole.NATIONALITY,
    "birth": CountryRole.BIRTH,
    "address": CountryRole.ADDRESS,
}
_NAME_COLUMNS = tuple(f"name_{i}" for i in range(1, 7))

Problem = tuple[str, str]
"""(column, error) for a child row that could not be used."""
Adder = Callable[[Draft, Row], Problem | None]


def read_tables(folder: Path) -> Iterator[Record]:
    """Yield the list date, the child-table rejects (orphans first met), then every subject."""
    drafts: dict[str, Draft] = {}
    rejects: list[Reject] = []
    newest = ""
    for line, row in read_rows(folder / SUBJECTS, needed=("unique_id", "subject_type")):
        newest = max(newest, _subject(drafts, row, line, folder / SUBJECTS, rejects))
    yield ListInfo(newest or None)
    yield from rejects
    for name, adder, needed in _CHILDREN:
        yield from _child(folder / name, drafts, adder, needed)
    for draft in drafts.values():
        yield draft.party(newest or None)


def _subject(drafts: dict[str, Draft], row: Row, line: int, path: Path, out: list[Reject]) -> str:
    """Start a subject's draft; return its last_updated date as ISO ('' if none)."""
    uid = row["unique_id"]
    if not uid or uid in drafts:
        problem = "no unique_id" if not uid else f"duplicate unique_id {uid!r}"
        out.append(Reject(SOURCE, str(path), line, "unique_id", problem))
        return ""
    draft = drafts[uid] = Draft(uid, fold(row["subject_type"]), path, line)
    draft.note("un_reference", row.get("un_reference_number", ""))
    draft.note("ofsi_group_id", row.get("ofsi_group_id", ""))
    draft.listed_on = _date(draft, row, "date_designated", line, out)
    updated = _date(draft, row, "last_updated", line, out)
    return updated.iso() if updated else ""


def _date(draft: Draft, row: Row, column: str, line: int, out: list[Reject]) -> PartialDate | None:
    """A DD/MM/YYYY date; an unparsable one is kept in `extra` and reported as a field Reject."""
    if not (raw := row.get(column, "")):
        return None
    try:
        return parse_date(raw, day_first=True)
    except ValueError as exc:
        draft.note(f"{column}_unparsed", raw)
        out.append(Reject(SOURCE, str(draft.path), line, column, f"{exc}; kept in extra"))
        return None


def _child(
    path: Path, drafts: dict[str, Draft], adder: Adder, needed: tuple[str, ...]
) -> Iterator[Reject]:
    for line, row in read_rows(path, needed=("unique_id", *needed)):
        draft = drafts.get(row["unique_id"])
        if draft is None:
            error = f"unique_id {row['unique_id']!r} is not in {SUBJECTS}"
            yield Reject(SOURCE, str(path), line, "unique_id", error, orphan=True)
        elif (problem := adder(draft, row)) is not None:
            yield Reject(SOURCE, str(path), line, problem[0], f"{draft.uid}: {problem[1]}")


def _name(draft: Draft, row: Row) -> Problem | None:
    parts = [row.get(column, "") for column in _NAME_COLUMNS]
    if draft.name(parts, row["name_type"], row.get("alias_strength", ""), row["full_name"]):
        return None
    return "full_name", "empty name row"


def _dob(draft: Draft, row: Row) -> Problem | None:
    try:
        draft.births[dob(row["day"], row["month"], row["year"])] = None
    except ValueError as exc:
        raw = "-".join(p for p in (row["year"], row["month"], row["day"]) if p)
        draft.note("birth_date_unparsed", raw)
        return "year", f"{exc}; kept in extra"
    return None


def _identifier(draft: Draft, row: Row) -> Problem | None:
    kind = _ID_KINDS.get(row["identifier_type"], "other")
    if kind == "other":
        draft.note("identifier_type", row["identifier_type"])
    draft.identifier(kind, row["raw_value"], row.get("additional_info", ""))
    return None


def _country(draft: Draft, row: Row) -> Problem | None:
    role = _ROLES.get(row["country_type"], CountryRole.OTHER)
    draft.country(row["raw_value"], role, row.get("iso") or None)
    return None


_CHILDREN: tuple[tuple[str, Adder, tuple[str, ...]], ...] = (
    ("subject_names.csv", _name, ("name_type", "full_name")),
    ("subject_dobs.csv", _dob, ("year", "month", "day")),
    ("subject_identifiers.csv", _identifier, ("identifier_type", "raw_value")),
    ("subject_countries.csv", _country, ("country_type", "raw_value")),
)
