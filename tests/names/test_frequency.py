"""Token weights from frequencies across listed names."""

from __future__ import annotations

import json

import pytest

from veracity.names import TokenWeights

NAMES = [
    ["mohammed", "ali"],
    ["mohammed", "hassan", "llc"],
    ["mohammed", "qadhafi"],
    ["emma", "llc"],
    ["belletech", "corp"],
]


def test_rare_tokens_weigh_more() -> None:
    weights = TokenWeights.build(NAMES)
    assert weights.frequency("mohammed") == 3 and weights.documents == 5
    assert weights.weight("qadhafi") == 1.0
    assert weights.weight("qadhafi") > weights.weight("llc") > weights.weight("mohammed") > 0


def test_a_token_counts_once_per_name() -> None:
    assert TokenWeights.build([["al", "al", "al"]]).frequency("al") == 1


def test_unseen_tokens_weigh_as_a_token_seen_once() -> None:
    weights = TokenWeights.build(NAMES)
    assert weights.weight("zzz") == weights.weight("qadhafi") == 1.0


def test_empty_weights() -> None:
    assert TokenWeights.build([]).weight("anything") == 1.0


def test_round_trip_through_json() -> None:
    weights = TokenWeights.build(NAMES)
    again = TokenWeights.from_dict(json.loads(json.dumps(weights.to_dict())))
    assert again.frequencies == weights.frequencies and again.documents == weights.documents
    assert again.weight("llc") == weights.weight("llc")


def test_unknown_version_is_refused() -> None:
    with pytest.raises(ValueError, match="version"):
        TokenWeights.from_dict({"version": 99, "documents": 0, "frequencies": {}})
