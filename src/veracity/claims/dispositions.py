"""Raw court disposition text -> what it means (research/court_records.md §2.1, §2.2, §2.4).

The vocabulary is data (`data/dispositions.csv`, every entry citing its source): the text is
normalised and must match an entry's pattern in full, first entry first. Text no entry matches
is reported as unknown (status None) and never guessed. A reading keeps two conviction flags,
because the law differs: a Maine deferred disposition (guilty plea, sentence deferred) is not a
conviction under Maine law but is one under 8 U.S.C. 1101(a)(48)(A).

`check_vocabulary` runs the vocabulary over the Cook County felony disposition outcomes file and
reports every string, the shares by status and by §2.2 row, and the strings nobody knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TypeVar

from veracity.claims.vocabulary import compile_pattern, flag, normalise, read_vocabulary
from veracity.exc import SourceError
from veracity.model.justice import Status
from veracity.sources.tabular import read_rows

_FILE = "dispositions.csv"
_COLUMNS = (
    "pattern", "state", "status", "outcome", "state_law_conviction", "immigration_conviction",
    "criminal", "with_prejudice", "reinstatable", "not_disclosable", "label", "why", "source",
)  # fmt: skip
_PREJUDICE = re.compile(r"\b(with|without) prej(udice)?\b")


class Outcome(StrEnum):
    """The row of the §2.2 table a disposition belongs to; statistics are grouped by it."""

    CONVICTION = "CONVICTION"
    ACQUITTAL = "ACQUITTAL"
    DISMISSAL = "DISMISSAL"
    FILED = "FILED"
    DEFERRED = "DEFERRED"
    PENDING = "PENDING"
    NOT_DISCLOSABLE = "NOT_DISCLOSABLE"
    """Expunged, sealed or vacated: the record proves a charge existed, nothing more."""
    NO_CONVICTION_OTHER = "NO_CONVICTION_OTHER"
    """Death of the defendant, Finding Not Not Guilty, Sexually Dangerous Person."""
    CIVIL = "CIVIL"
    """A civil infraction or violation: never a crime."""


@dataclass(frozen=True, slots=True)
class DispositionReading:
    """What one disposition text means, and the vocabulary rule that says so."""

    raw: str
    status: Status | None
    """None only when the text matched no vocabulary entry."""
    state_law_conviction: bool
    immigration_conviction: bool
    """8 U.S.C. 1101(a)(48)(A): a judgment of guilt, or a plea/admission plus any penalty."""
    criminal: bool
    """False for a civil infraction or violation (and for unknown text: nothing is asserted)."""
    with_prejudice: bool | None
    reinstatable: bool | None
    not_disclosable: bool
    """Expunged, sealed or vacated: do not infer guilt."""
    rule: str
    """For people: which vocabulary entry matched and why it means this status."""
    outcome: Outcome | None = None
    """The §2.2 row; None when unknown."""


@dataclass(frozen=True, slots=True)
class _Entry:
    pattern: re.Pattern[str]
    state: str
    status: Status
    outcome: Outcome
    flags: Mapping[str, bool | None]
    label: str
    why: str
    source: str


@cache
def _entries() -> tuple[_Entry, ...]:
    return tuple(_entry(line, row) for line, row in read_vocabulary(_FILE, _COLUMNS))


def _entry(line: int, row: dict[str, str]) -> _Entry:
    try:
        status, outcome = Status(row["status"]), Outcome(row["outcome"])
    except ValueError as exc:
        raise SourceError(str(exc), _FILE, line, "status/outcome") from exc
    names = _COLUMNS[4:10]
    return _Entry(
        pattern=compile_pattern(row["pattern"], _FILE, line),
        state=row["state"].upper(),
        status=status,
        outcome=outcome,
        flags={name: flag(row, name, _FILE, line) for name in names},
        label=row["label"],
        why=row["why"],
        source=row["source"],
    )


def classify_disposition(raw: str | None, state: str | None = None) -> DispositionReading:
    """Read a raw disposition; empty means no disposition yet (PENDING), unknown gives None."""
    text = (raw or "").strip()
    if not text:
        return _pending(text)
    words = normalise(text)
    prejudice = _PREJUDICE.search(words)
    if prejudice:
        words = " ".join(_PREJUDICE.sub(" ", words).split())
    place = (state or "").strip().upper()
    entry = _match(words, place)
    if entry is None:
        return _unknown(text)
    reading = _read(text, entry, place)
    return _with(reading, prejudice.group(1) == "with") if prejudice else reading


def _match(words: str, state: str) -> _Entry | None:
    for entry in _entries():
        if entry.state and state and entry.state != state:
            continue
        if entry.pattern.fullmatch(words):
            return entry
    return None


def _read(raw: str, entry: _Entry, state: str) -> DispositionReading:
    flags = entry.flags
    assumed = (
        f" ({entry.state} vocabulary; the record gave no state)"
        if entry.state and not state
        else ""
    )
    return DispositionReading(
        raw=raw,
        status=entry.status,
        state_law_conviction=bool(flags["state_law_conviction"]),
        immigration_conviction=bool(flags["immigration_conviction"]),
        criminal=bool(flags["criminal"]),
        with_prejudice=flags["with_prejudice"],
        reinstatable=flags["reinstatable"],
        not_disclosable=bool(flags["not_disclosable"]),
        rule=f"{raw!r} is {entry.label}{assumed} → {entry.status}: {entry.why} [{entry.source}]",
        outcome=entry.outcome,
    )


def _with(reading: DispositionReading, with_prejudice: bool) -> DispositionReading:
    words = "with prejudice: it cannot be brought again" if with_prejudice else "without prejudice"
    return replace(reading, with_prejudice=with_prejudice, rule=f"{reading.rule}; {words}")


def _pending(raw: str) -> DispositionReading:
    rule = "no disposition recorded yet: the charge is PENDING [§2.1]"
    return DispositionReading(
        raw, Status.PENDING, False, False, True, None, None, False, rule, Outcome.PENDING
    )


def _unknown(raw: str) -> DispositionReading:
    rule = f"{raw!r} matches no entry of the disposition vocabulary: status UNKNOWN, not guessed"
    return DispositionReading(raw, None, False, False, False, None, None, False, rule, None)


# --- checking the vocabulary against a real file ---------------------------------------------

_NEEDED = ("DISPOSITION", "DEFENDANT COUNT")
_K = TypeVar("_K", Status, Outcome)
_SUMMARY = {
    Outcome.CONVICTION: "convicted",
    Outcome.DISMISSAL: "dismissed",
    Outcome.ACQUITTAL: "acquitted",
}  # every other outcome, unknown strings and blanks are "other", as in the research note §2.2


@dataclass(frozen=True, slots=True)
class DispositionCount:
    """One distinct disposition string of a file, how it reads and whom it covers."""

    reading: DispositionReading
    defendants: int
    rows: int


@dataclass(frozen=True, slots=True)
class VocabularyReport:
    """Every disposition string of an aggregate file with its status, weighted by defendants.

    A blank disposition in an aggregate file is a missing value, not a pending case (the file
    counts disposition events, so each row had one): it is counted apart and given no status.
    Shares are of all defendants, blanks included, so the shares and the blank share add to 1.
    """

    path: Path
    counts: tuple[DispositionCount, ...]
    """Every distinct non-blank string, most defendants first."""
    blank_defendants: int
    blank_rows: int

    @property
    def total(self) -> int:
        """All defendants in the file, blank dispositions included."""
        return self.blank_defendants + sum(c.defendants for c in self.counts)

    @property
    def unknown(self) -> tuple[str, ...]:
        """The strings no vocabulary entry matches."""
        return tuple(c.reading.raw for c in self.counts if c.reading.status is None)

    @property
    def shares(self) -> dict[Status, float]:
        """The share of all defendants with each status."""
        return self._shares(lambda c: c.reading.status)

    @property
    def outcome_shares(self) -> dict[Outcome, float]:
        """The share of all defendants in each §2.2 row."""
        return self._shares(lambda c: c.reading.outcome)

    @property
    def summary(self) -> dict[str, float]:
        """The research note's split: convicted, dismissed, acquitted, other (blanks included)."""
        out = dict.fromkeys((*_SUMMARY.values(), "other"), 0.0)
        for outcome, share in self.outcome_shares.items():
            out[_SUMMARY.get(outcome, "other")] += share
        out["other"] += self.share(self.blank_defendants + self._unknown_defendants())
        return out

    def share(self, defendants: int) -> float:
        """`defendants` as a share of all defendants in the file."""
        return defendants / self.total if self.total else 0.0

    def _unknown_defendants(self) -> int:
        return sum(c.defendants for c in self.counts if c.reading.status is None)

    def _shares(self, key: Callable[[DispositionCount], _K | None]) -> dict[_K, float]:
        weights: dict[_K, int] = {}
        for count in self.counts:
            value = key(count)
            if value is not None:
                weights[value] = weights.get(value, 0) + count.defendants
        return {value: self.share(n) for value, n in weights.items()}

    def as_dict(self) -> dict[str, object]:
        """The report as JSON-ready data."""
        strings = [
            {
                "disposition": c.reading.raw,
                "status": c.reading.status.value if c.reading.status else None,
                "outcome": c.reading.outcome.value if c.reading.outcome else None,
                "defendants": c.defendants,
                "rule": c.reading.rule,
            }
            for c in self.counts
        ]
        return {
            "file": str(self.path),
            "defendants": self.total,
            "blank": {"defendants": self.blank_defendants, "rows": self.blank_rows},
            "strings": strings,
            "shares_by_status": {k.value: v for k, v in self.shares.items()},
            "shares_by_outcome": {k.value: v for k, v in self.outcome_shares.items()},
            "summary": self.summary,
            "unknown": list(self.unknown),
        }


def check_vocabulary(path: Path, state: str | None = "IL") -> VocabularyReport:
    """Read every disposition string of an outcomes file (Cook County layout) and its status."""
    tally: dict[str, tuple[int, int]] = {}
    try:
        for line, row in read_rows(path, needed=_NEEDED):
            defendants = _defendants(row["DEFENDANT COUNT"], path, line)
            seen, rows = tally.get(row["DISPOSITION"], (0, 0))
            tally[row["DISPOSITION"]] = (seen + defendants, rows + 1)
    except OSError as exc:
        raise SourceError(f"cannot be read: {exc.strerror or exc}", path) from exc
    blank_defendants, blank_rows = tally.pop("", (0, 0))
    counts = sorted(
        (
            DispositionCount(classify_disposition(raw, state), n, rows)
            for raw, (n, rows) in tally.items()
        ),
        key=lambda c: (-c.defendants, c.reading.raw),
    )
    return VocabularyReport(path, tuple(counts), blank_defendants, blank_rows)


def _defendants(value: str, path: Path, line: int) -> int:
    if not value.isdigit():
        raise SourceError(f"{value!r} is not a count of defendants", path, line, "DEFENDANT COUNT")
    return int(value)
