"""The comparisons of two person records: one per field, each a ladder of levels.

A comparison's levels are data (`Level`: a name, the sentence a user reads, whether the value's
frequency weighs it); the functions that pick a level live in `compare_names`, `compare_dates`
and `compare_text`. `compare_vector` compares two prepared records on every comparison at
once, which is what both batch linkage and the one-pair `compare_persons` call.
The birth year is compared only when a date is not known to the day (see `compare_dates`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from veracity.linkage import frequencies
from veracity.linkage.compare_dates import compare_birth
from veracity.linkage.compare_names import compare_names
from veracity.linkage.compare_text import compare_text
from veracity.linkage.records import TEXT_FIELDS, Prepared


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a comparison."""

    name: str
    sentence: str
    """What the level says about the pair, as a user reads it."""
    frequency: bool = False
    """An agreement whose weight depends on how common the agreeing value is."""


@dataclass(frozen=True, slots=True)
class Comparison:
    """One field compared, in levels from the best agreement to a disagreement."""

    name: str
    kind: str
    """Which default parameters apply: `given`, `surname`, `date`, `year`, `state`, `country`
    or `text`."""
    levels: tuple[Level, ...]
    table: str | None = None
    """The frequency table of the values (see `NameFrequencies`)."""


def _name_levels(label: str, part: str) -> tuple[Level, ...]:
    return (
        Level("exact", f"The {label} are the same.", frequency=True),
        Level("part", part, frequency=label == "surnames"),
        Level("typo", f"The {label} differ by a typo or a spelling variant."),
        Level("initial", f"One of the {label} is the initial of the other."),
        Level("similar", f"The {label} are similar."),
        Level("different", f"The {label} are different."),
    )


GIVEN_NAME = Comparison(
    "given_name",
    "given",
    _name_levels("given names", "The given names are forms of one name or share a name."),
    frequencies.GIVEN,
)
SURNAME = Comparison(
    "surname",
    "surname",
    _name_levels("surnames", "The surnames share a part."),
    frequencies.SURNAME,
)
BIRTH_DATE = Comparison(
    "birth_date",
    "date",
    (
        Level("exact", "The dates of birth are the same."),
        Level("transposed", "The dates of birth are the same with day and month swapped."),
        Level("typo", "The dates of birth differ by one digit."),
        Level("month", "The dates of birth are within a month of each other."),
        Level("year", "The dates of birth are within a year of each other."),
        Level("decade", "The dates of birth are within ten years of each other."),
        Level("different", "The dates of birth are more than ten years apart."),
    ),
)
BIRTH_YEAR = Comparison(
    "birth_year",
    "year",
    (
        Level("same", "The birth years are the same."),
        Level("one_apart", "The birth years are one apart."),
        Level("different", "The birth years are more than one year apart."),
    ),
)


def text_comparison(field: str) -> Comparison:
    """The comparison of a text field (`place`, `email`, an extra field such as `postcode`)."""
    label = field.replace("_", " ")
    levels = (
        Level("exact", f"The {label} is the same.", frequency=True),
        Level("typo", f"The {label} differs by a typo."),
        Level("similar", f"The {label} is similar."),
        Level("different", f"The {label} is different."),
    )
    kind = field if field in ("state", "country") else "text"
    return Comparison(field, kind, levels, field)


@lru_cache(maxsize=64)
def person_comparisons(extra_fields: tuple[str, ...] = ()) -> tuple[Comparison, ...]:
    """Every comparison of two person records with these extra fields, in vector order."""
    texts = tuple(text_comparison(field) for field in (*TEXT_FIELDS, *extra_fields))
    return (GIVEN_NAME, SURNAME, BIRTH_DATE, BIRTH_YEAR, *texts)


Vector = tuple[list[int], list[str | None], bool]
"""(level of each comparison, the value whose frequency weighs it, names swapped)."""


def compare_vector(a: Prepared, b: Prepared) -> Vector:
    """Compare two prepared records on every comparison (in `person_comparisons` order)."""
    given, surname, swapped = compare_names(a, b)
    date_level, year_level = compare_birth(a, b)
    texts = [compare_text(left, right) for left, right in zip(a.texts, b.texts, strict=True)]
    levels = [given[0], surname[0], date_level, year_level, *(level for level, _ in texts)]
    values = [given[1], surname[1], None, None, *(value for _, value in texts)]
    return levels, values, swapped
