"""The term of imprisonment a sentence text imposes (suspended time included, 1101(a)(48)(B))."""

from __future__ import annotations

import math

import pytest

from veracity.claims.sentences import describe_years, prison_years


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        ("4 years, all but 18 months suspended", 4.0),
        ("364 days, all but 30 days suspended", 364 / 365),
        ("$600 fine, 150-day licence suspension", None),
        ("Guilty plea; sentencing deferred 12 months, conditions imposed", None),
        ("Filed for 6 months", None),
        ("2 years probation", None),
        ("5-10 years", 10.0),
        ("1 year and 1 day", 1 + 1 / 365),
        ("10 months", 10 / 12),
        ("Life", math.inf),
        (None, None),
    ],
)
def test_prison_years(sentence: str | None, years: float | None) -> None:
    assert prison_years(sentence) == (pytest.approx(years) if years is not None else None)


@pytest.mark.parametrize(
    ("years", "words"),
    [(4.0, "4 years"), (1.5, "18 months"), (364 / 365, "364 days"), (math.inf, "life")],
)
def test_describe_years(years: float, words: str) -> None:
    assert describe_years(years) == words
