"""`compare_persons`: one pair, scored with the default model and explained line by line."""

from __future__ import annotations

import time

import pytest

from tests.linkage.factories import person
from veracity.linkage import NameFrequencies, compare_persons
from veracity.linkage.frequencies import GIVEN, SURNAME

# A small table in the Census's proportions: GARCIA is common, CORREIA rare.
FREQS = NameFrequencies(
    {
        SURNAME: {"garcia": 0.0038, "correia": 0.000034, "lopez": 0.0029, "smith": 0.0083},
        GIVEN: {"maria": 0.0055, "john": 0.0103, "robert": 0.009, "bob": 0.0002},
    },
    {SURNAME: 1.5e-7, GIVEN: 1.5e-7},
)


def test_name_alone_is_never_a_match() -> None:
    # court_records.md §3.1: a common name with nothing else is "someone with that name".
    score = compare_persons(
        person("a", "Maria", "Garcia", None), person("b", "Maria", "Garcia"), FREQS
    )
    assert score.probability < 0.01


def test_name_and_full_birth_date_is_a_match() -> None:
    a, b = person("a", "Maria", "Correia"), person("b", "Maria", "Correia")
    assert compare_persons(a, b, FREQS).probability > 0.99


def test_a_rare_surname_is_stronger_evidence_than_a_common_one() -> None:
    common = compare_persons(person("a", "Maria", "Garcia"), person("b", "Maria", "Garcia"), FREQS)
    rare = compare_persons(person("a", "Maria", "Correia"), person("b", "Maria", "Correia"), FREQS)
    assert rare.bits > common.bits


def test_double_surname_nickname_and_transposed_date_still_link() -> None:
    a = person("a", "Robert", "Lopez-Cortez", "1980-05-07", state="TX")
    b = person("b", "Bob", "López", "1980-07-05", state="TX")
    score = compare_persons(a, b, FREQS)
    levels = {c.comparison: c.level for c in score.contributions}
    assert levels["given_name"] == "part" and levels["surname"] == "part"
    assert levels["birth_date"] == "transposed"
    assert score.bits > compare_persons(a, person("c", "Susan", "Smith"), FREQS).bits


def test_every_contribution_has_a_sentence_with_both_values() -> None:
    a, b = person("a", "Maria", "Lopez", "1980-05-17"), person("b", "Maria", "Lopez", "1980")
    score = compare_persons(a, b, FREQS)
    by_name = {c.comparison: c for c in score.contributions}
    assert by_name["surname"].sentence == (
        "The surnames are the same (Lopez / Lopez, held by 1 in 345)."
    )
    assert by_name["birth_year"].sentence == "The birth years are the same (1980-05-17 / 1980)."
    assert by_name["birth_date"].bits == 0.0 and by_name["birth_date"].level == "missing"
    lines = score.explain()
    assert "before comparing" in lines[0] and lines[-1].startswith("= ")
    assert sum(c.bits for c in score.contributions) + score.prior_bits == pytest.approx(score.bits)


def test_swapped_names_are_explained_with_the_values_compared() -> None:
    score = compare_persons(person("a", "Smith", "John"), person("b", "John", "Smith"), FREQS)
    assert score.swapped
    given = next(c for c in score.contributions if c.comparison == "given_name")
    assert given.level == "exact" and "(Smith / Smith" in given.sentence


def test_one_pair_takes_well_under_a_millisecond() -> None:
    a = person("a", "Maria José", "López-Cortés", "1980-05-17", state="TX")
    b = person("b", "Maria", "Lopez", "1980-07-05", state="TX")
    compare_persons(a, b, FREQS)
    start = time.perf_counter()
    for _ in range(500):
        compare_persons(a, b, FREQS)
    assert (time.perf_counter() - start) / 500 < 0.001
