"""Findings combine into a tier: blocking rules, probable list matches, score thresholds."""

from __future__ import annotations

from veracity.model import Evidence, Finding, Risk
from veracity.screening.decision import DecisionConfig, decide

EV = (Evidence("shipment S1", "hs_code", "854231"),)


def finding(rule: str, weight: float, probability: float | None = None, **extra: str) -> Finding:
    return Finding(rule, rule, f"{rule} fired.", weight, EV, probability, dict(extra))


def test_no_findings_is_clear() -> None:
    assert decide([]).risk == Risk.CLEAR


def test_score_thresholds_pick_the_tier() -> None:
    config = DecisionConfig(review_at=2.0, escalate_at=6.0)
    assert decide([finding("R01", 3.0)], config).risk == Risk.REVIEW
    assert decide([finding("R01", 3.0), finding("R03", 3.0)], config).risk == Risk.ESCALATE
    assert decide([finding("R01", 3.0)], DecisionConfig(review_at=4.0)).risk == Risk.CLEAR
    assert decide([finding("R01", 5.0)]).risk == Risk.CLEAR  # a CHPL item alone
    assert decide([finding("R01", 5.0), finding("R03", 3.0)]).risk == Risk.REVIEW


def test_a_blocking_rule_or_a_probable_listed_party_blocks() -> None:
    assert decide([finding("R02", 1.0, decision="block")]).risk == Risk.BLOCK
    assert decide([finding("party_match", 4.0, probability=0.95)]).risk == Risk.BLOCK
    assert decide([finding("party_match", 6.0, probability=0.75)]).risk == Risk.REVIEW


def test_a_rule_can_ask_for_escalation_whatever_the_score() -> None:
    assert decide([finding("R02", 1.0, decision="escalate")]).risk == Risk.ESCALATE


def test_findings_are_ordered_strongest_first_and_scored() -> None:
    d = decide([finding("R05", 1.0), finding("R01", 5.0)])
    assert [f.rule for f in d.findings] == ["R01", "R05"] and d.score == 6.0
