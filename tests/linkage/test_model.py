"""The Fellegi–Sunter model: weights, term frequencies, the probability, saving."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from tests.linkage.factories import person
from veracity.linkage import LinkModel, NameFrequencies, compare_persons
from veracity.linkage.compare_names import NameLevel
from veracity.linkage.link import compare_pairs
from veracity.linkage.model import log2_odds, probability
from veracity.linkage.records import prepare

SURNAME = 1  # the surname's place in the comparison vector


def test_a_rare_surname_agreement_weighs_more_than_a_common_one() -> None:
    model = LinkModel.default()
    common = model.weight(SURNAME, NameLevel.EXACT, frequency=0.004)  # GARCIA
    rare = model.weight(SURNAME, NameLevel.EXACT, frequency=0.00003)  # CORREIA
    assert rare - common == pytest.approx(math.log2(0.004 / 0.00003))
    assert common > 0


def test_frequency_only_moves_levels_that_use_it() -> None:
    model = LinkModel.default()
    different = model.weight(SURNAME, NameLevel.DIFFERENT)
    assert model.weight(SURNAME, NameLevel.DIFFERENT, frequency=1e-6) == different < 0
    assert model.weight(SURNAME, -1, frequency=1e-6) == 0.0  # a missing value says nothing


def test_probability_is_the_inverse_of_log_odds() -> None:
    for p in (1e-9, 0.01, 0.5, 0.99):
        assert probability(log2_odds(p)) == pytest.approx(p)


def test_batch_scores_equal_the_one_pair_score() -> None:
    freqs = NameFrequencies.from_records([person("1"), person("2", "Jon"), person("3", "Ann")])
    model = LinkModel.default(prior=0.01)
    a, b = person("a", "John", "Smith", "1980-05-17"), person("b", "Jon", "Smyth", "1980-05-17")
    one = compare_persons(a, b, freqs, model)
    pairs = np.array([[0, 0]], dtype=np.int64)
    levels, frequencies = compare_pairs([prepare(a)], [prepare(b)], pairs, model, freqs)
    assert model.probabilities(levels, frequencies)[0] == pytest.approx(one.probability)
    assert model.weights(levels, frequencies)[0].tolist() == pytest.approx(
        [c.bits for c in one.contributions]
    )


def test_a_model_survives_json() -> None:
    model = LinkModel.default(("postcode",), prior=0.001)
    again = LinkModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again == model


def test_a_model_for_other_comparisons_is_refused() -> None:
    saved = LinkModel.default().to_dict()
    saved["extra_fields"] = ["postcode"]
    with pytest.raises(ValueError, match="comparisons"):
        LinkModel.from_dict(saved)
