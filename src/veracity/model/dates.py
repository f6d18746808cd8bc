"""Dates that keep their precision: a year, a year and month, or a full day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}


class Precision(StrEnum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to a year, a month or a day; `circa` marks an approximate date."""

    year: int
    month: int | None = None
    day: int | None = None
    circa: bool = False

    def __post_init__(self) -> None:
        if not 1000 <= self.year <= 2999:
            raise ValueError(f"year {self.year} out of range")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} out of range")
        if self.day is not None and (self.month is None or not 1 <= self.day <= 31):
            raise ValueError(f"day {self.day} out of range")

    @property
    def precision(self) -> Precision:
        """The finest part of the date that is known."""
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def iso(self) -> str:
        """ISO 8601 at the date's own precision: `1962`, `1962-05` or `1962-05-17`."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return ("circa " if self.circa else "") + self.iso()

    @classmethod
    def from_iso(cls, text: str, circa: bool = False) -> PartialDate:
        """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time part is ignored)."""
        match = _ISO.fullmatch(text.strip()[:10])
        if match is None:
            raise ValueError(f"not an ISO date: {text!r}")
        year, month, day = match.groups()
        return cls(int(year), _int(month), _int(day), circa)


_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DMY = re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})")
_MY = re.compile(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{4})")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_YEAR = re.compile(r"(\d{4})")
_RANGE = re.compile(r"(.+?)\s+(?:to|-|–)\s+(.+)")
_CIRCA = re.compile(r"^(?:circa|c\.|approximately|approx\.?|about)\s+", re.IGNORECASE)


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def parse_date(text: str, day_first: bool = True) -> PartialDate:
    """Parse one date as lists write it: `12 Jan 1962`, `Jan 1962`, `1962-01-12`, `12/01/1962`,
    `1962`, optionally preceded by `circa`. Raises ValueError when it is not a date."""
    raw = text.strip().rstrip(".;,")
    circa = bool(_CIRCA.match(raw))
    raw = _CIRCA.sub("", raw)
    if m := _ISO.fullmatch(raw):
        return PartialDate(int(m[1]), _int(m[2]), _int(m[3]), circa)
    if m := _DMY.fullmatch(raw):
        return PartialDate(int(m[3]), _month(m[2]), int(m[1]), circa)
    if m := _MY.fullmatch(raw):
        return PartialDate(int(m[2]), _month(m[1]), None, circa)
    if m := _SLASH.fullmatch(raw):
        day, month = (int(m[1]), int(m[2])) if day_first else (int(m[2]), int(m[1]))
        return PartialDate(int(m[3]), month, day, circa)
    raise ValueError(f"not a date: {text!r}")


def _month(name: str) -> int:
    try:
        return MONTHS[name[:3].lower()]
    except KeyError:
        raise ValueError(f"unknown month {name!r}") from None


def parse_dates(text: str, day_first: bool = True) -> list[PartialDate]:
    """Parse a date or a range (`1960 to 1962` gives each year, each marked circa)."""
    raw = text.strip().rstrip(".;,")
    if m := _RANGE.fullmatch(raw):
        start, end = parse_date(m[1], day_first), parse_date(m[2], day_first)
        if start.precision == Precision.YEAR and end.precision == Precision.YEAR:
            if not 0 <= end.year - start.year <= 30:
                raise ValueError(f"implausible year range: {text!r}")
            return [PartialDate(y, circa=True) for y in range(start.year, end.year + 1)]
        return [start, end]
    return [parse_date(raw, day_first)]
