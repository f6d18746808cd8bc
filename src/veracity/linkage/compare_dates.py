"""Comparing two birth dates at the precision each is known (court_records.md §3.4).

Two full dates are compared by `DateLevel`, as Splink's `DateOfBirthComparison` does (exact, one
character apart, within a month, a year, ten years), with one level added: day and month
transposed (US and international formats read the other way). When either side is known only
to the year (an age in a news report, a birth year in an ICE table), is approximate, or is the
1 January placeholder written for an unknown day, only the years are compared, by `YearLevel`:
the same year, or one apart (an age converted to a birth year is off by one about as often as
not).
"""

from __future__ import annotations

import calendar
import datetime
from enum import IntEnum
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from veracity.linkage.compare_names import NULL
from veracity.linkage.records import Prepared
from veracity.model.dates import PartialDate


class DateLevel(IntEnum):
    """How two full birth dates agree, best first."""

    EXACT = 0
    TRANSPOSED = 1
    TYPO = 2
    MONTH = 3
    YEAR = 4
    DECADE = 5
    DIFFERENT = 6


class YearLevel(IntEnum):
    """How two birth years agree, best first."""

    SAME = 0
    ONE_APART = 1
    DIFFERENT = 2


@lru_cache(maxsize=65536)
def _keys(date: PartialDate) -> tuple[str, int]:
    """The ISO form and the day number of a date (a day past the month's end is its last)."""
    month = date.month or 1
    day = min(date.day or 1, calendar.monthrange(date.year, month)[1])
    return date.iso(), datetime.date(date.year, month, day).toordinal()


def compare_full(a: PartialDate, b: PartialDate) -> DateLevel:
    """The level of two birth dates known to the day."""
    (a_iso, a_day), (b_iso, b_day) = _keys(a), _keys(b)
    if a_iso == b_iso:
        return DateLevel.EXACT
    if a.year == b.year and a.day == b.month and a.month == b.day:
        return DateLevel.TRANSPOSED
    if DamerauLevenshtein.distance(a_iso, b_iso, score_cutoff=1) <= 1:
        return DateLevel.TYPO
    days = abs(a_day - b_day)
    if days <= 31:
        return DateLevel.MONTH
    if days <= 366:
        return DateLevel.YEAR
    return DateLevel.DECADE if days <= 3653 else DateLevel.DIFFERENT


def compare_years(a: int, b: int) -> YearLevel:
    """The level of two birth years."""
    apart = abs(a - b)
    return (
        YearLevel.SAME if apart == 0 else YearLevel.ONE_APART if apart == 1 else YearLevel.DIFFERENT
    )


def compare_birth(a: Prepared, b: Prepared) -> tuple[int, int]:
    """(full-date level, year level): one of them is NULL, or both when a date is missing."""
    if a.birth is None or b.birth is None:
        return NULL, NULL
    if a.birth_full and b.birth_full:
        return compare_full(a.birth, b.birth), NULL
    return NULL, compare_years(a.birth.year, b.birth.year)
