"""ICE's "currently detained by criminality" series: counts and shares per biweekly table.

ICE sorts detainees three ways (research/court_records.md §1.1): Convicted Criminal, Pending
Criminal Charges (charged, not convicted) and Other Immigration Violator (neither; the raw file
has no such row, so it is Total - Convicted - Pending). TRAC's "no criminal conviction" is
Pending + Other, i.e. 100% - Convicted (§1.5); ICE's headline "criminal" merges convictions with
pending charges (§1.1). Reads the Deportation Data Project's long parquet or the wide series CSV
derived from it, applies the quality rules of shared/data/justice/PROVENANCE.md §1 and reports
every table it drops or distrusts, with the reason.

The readers are in `ice_read.py`; the check of a claimed share against the series is in
`ice_claims.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from veracity.exc import NotFoundError

Counts = tuple[int, int, int]
"""Total, convicted and pending: what identifies one table's figures."""

_MAX_LAG = timedelta(days=60)
"""ICE pulls the figures one to three weeks before the file date; a longer gap is a typo."""


class Quality(StrEnum):
    """A table's quality flag, named as in the series CSV (PROVENANCE.md §1)."""

    OK = "ok"
    DUPLICATE = "duplicate_of_FY2020_yearend_table"
    OUTLIER = "outlier_vs_neighbouring_snapshots"
    SUSPECT = "total_repeats_other_snapshot_with_different_components"

    @property
    def dropped(self) -> bool:
        """PROVENANCE.md §1: drop the duplicates and the outlier; keep the suspects, marked."""
        return self in (Quality.DUPLICATE, Quality.OUTLIER)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One ICE table of the people detained on a day, by criminality, with where it was read."""

    pull_date: date
    """The day ICE pulled the figures, as recorded (see `as_of` for the day charted)."""
    file_date: date
    """The date of the spreadsheet that published the table."""
    fiscal_year: int
    total: int
    convicted: int
    """Convicted Criminal: has a US criminal conviction."""
    pending: int
    """Pending Criminal Charges: charged, not convicted."""
    ice_arrested: int | None
    cbp_arrested: int | None
    line: int | str
    """The CSV line, or the parquet's "rows N-M" (one row per criminality)."""
    quality: Quality = Quality.OK
    note: str = ""
    """The file's own note on the table, if any."""

    @property
    def other(self) -> int:
        """Other Immigration Violator: neither convicted nor charged (Total - Conv. - Pending)."""
        return self.total - self.convicted - self.pending

    @property
    def counts(self) -> Counts:
        """Total, convicted and pending."""
        return (self.total, self.convicted, self.pending)

    @property
    def pct_convicted(self) -> float:
        """Share convicted, in percent of those detained."""
        return 100 * self.convicted / self.total

    @property
    def pct_pending_only(self) -> float:
        """Share with pending charges and no conviction, in percent."""
        return 100 * self.pending / self.total

    @property
    def pct_other(self) -> float:
        """Share with neither a conviction nor a pending charge, in percent."""
        return 100 * self.other / self.total

    @property
    def pct_no_conviction(self) -> float:
        """TRAC's "no criminal conviction": pending + neither = 100 - convicted, in percent."""
        return 100 * (self.total - self.convicted) / self.total

    @property
    def pct_convicted_or_pending(self) -> float:
        """ICE's headline "criminal": convicted or with pending charges, in percent."""
        return 100 * (self.convicted + self.pending) / self.total

    @property
    def as_of(self) -> date:
        """The day the figures describe: the pull date, unless `date_note` says why not."""
        return _as_of(self)[0]

    @property
    def date_note(self) -> str:
        """Why `as_of` is not the recorded pull date ("" if it is)."""
        return _as_of(self)[1]


def _next_year(day: date) -> date:
    return day.replace(year=day.year + 1, day=min(day.day, 28) if day.month == 2 else day.day)


def _as_of(s: Snapshot) -> tuple[date, str]:
    # FY23_detentionStats01192022 holds January 2023 figures (PROVENANCE.md §1).
    if s.file_date < date(s.fiscal_year - 1, 10, 1):
        day = _next_year(s.pull_date)
        return day, f"file dated {s.file_date} precedes FY{s.fiscal_year}: year typo, read {day}"
    year_end = (s.file_date.month, s.file_date.day) == (12, 31)  # year-end files hold old tables
    if s.pull_date > s.file_date or (s.file_date - s.pull_date > _MAX_LAG and not year_end):
        return s.file_date, f"pull date {s.pull_date} implausible for a file of {s.file_date}"
    return s.pull_date, ""


def percent(value: float, places: int = 1) -> float:
    """`value` rounded half up to `places` decimals, as statistics are published."""
    step = Decimal(1).scaleb(-places)
    return float(Decimal(value).quantize(step, rounding=ROUND_HALF_UP))


# The quality rules. Each rule's docstring is the reason shown for a table it flags.
Rule = Callable[[Sequence[Snapshot], set[int]], set[int]]


def repeats_fy2020_table(tables: Sequence[Snapshot], skip: set[int]) -> set[int]:
    """Repeats the FY2020 year-end table (19,068 detained) in a later fiscal year's file: the
    parser re-emitted that table (dropped)."""
    fy2020 = {s.counts for s in tables if s.fiscal_year == 2020}
    return {
        i
        for i, s in enumerate(tables)
        if i not in skip and s.fiscal_year > 2020 and s.counts in fy2020
    }


def outlier_share(tables: Sequence[Snapshot], skip: set[int]) -> set[int]:
    """Its convicted share is over 20 points from both neighbouring tables, which agree within
    5 points and lie within 45 days: a parse error, not a change (dropped)."""
    order = _in_order(tables, skip)
    flagged = set()
    for before, i, after in zip(order, order[1:], order[2:], strict=False):
        prev, s, nxt = tables[before], tables[i], tables[after]
        if nxt.as_of - prev.as_of > timedelta(days=45):
            continue
        near = abs(prev.pct_convicted - nxt.pct_convicted) <= 5
        if near and min(abs(s.pct_convicted - x.pct_convicted) for x in (prev, nxt)) > 20:
            flagged.add(i)
    return flagged


def repeats_total(tables: Sequence[Snapshot], skip: set[int]) -> set[int]:
    """Repeats the total of an earlier-published table with different convicted and pending
    counts: one of the two was mis-parsed (kept, marked suspect)."""
    first: dict[int, Counts] = {}
    flagged = set()
    for i in _in_order(tables, skip):
        if first.setdefault(tables[i].total, tables[i].counts) != tables[i].counts:
            flagged.add(i)
    return flagged


RULES: dict[Quality, Rule] = {
    Quality.DUPLICATE: repeats_fy2020_table,
    Quality.OUTLIER: outlier_share,
    Quality.SUSPECT: repeats_total,
}
"""The rules in the order they run; a table flagged by one is skipped by the next."""

REASONS: dict[Quality, str] = {q: " ".join((r.__doc__ or "").split()) for q, r in RULES.items()}


def _order(s: Snapshot) -> tuple[date, date]:
    return (s.as_of, s.file_date)


def _in_order(tables: Sequence[Snapshot], skip: set[int]) -> list[int]:
    """The indexes of the tables not in `skip`, by date."""
    return sorted((i for i in range(len(tables)) if i not in skip), key=lambda i: _order(tables[i]))


def flag(tables: Sequence[Snapshot]) -> list[Snapshot]:
    """The tables with the quality flag the rules give them (for files that carry none)."""
    flags: dict[int, Quality] = {}
    for quality, rule in RULES.items():
        flags |= dict.fromkeys(rule(tables, set(flags)), quality)
    return [replace(s, quality=flags.get(i, Quality.OK)) for i, s in enumerate(tables)]


@dataclass(frozen=True, slots=True)
class Series:
    """Every table read from one file, flagged, and what the file says that we do not."""

    path: str
    tables: tuple[Snapshot, ...]
    """Every table, in file order, dropped ones included."""
    discrepancies: tuple[str, ...] = ()
    """Figures of the file that disagree with ours (its percentages, its own flags)."""

    @property
    def dropped(self) -> tuple[Snapshot, ...]:
        """The tables left out of every figure (duplicates and outliers)."""
        return tuple(s for s in self.tables if s.quality.dropped)

    @property
    def suspect(self) -> tuple[Snapshot, ...]:
        """Tables kept but marked suspect."""
        return tuple(s for s in self.tables if s.quality is Quality.SUSPECT)

    @property
    def timeline(self) -> tuple[Snapshot, ...]:
        """Kept tables by date; a table republished in a later file (same day, same counts) once."""
        seen: set[tuple[date, Counts]] = set()
        kept = []
        for s in sorted((s for s in self.tables if not s.quality.dropped), key=_order):
            if (s.as_of, s.counts) not in seen:
                seen.add((s.as_of, s.counts))
                kept.append(s)
        return tuple(kept)

    @property
    def trusted(self) -> tuple[Snapshot, ...]:
        """The timeline without the suspect tables."""
        return tuple(s for s in self.timeline if s.quality is Quality.OK)

    @property
    def latest(self) -> Snapshot:
        """The most recent trusted table."""
        return self._trusted()[-1]

    @property
    def peak(self) -> Snapshot:
        """The trusted table with the most people detained."""
        return max(self._trusted(), key=lambda s: s.total)

    def at(self, day: date) -> Snapshot:
        """The trusted table of `day` (the latest file if several); NotFoundError if none."""
        found = [s for s in self.trusted if s.as_of == day]
        if not found:
            raise NotFoundError(f"{self.path}: no ICE detention table pulled on {day}")
        return found[-1]

    def nearest(self, day: date) -> Snapshot:
        """The trusted table closest in time to `day` (the earlier one on a tie)."""
        return min(self._trusted(), key=lambda s: abs((s.as_of - day).days))

    def _trusted(self) -> tuple[Snapshot, ...]:
        tables = self.trusted
        if not tables:
            raise NotFoundError(f"{self.path}: no usable ICE detention table")
        return tables
