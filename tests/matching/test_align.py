"""Token pairing and the features read from it: the matcher's fast paths against the plain ones."""

from __future__ import annotations

import random

import pytest

from veracity.matching.align import MIN_SIM, Aligner, align
from veracity.matching.features import FEATURES, feature_vector
from veracity.matching.sides import side
from veracity.matching.tokens import (
    INITIAL_SIM,
    Why,
    abjad_similarity,
    may_reach,
    screen,
    token_similarity,
)
from veracity.names import TokenWeights, prepare

_TEXT = (
    "mohammed muhammad mohamed ali alee hassan hasan hussein al abdul rahman abdulrahman "
    "vladimir vladimirovich putin potanin john jon smith smyth l ron hubbard jsc argument "
    "jscargument nazih nazeeh makhlouf makhluf 3rd third xii 12 intl international trading llc "
    "oao gazprom said saeed sa id chol ju son sonng jo владимир путин محمد علي 金正恩 юрий "
    "щербаков عبد الرحمن"
)
WORDS = tuple(_TEXT.split())


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("jon", "john", Why.SHORT_FORM),
        ("3rd", "third", Why.NUMBER),
        ("11420", "belletech", Why.NUMBER_MISMATCH),
        ("intl", "international", Why.ABBREVIATION),
        ("l", "lafayette", Why.INITIAL),
        ("sech1n", "sechin", Why.SPELLING),
        ("nazeeh", "nazih", Why.VARIANT),
        ("putin", "putn", Why.SPELLING),
    ],
)
def test_the_rule_that_pairs_two_words(a: str, b: str, why: Why) -> None:
    assert token_similarity(a, b)[1] == why
    assert token_similarity(a, b) == token_similarity(b, a) or why == Why.ABBREVIATION


def test_vowelless_skeletons_pair_across_abjad_scripts() -> None:
    assert abjad_similarity("mhmd", "mohamed") == (0.85, Why.SKELETON)
    assert token_similarity("mhmd", "mohamed")[0] < 0.85


def random_names(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.sample(WORDS, rng.randint(1, 4))) for _ in range(count)]


@pytest.fixture(scope="module")
def weights() -> TokenWeights:
    return TokenWeights.build(prepare(n).tokens for n in random_names(1, 300))


def test_one_aligner_for_many_names_pairs_as_a_fresh_one(weights: TokenWeights) -> None:
    # The aligner keeps what each listed word pairs with; it must never change a pairing.
    for i, query in enumerate(random_names(2, 40)):
        kind = ("person", "org", "any")[i % 3]
        q = prepare(query, kind)
        aligner = Aligner(side(q, weights), weights)
        for listed in random_names(3 + i, 30):
            r = prepare(listed, kind)
            kept, fresh = aligner.align(side(r, weights)), align(q, r, weights)
            assert kept.pairs == fresh.pairs
            assert (kept.q_sims, kept.r_sims) == (fresh.q_sims, fresh.r_sims)


def test_the_feature_vector_is_every_feature_in_order(weights: TokenWeights) -> None:
    for i, query in enumerate(random_names(4, 60)):
        kind = ("person", "org", "any")[i % 3]
        for listed in random_names(5 + i, 20):
            a = align(prepare(query, kind), prepare(listed, kind), weights)
            assert feature_vector(a) == [f(a) for f in FEATURES]


def test_words_written_together_pair_with_the_two_words(weights: TokenWeights) -> None:
    a = align(prepare("JSCARGUMENT", "org"), prepare("JSC ARGUMENT", "org"), weights)
    assert [(p.q, p.r, p.why) for p in a.pairs] == [((0,), (0, 1), Why.COMPOUND)]
    assert a.describe().startswith("'jscargument'≈'jsc argument' compound")


def test_the_cheap_screen_for_joined_words_never_turns_a_close_pair_away() -> None:
    # may_reach spares the rules most joined words; it must agree wherever they reach 0.85.
    rng = random.Random(6)
    words = [w for w in WORDS if w.isascii()]
    for _ in range(3000):
        joined = rng.choice(words) + rng.choice(words)
        i = rng.randrange(len(joined))
        for other in (joined, joined[:i] + joined[i + 1 :], joined[:i] + "a" + joined[i + 1 :]):
            if token_similarity(joined, other)[0] >= 0.85:
                assert may_reach(joined, other, 0.85) and may_reach(other, joined, 0.85)
    assert not may_reach("mohammedali", "hassan", 0.85)


def test_the_screen_lets_through_every_pair_the_rules_pair() -> None:
    rng = random.Random(7)
    words = [w for w in WORDS if w.isascii()] + ["mhmd", "3", "jon", "x"]
    for abjad in (False, True):
        similarity = abjad_similarity if abjad else token_similarity
        for _ in range(200):
            a, b = rng.sample(words, 3), rng.sample(words, 12)
            b += [w[:-1] + "e" for w in b if len(w) > 3]  # one letter off
            passed = set(screen(a, b, MIN_SIM, abjad))
            for i, x in enumerate(a):
                for j, y in enumerate(b):
                    sim, why = similarity(x, y)
                    if sim >= (INITIAL_SIM if why == Why.INITIAL else MIN_SIM):
                        assert (i, j) in passed, (x, y)
