"""EM without labels, checked against the truth of a seeded generated population."""

from __future__ import annotations

import itertools

import pytest

from tests.linkage.factories import population
from veracity.linkage import LinkConfig, LinkResult, link
from veracity.linkage.compare_names import NameLevel

Generated = tuple[LinkResult, set[tuple[str, str]], int]
"""The linkage of a generated population, its true pairs, and its number of records."""


def true_pairs(truth: dict[str, int]) -> set[tuple[str, str]]:
    groups: dict[int, list[str]] = {}
    for record, who in truth.items():
        groups.setdefault(who, []).append(record)
    return {pair for g in groups.values() for pair in itertools.combinations(sorted(g), 2)}


@pytest.fixture(scope="module")
def generated() -> Generated:
    records, truth = population(400, seed=7)
    config = LinkConfig(random_pairs=50_000)
    return link(records, config=config), true_pairs(truth), len(records)


def test_em_converges(generated: Generated) -> None:
    result, _, _ = generated
    assert result.fit is not None and result.fit.converged
    assert result.fit.iterations < 50


def test_em_finds_the_number_of_matches(
    generated: Generated,
) -> None:
    result, truth, size = generated
    fit = result.fit
    assert fit is not None
    assert fit.expected_matches == pytest.approx(len(truth), rel=0.15)
    assert fit.model.prior == pytest.approx(len(truth) / (size * (size - 1) / 2), rel=0.15)


def test_em_recovers_the_generators_error_rates(
    generated: Generated,
) -> None:
    # The generator keeps a given name as it is in 85% of copies and swaps the names in 5%;
    # pairs of two copies agree less often, so m(exact) sits a little below 0.85.
    result, _, _ = generated
    m_given = result.model.m[0]
    assert 0.65 < m_given[NameLevel.EXACT] < 0.9
    assert m_given[NameLevel.DIFFERENT] < 0.1


def test_links_on_generated_data_are_right(
    generated: Generated,
) -> None:
    result, truth, _ = generated
    found = {tuple(sorted((p.left, p.right))) for p in result.links}
    hits = len(found & truth)
    assert hits / len(found) > 0.95 and hits / len(truth) > 0.9
