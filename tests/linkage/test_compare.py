"""Comparison levels: names (double surnames, variants, swaps), birth dates, text fields."""

from __future__ import annotations

import pytest

from tests.linkage.factories import prepared
from veracity.linkage.compare import compare_vector, person_comparisons
from veracity.linkage.compare_dates import DateLevel, YearLevel, compare_birth
from veracity.linkage.compare_names import NULL, NameLevel, compare_names
from veracity.linkage.compare_text import TextLevel, compare_text


def names(a: tuple[str, str], b: tuple[str, str]) -> tuple[int, int, bool]:
    given, surname, swapped = compare_names(prepared(*a), prepared(*b))
    return given[0], surname[0], swapped


@pytest.mark.parametrize(
    ("left", "right", "level"),
    [
        ("López-Cortés", "Lopez Cortes", NameLevel.EXACT),  # accents, hyphen or space
        ("Lopez Cortez", "LopezCortez", NameLevel.EXACT),  # concatenated, as the Census writes it
        ("Lopez-Cortez", "Lopez", NameLevel.PART),  # paternal only
        ("Lopez-Cortez", "Cortez", NameLevel.PART),  # maternal only
        ("Cortez", "Cortes", NameLevel.TYPO),  # Z/S
        ("Lopez-Cortez", "Lopes", NameLevel.TYPO),  # a part, Z/S
        ("de la Rosa", "Rosa", NameLevel.EXACT),  # particles are optional
        ("Taylor", "Tayler", NameLevel.TYPO),
        ("Watson", "Wtason", NameLevel.TYPO),  # transposed letters
        ("Smith", "Jones", NameLevel.DIFFERENT),
    ],
)
def test_surname_levels(left: str, right: str, level: NameLevel) -> None:
    assert names(("Maria", left), ("Maria", right))[1] == level


def test_surname_part_is_weighed_by_the_shared_part() -> None:
    _, surname, _ = compare_names(prepared("Maria", "Lopez-Cortez"), prepared("Maria", "Lopez"))
    assert surname == (NameLevel.PART, "lopez")


@pytest.mark.parametrize(
    ("left", "right", "level"),
    [
        ("Robert", "Robert", NameLevel.EXACT),
        ("John Paul", "John", NameLevel.EXACT),  # the first given name
        ("Bob", "Robert", NameLevel.PART),  # a short form
        ("Mohamed", "Muhammad", NameLevel.PART),  # a transliteration variant
        ("Maria Jose", "Jose", NameLevel.PART),  # a middle name used as first
        ("Jonathon", "Jonathan", NameLevel.TYPO),
        ("J", "John", NameLevel.INITIAL),
        ("Robert", "Susan", NameLevel.DIFFERENT),
    ],
)
def test_given_name_levels(left: str, right: str, level: NameLevel) -> None:
    assert names((left, "Smith"), (right, "Smith"))[0] == level


def test_swapped_names_are_compared_crosswise() -> None:
    assert names(("Noah", "Watson"), ("Watson", "Noah")) == (
        NameLevel.EXACT,
        NameLevel.EXACT,
        True,
    )


def test_a_name_in_the_other_field_is_found_when_one_side_is_missing() -> None:
    given, surname, swapped = names(("", "Smith"), ("Smith", "Amber"))
    assert swapped and surname == NameLevel.EXACT and given == NULL


def test_missing_names_are_null() -> None:
    given, surname, _ = compare_names(prepared("", "Smith"), prepared("John", ""))
    assert given[0] == NULL or surname[0] == NULL


@pytest.mark.parametrize(
    ("left", "right", "level"),
    [
        ("1980-05-17", "1980-05-17", DateLevel.EXACT),
        ("1980-05-07", "1980-07-05", DateLevel.TRANSPOSED),  # US and international order
        ("1980-05-17", "1980-05-18", DateLevel.TYPO),
        ("1980-05-17", "1980-06-10", DateLevel.MONTH),
        ("1980-05-17", "1981-02-01", DateLevel.YEAR),
        ("1980-05-17", "1975-02-01", DateLevel.DECADE),
        ("1980-05-17", "1950-02-01", DateLevel.DIFFERENT),
    ],
)
def test_full_date_levels(left: str, right: str, level: DateLevel) -> None:
    assert compare_birth(prepared(dob=left), prepared(dob=right)) == (level, NULL)


@pytest.mark.parametrize(
    ("left", "right", "level"),
    [
        ("1980", "1980-05-17", YearLevel.SAME),  # an age made into a year
        ("1979", "1980-05-17", YearLevel.ONE_APART),  # ... off by one
        ("1975", "1980", YearLevel.DIFFERENT),
        ("1980-01-01", "1980-01-01", YearLevel.SAME),  # the placeholder says only the year
        ("1980-01-01", "1980-06-30", YearLevel.SAME),
    ],
)
def test_year_only_and_placeholder_dates_compare_years(
    left: str, right: str, level: YearLevel
) -> None:
    assert compare_birth(prepared(dob=left), prepared(dob=right)) == (NULL, level)


def test_a_missing_date_is_null_on_both() -> None:
    assert compare_birth(prepared(dob=None), prepared(dob="1980")) == (NULL, NULL)


@pytest.mark.parametrize(
    ("left", "right", "level"),
    [
        ("london", "london", TextLevel.EXACT),
        ("4011", "4017", TextLevel.TYPO),
        ("bolton", "blotno", TextLevel.TYPO),  # the same letters
        ("london", "leeds", TextLevel.DIFFERENT),
        ("", "leeds", NULL),
    ],
)
def test_text_levels(left: str, right: str, level: int) -> None:
    assert compare_text(left, right)[0] == level


def test_the_vector_follows_the_comparisons() -> None:
    levels, values, _ = compare_vector(prepared(dob="1980-05-17"), prepared(dob="1980-05-17"))
    assert len(levels) == len(values) == len(person_comparisons())
    assert levels[:3] == [NameLevel.EXACT, NameLevel.EXACT, DateLevel.EXACT]
    assert values[:2] == ["john", "smith"]


def test_every_level_has_a_sentence() -> None:
    for comparison in person_comparisons(("postcode",)):
        assert all(level.sentence.endswith(".") for level in comparison.levels)
