"""The offence vocabulary (`data/offences.csv`) and how an input finds its entry.

An offence is found by its statute first (`17-A M.R.S. §208(1)(A)` → `ME 17-A 208`), then by a
four-digit NCIC code, then by its description. Descriptions are normalised, abbreviations
spelt out (`data/offence_words.csv`), and every entry's regex searched on whole words: the
longest match wins, so `aggravated assault` beats `assault`. Charge classes are read by
`data/offence_classes.csv`. How an entry becomes a category is `offences.classify_offence`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from veracity.claims.vocabulary import compile_pattern, flag, normalise, read_vocabulary
from veracity.exc import SourceError
from veracity.model.justice import OffenceKind, Severity
from veracity.sources.tabular import Row

_FILE, _CLASSES, _WORDS = "offences.csv", "offence_classes.csv", "offence_words.csv"
_VIOLENCE = ("ucr", "nibrs_person", "usc_16a")
_COLUMNS = (
    "match", "pattern", "label", "kinds", "ncic", "base", "grade", "me_class", *_VIOLENCE,
    "against_person", "armed", "agg", "source",
)  # fmt: skip
_STATUTE = re.compile(
    r"^\s*(?:title\s+)?(?P<title>\d+(?:-?[a-z])?)\s*,?\s*"
    r"(?P<code>m\.?\s?r\.?\s?s\.?(?:\s?a\.?)?|u\.?\s?s\.?\s?c\.?(?:\s?a\.?)?)?\s*"
    r"(?:§+|sec(?:tion)?\.?|s\.)?\s*(?P<section>\d+[a-z]?(?:-[a-z])?(?:\s?\([0-9a-z]+\))*)",
    re.IGNORECASE,
)
_NCIC = re.compile(r"^\s*(?:ncic\s*(?:code\s*)?)?(?P<code>\d{4})\s*$", re.IGNORECASE)


class Grade(StrEnum):
    """The grade of an offence: felony, misdemeanor or a civil (non-criminal) infraction."""

    FELONY = "felony"
    MISDEMEANOR = "misdemeanor"
    CIVIL = "civil"


@dataclass(frozen=True, slots=True)
class OffenceEntry:
    """One row of the offence vocabulary: what the offence is under each definition."""

    match: str
    """`statute`, `ncic` or `text`."""
    pattern: re.Pattern[str]
    label: str
    kinds: frozenset[OffenceKind]
    ncic: str | None
    base: Severity | None
    """A fixed rung (OUI, TRAFFIC_CRIMINAL…) or None when the grade and violence decide."""
    grade: Grade | None
    me_class: str | None
    violent: Mapping[str, bool]
    """`ucr`, `nibrs_person`, `usc_16a` as the data file says."""
    against_person: bool
    armed: bool
    agg: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Found:
    """The entry an input found, and the words of the input it rests on."""

    entry: OffenceEntry
    how: str
    """`statute`, `NCIC code` or `description`."""
    words: str


@dataclass(frozen=True, slots=True)
class ClassReading:
    """What a charge class says: its grade and, for Maine, its letter."""

    grade: Grade
    me_class: str | None
    source: str


@cache
def entries() -> tuple[OffenceEntry, ...]:
    """The offence vocabulary in file order."""
    return tuple(_entry(line, row) for line, row in read_vocabulary(_FILE, _COLUMNS))


def _entry(line: int, row: Row) -> OffenceEntry:
    pattern = rf"\b(?:{row['pattern']})\b" if row["match"] == "text" else row["pattern"]
    try:
        kinds = frozenset(OffenceKind(kind) for kind in row["kinds"].split())
        base = None if row["base"] == "GRADED" else Severity(row["base"])
        grade = Grade(row["grade"]) if row["grade"] else None
    except ValueError as exc:
        raise SourceError(str(exc), _FILE, line, "kinds/base/grade") from exc
    if row["match"] not in ("statute", "ncic", "text"):
        raise SourceError(f"{row['match']!r} is not statute, ncic or text", _FILE, line, "match")
    return OffenceEntry(
        match=row["match"],
        pattern=compile_pattern(_statute_pattern(row) or pattern, _FILE, line),
        label=row["label"],
        kinds=kinds,
        ncic=row["ncic"] or None,
        base=base,
        grade=grade,
        me_class=row["me_class"] or None,
        violent={name: flag(row, name, _FILE, line) is True for name in _VIOLENCE},
        against_person=flag(row, "against_person", _FILE, line) is True,
        armed=flag(row, "armed", _FILE, line) is True,
        agg=row["agg"] or None,
        source=row["source"],
    )


def _statute_pattern(row: Row) -> str | None:
    """A statute row's key as a literal pattern: `US 18 922(G)` means those characters."""
    return re.escape(row["pattern"].upper()) if row["match"] == "statute" else None


def find(statute: str | None, description: str | None, state: str | None) -> Found | None:
    """The entry for a statute, else an NCIC code, else a description; None if none matches."""
    return (
        _by_statute(statute, state)
        or _by_ncic(statute)
        or _by_ncic(description)
        or _by_text(description)
    )


def statute_keys(statute: str, state: str | None) -> tuple[str, ...]:
    """`JURISDICTION TITLE SECTION` keys, most specific first; empty if not a statute."""
    parsed = _STATUTE.match(statute)
    if not parsed:
        return ()
    code = re.sub(r"[^a-z]", "", (parsed["code"] or "").lower())
    place = {"mrs": "ME", "mrsa": "ME", "usc": "US", "usca": "US"}.get(code) or (state or "")
    if not place:
        return ()
    title = re.sub(r"^(\d+)-?([a-z])$", r"\1-\2", parsed["title"].lower())
    section = re.sub(r"\s", "", parsed["section"])
    keys = [section]
    while "(" in keys[-1]:
        keys.append(keys[-1][: keys[-1].rindex("(")])
    return tuple(f"{place} {title} {key}".upper() for key in keys)


def _by_statute(statute: str | None, state: str | None) -> Found | None:
    for key in statute_keys(statute or "", (state or "").upper()):
        for entry in entries():
            if entry.match == "statute" and entry.pattern.fullmatch(key):
                return Found(entry, "statute", (statute or "").strip())
    return None


def _by_ncic(text: str | None) -> Found | None:
    code = _NCIC.match(text or "")
    if not code:
        return None
    for entry in entries():
        if entry.match == "ncic" and entry.pattern.fullmatch(code["code"]):
            return Found(entry, "NCIC code", code["code"])
    return None


def _by_text(description: str | None) -> Found | None:
    words = expand(description or "")
    best: tuple[int, OffenceEntry, str] | None = None
    for entry in entries():
        found = entry.pattern.search(words) if entry.match == "text" else None
        if found and (best is None or len(found[0]) > best[0]):
            best = (len(found[0]), entry, found[0])
    return Found(best[1], "description", best[2]) if best else None


def expand(description: str) -> str:
    """The description normalised, with abbreviations spelt out (`agg poss` → `aggravated…`)."""
    words = _words()
    return " ".join(words.get(word, word) for word in normalise(description).split())


@cache
def _words() -> dict[str, str]:
    return {row["short"]: row["long"] for _, row in read_vocabulary(_WORDS, ("short", "long"))}


def read_class(charge_class: str | None, state: str | None) -> ClassReading | None:
    """The grade a charge class states, or None when it is empty or not understood."""
    words, place = normalise(charge_class or ""), (state or "").upper()
    if not words:
        return None
    for row_state, pattern, reading in _classes():
        if row_state and place and row_state != place:
            continue
        if row_state and not place and row_state != "ME":
            continue  # only Maine's letters are assumed when no state is given
        if pattern.fullmatch(words):
            return reading
    return None


@cache
def _classes() -> tuple[tuple[str, re.Pattern[str], ClassReading], ...]:
    needed = ("state", "pattern", "grade", "me_class", "source")
    rows = read_vocabulary(_CLASSES, needed)
    return tuple(
        (
            row["state"].upper(),
            compile_pattern(row["pattern"], _CLASSES, line),
            ClassReading(Grade(row["grade"]), row["me_class"] or None, row["source"]),
        )
        for line, row in rows
    )
