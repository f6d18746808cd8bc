"""The candidate index against a plain dict-and-loop oracle of the same search."""

from __future__ import annotations

import pickle
import random

import numpy as np
import pytest

from veracity.matching.index import CandidateIndex, renderings
from veracity.matching.postings import query_keys
from veracity.model import Schema
from veracity.names import PreparedName, prepare

from .conftest import listed
from .test_align import WORDS, random_names


def oracle_hits(index: CandidateIndex, token: str) -> dict[int, float]:
    found: dict[int, float] = {}
    for key, exactness in query_keys(token):
        for e in index.postings.get(key, ()):
            if found.get(int(e), 0.0) < exactness:
                found[int(e)] = exactness
    return found


def oracle_candidates(index: CandidateIndex, query: PreparedName, share: float) -> dict[int, float]:
    """The search as a loop over dicts: rarest token first, common ones only add (MaxScore)."""
    priority: dict[int, float] = {}
    for rendering in renderings(query):
        tokens = sorted(
            {t for t in rendering.tokens if len(t) > 1 or t.isdigit()},
            key=index.weights.weight,
            reverse=True,
        )
        weights = [index.weights.weight(t) for t in tokens]
        total = sum(weights) + 1e-9
        support: dict[int, float] = {}
        remaining = total
        for token, weight in zip(tokens, weights, strict=True):
            hits = oracle_hits(index, token)
            if remaining >= share * total:
                for e, x in hits.items():
                    support[e] = support.get(e, 0.0) + weight * x
            else:
                for e in support:
                    if e in hits:
                        support[e] += weight * hits[e]
            remaining -= weight
        for e, s in support.items():
            if s >= share * total:
                p = s / total + min(1.0, s / float(index.entry_weights[e]))
                if priority.get(e, 0.0) < p:
                    priority[e] = p
    return priority


@pytest.fixture(scope="module")
def index() -> CandidateIndex:
    names = random_names(11, 400)
    schemas = ("Person", "Company", "Vessel")
    parties = [listed(f"x{i}", schemas[i % 3], n) for i, n in enumerate(names)]
    return CandidateIndex(parties, "test")


@pytest.mark.parametrize("share", [0.2, 0.3, 0.6])
def test_candidates_are_the_oracles_in_its_order(index: CandidateIndex, share: float) -> None:
    for i, query in enumerate(random_names(12, 80)):
        probe = prepare(query, ("person", "org", "any")[i % 3])
        got, want = index.candidates(probe, share), oracle_candidates(index, probe, share)
        assert list(got.items()) == list(want.items())


def test_ranked_is_a_stable_sort_of_the_candidates(index: CandidateIndex) -> None:
    rng = random.Random(13)
    allowed = np.array([index.parties[e.party].schema == Schema.PERSON for e in index.entries])
    for query in random_names(14, 60):
        probe = prepare(query)
        found = index.candidates(probe, 0.3)
        ordered = sorted(found, key=lambda e: -found[e])
        assert index.ranked(probe, 0.3).tolist() == ordered
        limit = rng.randint(1, 12)
        people = [e for e in ordered if allowed[e]][:limit]
        assert index.ranked(probe, 0.3, allowed, limit).tolist() == people


def test_a_query_token_meets_names_in_the_order_its_keys_do(index: CandidateIndex) -> None:
    for token in [*WORDS, "mohamad", "smit", "hassen", "abdulrahmen"]:
        ids, exactness = index._hits(token)
        want = oracle_hits(index, token)
        assert ids.tolist() == list(want) and exactness.tolist() == list(want.values())


def test_the_index_pickles_without_its_caches(index: CandidateIndex) -> None:
    probe = prepare("mohammed ali")
    before = index.candidates(probe)
    copy = pickle.loads(pickle.dumps(index))
    assert "_hit_cache" not in copy.__dict__ and "_local" not in copy.__dict__
    assert copy.candidates(probe) == before
    assert copy.entries[0].sides == index.entries[0].sides
